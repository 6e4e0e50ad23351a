// Rewrites src/styles/code-theme.css from the Shiki themes the Cite section uses
// (github-light, github-dark, the ones Astro's <Code> loads). Run it after changing the
// themes or upgrading Shiki: `node_modules/.bin/node scripts/code-theme-css.mjs`.
// tests/unit/theme/code-theme.test.ts fails while the file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeThemeCss } from '../src/lib/theme/code-theme.ts';

const { default: light } = await import('@shikijs/themes/github-light');
const { default: dark } = await import('@shikijs/themes/github-dark');
const target = fileURLToPath(new URL('../src/styles/code-theme.css', import.meta.url));
writeFileSync(target, codeThemeCss({ light, dark }));
console.log(`Wrote ${target}`);
