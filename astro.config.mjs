// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { toAstroError } from './src/integrations/astro-errors.ts';
import { atlasIntegration } from './src/integrations/atlas.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { GENERATED_DIR } from './src/lib/site/project-paths.ts';
import { resolveAtlasOptions } from './src/lib/site/options.ts';

// Astro lets an inherited BASE_URL (Vitest and some shells export one) override `base`,
// which would send every link to the wrong path; the base comes from ATLAS_BASE alone.
delete process.env.BASE_URL;

// ATLAS_SEEDS, ATLAS_BASE, ATLAS_SITE and ATLAS_STRICT override these; see README. A bad
// value is rethrown as Astro's error, so the terminal shows its name and what to do.
const atlas = (() => {
	try {
		return resolveAtlasOptions(process.env, { seeds: 'seeds', base: '/', site: undefined });
	} catch (error) {
		throw toAstroError(error);
	}
})();

export default defineConfig({
	...(atlas.site ? { site: atlas.site } : {}),
	base: atlas.base,
	// Every link the site writes ends in `/` and the build's files are the same with any
	// setting; 'ignore' only lets `astro dev` and `astro preview` answer a URL typed
	// without the slash as a host does, and send the 404 page for an unknown one ('always'
	// answers both with Astro's bare "trailingSlash" 404 instead of ours).
	trailingSlash: 'ignore',
	// Inside the project, not node_modules/.astro: a second checkout that links node_modules
	// then keeps its own build cache.
	cacheDir: './.astro/cache',
	// Paper pages whose cacheKey (everything the page shows) is unchanged are reused on a
	// rebuild; see src/lib/site/page-cache-key.ts.
	experimental: { incrementalBuild: true },
	// Paper MDX holds no code blocks (seed text never reaches MDX source), so Markdown needs
	// no highlighter; the Cite section's <Code> runs Shiki itself, without style attributes.
	markdown: { syntaxHighlight: false },
	// Every page carries this policy in a <meta http-equiv>; Astro adds the hashes of the
	// scripts and styles it bundles or injects (the theme script among them). The build
	// repeats it in the short-link pages and in dist/_headers. See README,
	// "Content-Security-Policy".
	security: {
		csp: {
			algorithm: 'SHA-256',
			directives: [
				"default-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			// Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows that and no JavaScript eval.
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			styleDirective: { resources: ["'self'"] },
		},
	},
	// Stylesheets stay files however small, as scripts do: pages carry no <style> either, so
	// style-src needs nothing but 'self'.
	build: { inlineStylesheets: 'never' },
	vite: {
		build: {
			// Scripts stay files under /_astro/, never inlined however small: pages carry no
			// inline script but the theme's head script, whose hash the CSP lists (tests check it). Nor SVG icons:
			// as data: URLs the CSP's img-src would refuse them.
			assetsInlineLimit: (file) =>
				file.endsWith('.js') || file.endsWith('.svg') ? false : undefined,
		},
	},
	integrations: [
		mdx(),
		// A sitemap needs absolute URLs, so only with a site URL; short links are redirects, not pages.
		...(atlas.site ? [sitemap({ filter: (page) => !/\/p\/[0-9a-f]{12}\/$/u.test(page) })] : []),
		pagefindIntegration(),
		atlasIntegration({ generatedDir: GENERATED_DIR, strict: atlas.strict, seeds: atlas.seeds }),
	],
});
