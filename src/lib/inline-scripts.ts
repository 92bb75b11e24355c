/**
 * The two scripts Base.astro writes into every page's <head> (src/scripts/theme-init.js and
 * src/scripts/script-loader.js), as it writes them: without their indentation, as a page's
 * blocking inline scripts have a byte budget (budgets.test.ts). astro.config.mjs puts the hash of
 * this same text in the Content-Security-Policy (Astro hashes only the scripts it bundles).
 */
export const inlineScriptText = (source: string): string => source.replace(/\n[ \t]+/g, '\n');
