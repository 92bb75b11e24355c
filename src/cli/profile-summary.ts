/**
 * Where a build's CPU time goes, from a V8 CPU profile: self time grouped by package (or by the
 * site's own folder), largest first. Time spent in native code (Sätteri's parser, resvg's
 * rasteriser) counts towards the JavaScript function that called it.
 *
 *   node --cpu-prof --cpu-prof-dir=bench/tmp/prof node_modules/astro/bin/astro.mjs build --silent
 *   node src/cli/profile-summary.ts bench/tmp/prof/*.cpuprofile [--top 25] [--functions]
 *
 * With several profiles (Astro starts worker processes), they are summed.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
const byFunction = args.includes('--functions');
const files = args.filter((a, i) => !a.startsWith('--') && (topIndex < 0 || i !== topIndex + 1));
if (!files.length) {
  console.error('usage: node src/cli/profile-summary.ts <file.cpuprofile>… [--top N] [--functions]');
  process.exit(2);
}

/** "astro", "@astrojs/mdx", "src/lib/markdown", "(garbage collector)", "node:internal"… */
function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native or anonymous)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1).split('/').slice(0, 3).join('/').replace(/\.[a-z]+(\?.*)?$/, '');
  if (url.includes('/dist/')) return 'built site code (dist/, .prerender)';
  return url.replace(/^file:\/\//, '');
}

const selfTime = new Map<string, number>();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!;
    const dt = profile.timeDeltas[i] ?? 0;
    if (node.callFrame.functionName === '(idle)') return;
    const group = groupOf(node.callFrame.url, node.callFrame.functionName);
    const key = byFunction ? `${group}  ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}` : group;
    selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
    total += dt;
  });
}

console.log(`CPU time (idle excluded): ${(total / 1e6).toFixed(1)} s in ${files.length} profile(s)`);
console.log('| self time | share | where |');
console.log('| --- | --- | --- |');
for (const [key, us] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`| ${(us / 1e6).toFixed(2)} s | ${((us / total) * 100).toFixed(1)} % | ${key} |`);
}
