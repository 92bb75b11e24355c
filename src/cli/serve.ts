/**
 * `npm start` (after the build) and `npm run serve`: serves dist/ at http://127.0.0.1:4321/ (PORT
 * changes the port), compressed as GitHub Pages serves it (see static-server.ts), so what a
 * maintainer measures locally is what readers get. Usage: node src/cli/serve.ts [site folder]
 */
import path from 'node:path';
import { serveDist } from './static-server.ts';

const site = await serveDist(path.resolve(process.argv[2] ?? 'dist'), process.env.SITE_BASE ?? '/', { port: Number(process.env.PORT ?? 4321) });
console.log(`serving ${process.argv[2] ?? 'dist'} at ${site.url()} (gzip, as the host sends it); Ctrl+C stops`);
