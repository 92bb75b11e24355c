// Inlined by Base.astro (CSP hash in astro.config.mjs); src/lib/after-paint.ts says what and why.
(function () {
  var started = false, ready = false, pending = [], events = ['keydown', 'click', 'pointerdown', 'touchstart', 'focusin'];
  function start() {
    if (started) return;
    if (document.readyState === 'loading') return document.addEventListener('DOMContentLoaded', start);
    started = true;
    var scripts = document.querySelectorAll('script[type="text/x-after-paint"]');
    Promise.allSettled([].map.call(scripts, function (s) { return import(s.dataset.src); })).then(function () {
      ready = true;
      document.documentElement.dataset.scripts = 'ready';
      events.forEach(function (t) { removeEventListener(t, early, true); });
      pending.forEach(function (e) {
        if (e.type === 'click') e.target.click();
        else e.target.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, bubbles: true, cancelable: true }));
      });
    });
  }
  function early(e) {
    var t = e.target, field = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
    if (!ready && e.type === 'keydown' && !field && e.key !== 'Tab') {
      if ((e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) || (/^k$/i.test(e.key) && (e.ctrlKey || e.metaKey))) e.preventDefault();
      pending.push(e);
    }
    var button = e.type === 'click' && t.closest && t.closest('button[type="button"]');
    if (!ready && button) pending.push({ type: 'click', target: button });
    start();
  }
  events.forEach(function (t) { addEventListener(t, early, true); });
  function afterPaint() { requestAnimationFrame(function () { setTimeout(start, 0); }); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterPaint);
  else afterPaint();
})();
