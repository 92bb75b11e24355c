/** Site-internal URLs with the base path applied, so the site also works under a sub-path. */

export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}
