(function () {
  var started, ready, focused, pending = [], events = ['keydown', 'click', 'pointerdown', 'touchstart', 'focusin'];
  function start() {
    if (started) return;
    if (document.readyState === 'loading') return document.addEventListener('DOMContentLoaded', start);
    started = true;
    [].forEach.call(document.querySelectorAll('noscript[data-after-paint]'), function (n) { n.insertAdjacentHTML('beforebegin', n.textContent); });
    var scripts = document.querySelectorAll('script[type="text/x-after-paint"]');
    Promise.allSettled([].map.call(scripts, function (s) { return import(s.dataset.src); })).then(function () {
      ready = true;
      document.documentElement.dataset.scripts = 'ready';
      events.forEach(function (t) { removeEventListener(t, early, true); });
      var a = document.activeElement;
      if (focused && a === focused) { a.dispatchEvent(new FocusEvent('focus')); a.dispatchEvent(new FocusEvent('focusin', { bubbles: true })); }
      pending.forEach(function (e) {
        if (e.type === 'click') e.target.click();
        else e.target.dispatchEvent(new KeyboardEvent('keydown', e));
      });
    });
  }
  function early(e) {
    var t = e.target, field = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
    if (e.type === 'focusin') focused = t;
    if (e.type === 'keydown' && !field && e.key !== 'Tab') {
      if ((e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) || (/^k$/i.test(e.key) && (e.ctrlKey || e.metaKey))) e.preventDefault();
      pending.push(e);
      e.stopImmediatePropagation();
    }
    var c = e.type === 'click' && !e.button && !(e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) && t.closest && t.closest('button[type="button"],a[data-section]');
    if (c) { if (c.tagName === 'A') e.preventDefault(); e.stopImmediatePropagation(); pending.push({ type: 'click', target: c }); }
    start();
  }
  ['pointerdown', 'keydown'].forEach(function (t) { addEventListener(t, function () { document.documentElement.dataset.scroll = 'smooth'; }, { capture: true, once: true }); });
  events.forEach(function (t) { addEventListener(t, early, true); });
  addEventListener('beforeprint', start);
  (function afterPaint() {
    if (performance.getEntriesByName('first-contentful-paint').length) start();
    else if (!started) requestAnimationFrame(function () { setTimeout(afterPaint); });
  })();
  setTimeout(start, 3000);
})();
