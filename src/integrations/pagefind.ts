import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, HookParameters } from 'astro';
// Imported at the top: a dynamic import inside the hook fails once Vite's module runner has closed.
import * as pagefind from 'pagefind';
import { PagefindFailed, PagefindNoIndex } from '../lib/errors/error-data.ts';
import { astroError } from './astro-errors.ts';

/** The pages that carry data-pagefind-body; every other page is left out of the index. */
const INDEXED_PAGES = 'papers/*/index.html';

/**
 * Pagefind writes one fragment file per page unless told to bundle them; at tens of
 * thousands of papers that alone passes static hosts' file limits (Cloudflare Pages:
 * 20,000 files), so above this many pages fragments share files.
 */
const MAX_FRAGMENTS = 5_000;

/** Where the search bundle goes inside the build, and where the site's scripts look for it. */
const PAGEFIND_DIR = 'pagefind';

/**
 * Builds the Pagefind search index of the finished site with Pagefind's Node API, so the
 * index, the Component UI files and the WASM all ship inside `dist/` and search works
 * with no other host.
 */
export function pagefindIntegration(): AstroIntegration {
	return {
		name: 'abstract-atlas-pagefind',
		hooks: {
			'astro:build:done': ({ dir, logger }) => indexSite({ dir, logger }),
		},
	};
}

/** Indexes every built page; fails the build with what went wrong and what to do. */
export async function indexSite({
	dir,
	logger,
}: Pick<HookParameters<'astro:build:done'>, 'dir' | 'logger'>): Promise<void> {
	const started = performance.now();
	const site = fileURLToPath(dir);
	try {
		const created = await pagefind.createIndex({ maxFragments: MAX_FRAGMENTS });
		failOn(created.errors, 'create the search index');
		const index = created.index;
		if (!index) throw astroError(PagefindNoIndex, []);
		// Only paper pages are indexed (data-pagefind-body): reading the other pages is wasted work.
		const added = await index.addDirectory({ path: site, glob: INDEXED_PAGES });
		failOn(added.errors, `index the pages in ${site}`);
		if (added.page_count === 0) {
			logger.warn(
				'Pagefind found no page to index (no element with data-pagefind-body); search will return nothing.',
			);
		}
		const written = await index.writeFiles({ outputPath: join(site, PAGEFIND_DIR) });
		failOn(written.errors, `write the search index to ${join(site, PAGEFIND_DIR)}`);
		logger.info(
			`Search: indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms.`,
		);
	} finally {
		await pagefind.close();
	}
}

function failOn(errors: readonly string[], doing: string): void {
	if (errors.length === 0) return;
	throw astroError(PagefindFailed, [doing, errors]);
}
