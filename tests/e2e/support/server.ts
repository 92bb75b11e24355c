/** The browser tests serve dist/ with the project's own static server (compressed, as the host serves it). */
export { serveDist, type StaticSite, type ServeOptions } from '../../../src/cli/static-server.ts';
