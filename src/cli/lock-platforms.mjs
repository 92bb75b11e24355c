// `npm run lock:platforms`: run after `npm install` changes package-lock.json.
//
// Some registries (including the mirror our build machines use) lack the prebuilt binaries of a
// few packages for other platforms, so `npm install` leaves them out of the lock file and
// `npm ci` then refuses the lock ("Missing: … from lock file"). This adds a lock entry for each
// such optional, platform-specific package, with the os/cpu its name states, so `npm ci` skips it
// on other platforms and still installs it (by name and version) on the platform it is for.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /[-/](android|darwin|linux|win32|windows|freebsd|wasm32)-(arm64|x64|ia32|arm|wasi)(?:-(gnu|musl|msvc|eabihf))?$/;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const top = `node_modules/${name}`;
    const nested = `${where ? `${where}/` : ''}node_modules/${name}`;
    if (lock.packages[top] || lock.packages[nested]) continue;
    const m = PLATFORM.exec(name);
    if (!m) throw new Error(`${name} (optional dependency of ${where}) is missing from the lock and is not platform-specific`);
    const [, os, cpu, libc] = m;
    lock.packages[top] = {
      version,
      cpu: [cpu === 'wasi' ? 'wasm32' : cpu],
      ...(libc === 'gnu' ? { libc: ['glibc'] } : libc === 'musl' ? { libc: ['musl'] } : {}),
      optional: true,
      os: [os === 'wasm32' ? 'wasi' : os === 'windows' ? 'win32' : os],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock:platforms: added ${added} platform-specific optional package(s)`);
