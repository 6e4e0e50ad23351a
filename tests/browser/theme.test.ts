/**
 * The theme toggle as a reader uses it, in Debian's Chromium on a built site: a named
 * 44 px button beside search that works by keyboard; light, dark or the system's
 * scheme; a choice that survives a reload and another page without a flash of the
 * wrong theme; the code, the math and the search following it; and no CSP refusal.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { BuiltSite } from '../helpers/build-site.ts';
import { sharedSiteOk } from '../helpers/shared-sites.ts';
import { watchCsp, type CspWatch } from '../helpers/csp.ts';
import { readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { TEST_OUTPUT } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(20, 23, 28)';
const DARK_FG = 'rgb(230, 230, 230)';
const SCREENSHOTS = join(TEST_OUTPUT, 'screenshots');

let site: BuiltSite;
let rows: PaperRow[];
let server: StaticServer | undefined;
let browser: Browser | undefined;
const watches: CspWatch[] = [];

beforeAll(async () => {
	site = sharedSiteOk('bundled');
	rows = readPapersJson(site);
	server = await serveStatic(site.outDir, site.base);
	browser = await launchBrowser();
	await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** A reader with their own storage, whose system prefers `scheme`. */
async function reader(scheme: 'light' | 'dark'): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser!.newContext({ colorScheme: scheme });
	const page = await context.newPage();
	const csp = watchCsp(page);
	watches.push(csp);
	await csp.ready;
	return { context, page };
}

const toggle = (page: Page) => page.locator('header [data-theme-toggle]');
const themeAttribute = (page: Page) =>
	page.evaluate(() => document.documentElement.dataset['theme'] ?? null);
const bodyBackground = (page: Page) =>
	page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('atlas-theme'));
const mathPaper = () =>
	rows.find((row) => site.read(`${row.url.slice(1)}index.html`).includes('<math'))!;

describe('the theme toggle', () => {
	it('is a named 44 px button right after the search button, worked by keyboard with a visible focus ring', async () => {
		const { context, page } = await reader('light');
		await page.goto(server!.home);
		// Next to search: the header's next button after the search button.
		const buttons = await page
			.locator('header button')
			.evaluateAll((els) =>
				els.map((el) => (el.matches('[data-theme-toggle]') ? 'theme' : el.className)),
			);
		expect(buttons[buttons.indexOf('search-trigger') + 1]).toBe('theme');
		await expect(
			page.getByRole('button', { name: 'Theme: System', exact: true }).count(),
		).resolves.toBe(1);
		const box = (await toggle(page).boundingBox())!;
		expect(box.width).toBeGreaterThanOrEqual(44);
		expect(box.height).toBeGreaterThanOrEqual(44);
		for (
			let i = 0;
			i < 30 && !(await toggle(page).evaluate((el) => el === document.activeElement));
			i++
		)
			await page.keyboard.press('Tab');
		await expect(toggle(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await expect(toggle(page).evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.toBe(
			'solid',
		);
		await page.keyboard.press('Enter');
		await expect(
			page.getByRole('button', { name: 'Theme: Light', exact: true }).count(),
		).resolves.toBe(1);
		await page.keyboard.press('Space');
		await expect(
			page.getByRole('button', { name: 'Theme: Dark', exact: true }).count(),
		).resolves.toBe(1);
		await expect(themeAttribute(page)).resolves.toBe('dark');
		await expect(bodyBackground(page)).resolves.toBe(DARK_BG);
		await context.close();
	});

	it('remembers dark across a reload and another page, dark before the body is even parsed', async () => {
		const { context, page } = await reader('light');
		await page.goto(server!.home);
		await toggle(page).click();
		await toggle(page).click();
		await expect(stored(page)).resolves.toBe('dark');
		// What the page looks like the moment <body> exists, before any of it can be painted.
		await page.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (!document.body) return;
				observer.disconnect();
				const w = window as unknown as { atBody: unknown };
				w.atBody = {
					theme: document.documentElement.dataset['theme'] ?? null,
					background: getComputedStyle(document.body).backgroundColor,
				};
			}).observe(document, { childList: true, subtree: true });
		});
		for (const url of [server!.home, `${server!.origin}${rows[0]!.url}`]) {
			await page.goto(url);
			await expect(
				page.evaluate(() => (window as unknown as { atBody: unknown }).atBody),
				url,
			).resolves.toEqual({ theme: 'dark', background: DARK_BG });
			await expect(
				page.getByRole('button', { name: 'Theme: Dark', exact: true }).count(),
			).resolves.toBe(1);
		}
		await context.close();
	});

	it('follows the system until a choice is made, then the choice wins; back to system forgets it', async () => {
		const { context, page } = await reader('dark');
		await page.goto(server!.home);
		await expect(themeAttribute(page)).resolves.toBeNull();
		await expect(bodyBackground(page)).resolves.toBe(DARK_BG);
		await page.emulateMedia({ colorScheme: 'light' });
		await expect(bodyBackground(page)).resolves.toBe(LIGHT_BG);
		await page.emulateMedia({ colorScheme: 'dark' });
		await toggle(page).click(); // light, against a dark system
		await expect(bodyBackground(page)).resolves.toBe(LIGHT_BG);
		await page.reload();
		await expect(bodyBackground(page)).resolves.toBe(LIGHT_BG);
		await toggle(page).click(); // dark
		await toggle(page).click(); // system
		await expect(stored(page)).resolves.toBeNull();
		await expect(themeAttribute(page)).resolves.toBeNull();
		await page.emulateMedia({ colorScheme: 'light' });
		await expect(bodyBackground(page)).resolves.toBe(LIGHT_BG);
		await context.close();
	});

	it('takes the BibTeX code, the math and the search with it', async () => {
		const { context, page } = await reader('light');
		await page.goto(`${server!.origin}${mathPaper().url}`);
		const code = page.locator('.cite pre.astro-code');
		await expect(code.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
			'rgb(255, 255, 255)',
		);
		await toggle(page).click();
		await toggle(page).click();
		await expect(code.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
			'rgb(36, 41, 46)',
		);
		const keyword = code.locator('span:not(.line)', { hasText: /^@misc$/u });
		await expect(keyword.evaluate((el) => getComputedStyle(el).color)).resolves.toBe(
			'rgb(249, 117, 131)',
		);
		await expect(
			page
				.locator('.abstract math')
				.first()
				.evaluate((el) => getComputedStyle(el).color),
		).resolves.toBe(DARK_FG);
		await page.keyboard.press('/');
		await page.waitForSelector('pagefind-modal dialog[open]');
		await expect(
			page.locator('pagefind-modal dialog').evaluate((el) => getComputedStyle(el).backgroundColor),
		).resolves.toBe(DARK_BG);
		await page.keyboard.type('federated');
		await expect
			.poll(() => page.locator('pagefind-modal .pf-result-link').count())
			.toBeGreaterThan(0);
		await expect(
			page
				.locator('pagefind-modal .pf-result-link')
				.first()
				.evaluate((el) => getComputedStyle(el).color),
		).resolves.toBe(DARK_FG);
		await context.close();
	});

	it('screenshots at 390 and 1280 px, light and dark, for a human to look at', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const { context, page } = await reader(scheme);
			for (const width of [390, 1280]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(`${server!.origin}${mathPaper().url}`);
				await page.screenshot({ path: join(SCREENSHOTS, `theme-paper-${scheme}-${width}.png`) });
				await page.locator('.cite').scrollIntoViewIfNeeded();
				await page.screenshot({ path: join(SCREENSHOTS, `theme-cite-${scheme}-${width}.png`) });
				await page.goto(`${server!.home}topics/`);
				await page.screenshot({ path: join(SCREENSHOTS, `theme-topics-${scheme}-${width}.png`) });
			}
			await context.close();
		}
	});

	it('triggered no CSP refusal anywhere', () => {
		expect(watches.length).toBeGreaterThan(4);
		expect(watches.flatMap((w) => w.violations())).toEqual([]);
	});
});
