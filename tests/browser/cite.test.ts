/**
 * The Cite section as a reader uses it, in Debian's Chromium against a built site
 * served on 127.0.0.1 under a base path: the Copy BibTeX button works from the
 * keyboard and puts exactly the .bib file's entry on the clipboard, says so in a live
 * region, falls back to selecting the entry when there is no clipboard, the downloads
 * arrive as files, and the code follows the reader's colour scheme.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchedPage, type WatchedPage } from '../helpers/browser.ts';
import type { BuiltSite } from '../helpers/build-site.ts';
import { sharedSiteOk } from '../helpers/shared-sites.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let browser: Browser | undefined;
let server: StaticServer | undefined;
let site: BuiltSite;
let rows: PaperRow[];
const watched: WatchedPage[] = [];

beforeAll(async () => {
	site = sharedSiteOk('bundled-atlas');
	rows = readPapersJson(site);
	server = await serveStatic(site.outDir, site.base);
	browser = await launchBrowser();
});

afterAll(async () => {
	for (const { foreignRequests, dialogs, errors } of watched) {
		expect(foreignRequests).toEqual([]);
		expect(dialogs).toEqual([]);
		expect(errors).toEqual([]);
	}
	await browser?.close();
	await server?.close();
});

async function openPaper(row: PaperRow, { clipboard = true } = {}): Promise<Page> {
	const visit = await watchedPage(browser!);
	watched.push(visit);
	if (clipboard)
		await visit.page
			.context()
			.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server!.origin });
	const response = await visit.page.goto(`${server!.origin}${row.url}`);
	expect(response?.status()).toBe(200);
	return visit.page;
}

const bibOf = (row: PaperRow) => site.read(pageFile(site, row).replace(/\/index\.html$/u, '.bib'));
const scraped = () => rows.find((r) => r.authors.length > 0)!;
const derived = () => rows.find((r) => r.titleSource === 'derived')!;

/** Presses Tab until the Copy BibTeX button has the focus, as a keyboard user gets there. */
async function tabToCopyButton(page: Page): Promise<void> {
	for (let i = 0; i < 300; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(() => document.activeElement?.matches('[data-cite-copy]') ?? false))
			return;
	}
	throw new Error('Tab never reached the Copy BibTeX button');
}

describe('Copy BibTeX', () => {
	it.each([
		['Enter', 'a scraped paper', scraped],
		[' ', 'a paper with a derived title', derived],
	] as const)(
		'by keyboard (%j) copies exactly the .bib entry of %s and announces it',
		async (key, _, pick) => {
			const row = pick();
			const page = await openPaper(row);
			await tabToCopyButton(page);
			await expect(page.locator('.cite [role=status]').textContent()).resolves.toBe('');
			await page.keyboard.press(key === ' ' ? 'Space' : key);
			await expect.poll(() => page.locator('.cite [role=status]').textContent()).toBe('Copied');
			const copied = await page.evaluate(() => navigator.clipboard.readText());
			expect(copied).toBe(bibOf(row));
			expect(copied.startsWith(`@misc{atlas:${row.id},\n`)).toBe(true);
		},
	);

	it('without a clipboard, selects the entry and says how to copy it', async () => {
		const row = scraped();
		const visit = await watchedPage(browser!);
		watched.push(visit);
		await visit.page.addInitScript(() =>
			Object.defineProperty(navigator, 'clipboard', { value: undefined }),
		);
		await visit.page.goto(`${server!.origin}${row.url}`);
		await visit.page.getByRole('button', { name: 'Copy BibTeX' }).click();
		await expect
			.poll(() => visit.page.locator('.cite [role=status]').textContent())
			.toMatch(/^Could not copy: the entry is selected/u);
		await expect(visit.page.evaluate(() => window.getSelection()?.toString())).resolves.toBe(
			bibOf(row).trimEnd(),
		);
	});
});

describe('downloads and colours', () => {
	it('downloads the .bib and .ris files under the paper’s slug', async () => {
		const row = derived();
		const page = await openPaper(row, { clipboard: false });
		const slug = row.url.split('/').at(-2)!;
		for (const [label, extension] of [
			[/Download \.bib/u, 'bib'],
			[/Download \.ris/u, 'ris'],
		] as const) {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('link', { name: label }).click(),
			]);
			expect(download.suggestedFilename()).toBe(`${slug}.${extension}`);
			const path = await download.path();
			const text = await readFile(path, 'utf8');
			if (extension === 'bib') expect(text).toBe(bibOf(row));
			else expect(text.startsWith('TY  - GEN\r\n')).toBe(true);
		}
	});

	it.each([
		['light', 'rgb(255, 255, 255)'],
		['dark', 'rgb(36, 41, 46)'],
	] as const)(
		'shows the code in the %s theme when the reader prefers it',
		async (scheme, background) => {
			const page = await openPaper(scraped(), { clipboard: false });
			await page.emulateMedia({ colorScheme: scheme });
			const code = page.locator('.cite pre.astro-code');
			await expect(code.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
				background,
			);
			const keyword = code.locator('span:not(.line)', { hasText: /^@misc$/u });
			const colour = await keyword.evaluate((el) => getComputedStyle(el).color);
			expect(colour).toBe(scheme === 'light' ? 'rgb(215, 58, 73)' : 'rgb(249, 117, 131)');
		},
	);
});
