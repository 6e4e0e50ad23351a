import type { Page } from 'playwright-core';

/** Where Pagefind's filter files are fetched from: none should be before the pane is opened. */
export const FILTER_FILE = /\/pagefind\/filter\/[^/]+\.pf_filter$/u;

/**
 * Opens /search/'s folded filter pane as a reader does (a click on its summary) and waits
 * until Pagefind has drawn its checkboxes (attached: on a phone their groups start folded).
 */
export async function openSearchFilters(page: Page): Promise<void> {
	await page.locator('[data-atlas-search-page] [data-atlas-filters] > summary').click();
	await page
		.locator('[data-atlas-search-page] pagefind-filter-pane input[type=checkbox]')
		.first()
		.waitFor({ state: 'attached', timeout: 15_000 });
}
