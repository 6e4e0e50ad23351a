import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** Titles of the results a scope shows now, in order. */
function resultTitles(page: Page, scope: string): Promise<string[]> {
	return page.locator(`${scope} pagefind-results .pf-result-link`).allInnerTexts();
}

/**
 * Waits until the results of a scope (the modal, or /search/'s own) pass `check`, and
 * returns their titles; a search that never gets there fails the test, with what it showed.
 */
export async function waitForResults(
	page: Page,
	scope: string,
	check: (titles: string[]) => boolean = (titles) => titles.length > 0,
): Promise<string[]> {
	let titles: string[] = [];
	await expect
		.poll(async () => check((titles = await resultTitles(page, scope))), {
			message: `results in ${scope}`,
		})
		.toBe(true);
	return titles;
}
