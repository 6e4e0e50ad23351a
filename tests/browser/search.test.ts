/**
 * Search as a reader uses it, in Debian's Chromium against built sites served on
 * 127.0.0.1: the modal from any page, /search/ with filters, highlighting on the
 * paper page, keyboard shortcuts, linkable queries, filter files fetched only once the
 * filter pane is opened, no request to any other host, and the same under a base path. In astro dev the search box explains itself.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	browserSuite,
	leaks,
	NO_LEAKS,
	watchedPage,
	type WatchedPage,
} from '../helpers/browser.ts';
import { startDevServer } from '../helpers/dev-server.ts';
import { readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';
import { FILTER_FILE, openSearchFilters, waitForResults } from '../helpers/search-page.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { sharedSiteOk } from '../helpers/shared-sites.ts';

interface Site {
	server: StaticServer;
	papers: PaperRow[];
	topics: { slug: string; name: string; count: number }[];
}

const pages: WatchedPage[] = [];
const sites: Record<'root' | 'atlas', Site> = {} as never;

const suite = browserSuite(async (onClose) => {
	for (const [key, name] of [
		['root', 'bundled'],
		['atlas', 'bundled-atlas'],
	] as const) {
		const site = sharedSiteOk(name);
		const server = await serveStatic(site.outDir, site.base);
		onClose(() => server.close());
		sites[key] = {
			server,
			papers: readPapersJson(site),
			topics: JSON.parse(site.read('topics.json')),
		};
	}
});

async function newPage(): Promise<Page> {
	const watched = await watchedPage(suite.browser());
	pages.push(watched);
	// Results load their details when scrolled into view: a tall window shows them all.
	await watched.page.setViewportSize({ width: 1280, height: 4000 });
	return watched.page;
}

describe.each(['root', 'atlas'] as const)('search on the built site (%s)', (key) => {
	const site = () => sites[key];
	const home = () => site().server.home;
	const painterly = () => site().papers.find((p) => p.title.startsWith('FreePIH'))!;

	it('loads no search code until search is opened, and a search in the modal fetches no filter file', async () => {
		const page = await newPage();
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto(home());
		await page.waitForLoadState('networkidle');
		expect(requested.filter((p) => p.includes('/pagefind/'))).toEqual([]);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.waitForSelector('pagefind-modal dialog[open]');
		expect(
			requested.some((p) => p === `${new URL(home()).pathname}pagefind/pagefind-component-ui.js`),
		).toBe(true);
		await page.keyboard.type('learning');
		await waitForResults(page, 'pagefind-modal', (t) => t.length > 0);
		await page.waitForLoadState('networkidle');
		expect(requested.filter((p) => FILTER_FILE.test(p))).toEqual([]);
	});

	it('/ opens the modal with the box focused; a phrase only one abstract has finds it first; Esc closes', async () => {
		const page = await newPage();
		await page.goto(home());
		await page.keyboard.press('/');
		await page.waitForSelector('pagefind-modal dialog[open]');
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.closest('pagefind-input') !== null))
			.toBe(true);
		await page.keyboard.type('painterly image harmonization');
		// Results of a prefix ("pai") may show first while typing; wait for the whole phrase's.
		const titles = await waitForResults(page, 'pagefind-modal', (t) => t[0] === painterly().title);
		expect(titles[0]).toBe(painterly().title);
		await expect(
			page.locator('pagefind-modal .pf-result').first().locator('mark').count(),
		).resolves.toBeGreaterThan(0);
		await expect(
			page.locator('pagefind-modal .atlas-result-topics').first().innerText(),
		).resolves.not.toBe('');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('pagefind-modal dialog[open]').count()).toBe(0);
	});

	it('Ctrl+K opens search too, and opening a result lands on the paper with the terms highlighted', async () => {
		const page = await newPage();
		await page.goto(home());
		await page.keyboard.press('Control+k');
		await page.waitForSelector('pagefind-modal dialog[open]');
		await page.keyboard.type('painterly');
		await waitForResults(page, 'pagefind-modal', (t) => t.length > 0);
		await page.locator('pagefind-modal .pf-result-link').first().click();
		await page.waitForURL((url) => url.pathname === painterly().url);
		expect(new URL(page.url()).searchParams.get('highlight')).toBe('painterly');
		await expect.poll(() => page.locator('.abstract mark').count()).toBeGreaterThan(0);
		await expect(page.locator('.abstract mark').first().innerText()).resolves.toMatch(
			/painterly/iu,
		);
	});

	it('/search/?q= opens with the query filled in and run; the URL follows the box', async () => {
		const page = await newPage();
		await page.goto(`${home()}search/?q=painterly`);
		await expect
			.poll(() => page.locator('[data-atlas-search-page] pagefind-input input').inputValue())
			.toBe('painterly');
		const titles = await waitForResults(page, '[data-atlas-search-page]', (t) => t.length === 1);
		expect(titles).toEqual([painterly().title]);
		const input = page.locator('[data-atlas-search-page] pagefind-input input');
		await input.fill('knowledge distillation');
		await expect
			.poll(() => new URL(page.url()).searchParams.get('q'))
			.toBe('knowledge distillation');
		await page.keyboard.press('Escape');
		await page.locator('h1').click();
		await page.keyboard.press('/');
		await expect
			.poll(() =>
				page.evaluate(
					() => document.activeElement?.closest('[data-atlas-search-page] pagefind-input') !== null,
				),
			)
			.toBe(true);
	});

	it('/search/?q= shows its results without fetching any filter file; opening the pane shows the filters, and a topic narrows the results to its papers', async () => {
		const page = await newPage();
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto(`${home()}search/?q=learning`);
		await waitForResults(page, '[data-atlas-search-page]', (t) => t.length > 1);
		await page.waitForLoadState('networkidle');
		expect(requested.filter((p) => FILTER_FILE.test(p))).toEqual([]);
		await expect(
			page.locator('pagefind-filter-pane').count(),
			'no pane before it is opened',
		).resolves.toBe(0);
		await expect(page.getByText('Filter by topic, author or category').isVisible()).resolves.toBe(
			true,
		);

		await openSearchFilters(page);
		expect(requested.filter((p) => FILTER_FILE.test(p)).length).toBeGreaterThan(0);
		for (const group of ['Topic', 'Author', 'Category']) {
			await expect(
				page.locator('pagefind-filter-pane').getByText(group, { exact: false }).count(),
				group,
			).resolves.toBeGreaterThan(0);
		}
		const members = site()
			.papers.filter((p) => p.topics.includes('federated-learning'))
			.map((p) => p.title);
		const topic = site().topics.find((t) => t.slug === 'federated-learning')!;
		await page
			.locator('pagefind-filter-pane')
			.getByRole('checkbox', { name: new RegExp(`^${topic.name}`, 'u') })
			.check();
		const narrowed = await waitForResults(
			page,
			'[data-atlas-search-page]',
			// Results render as they load: wait until every one shown is the topic's.
			(t) => t.length > 0 && t.every((title) => members.includes(title)),
		);
		expect(narrowed.length).toBeGreaterThan(0);
		expect(narrowed.filter((title) => !members.includes(title))).toEqual([]);
		expect(new URL(page.url()).searchParams.get('q')).toBe('learning');
	});

	it('/search/ lists every paper before anything is typed, and once the pane is opened a topic filter keeps only its papers', async () => {
		const page = await newPage();
		await page.goto(`${home()}search/`);
		await expect
			.poll(() => page.locator('[data-atlas-search-page] pagefind-summary').innerText())
			.toMatch(new RegExp(`^${site().papers.length} results?`, 'u'));
		await openSearchFilters(page);
		const topic = site().topics.find((t) => t.slug === 'federated-learning')!;
		const option = page
			.locator('pagefind-filter-pane')
			.getByRole('checkbox', { name: new RegExp(`^${topic.name}`, 'u') });
		await option.waitFor();
		await expect(
			page.locator('pagefind-filter-pane').getByText('Author', { exact: false }).count(),
		).resolves.toBeGreaterThan(0);
		await option.check();
		const members = site()
			.papers.filter((p) => p.topics.includes(topic.slug))
			.map((p) => p.title)
			.sort();
		const titles = await waitForResults(
			page,
			'[data-atlas-search-page]',
			(t) => t.length === members.length,
		);
		expect([...titles].sort()).toEqual(members);
	});

	it('never returns the home page or a topic page, only papers', async () => {
		const page = await newPage();
		for (const phrase of ['research-paper abstracts', 'phrases that recur across papers']) {
			await page.goto(`${home()}search/?q=${encodeURIComponent(phrase)}`);
			await expect
				.poll(() => page.locator('[data-atlas-search-page] pagefind-summary').innerText())
				.toMatch(/\d|no results/iu);
			const links = await page
				.locator('[data-atlas-search-page] .pf-result-link')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
			for (const href of links) expect(href).toMatch(/\/papers\/[a-z0-9-]+\//u);
		}
	});
});

describe('across every search page visited', () => {
	it('nothing left 127.0.0.1, no dialog, no error', () => {
		expect(pages.length).toBeGreaterThan(5);
		expect(leaks(pages)).toEqual(NO_LEAKS);
	});
});

describe('search in astro dev', () => {
	it('says that search works in the built site, and throws nothing', async () => {
		const server = await startDevServer(BUNDLED_SEEDS);
		try {
			const watched = await watchedPage(suite.browser());
			await watched.page.goto(`${server.origin}/`);
			// Vite compiles the page's script on first request: wait until it has attached.
			await watched.page.waitForSelector('html[data-atlas-search="ready"]', { timeout: 30_000 });
			await watched.page.getByRole('button', { name: 'Search' }).click();
			const status = watched.page.locator('.site-header [data-atlas-search-status]');
			await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('npm run build');
			expect(watched.errors.filter((e) => !/vite|hmr|websocket/iu.test(e))).toEqual([]);
			await watched.page.context().close();
		} finally {
			await server.stop();
		}
	});
});
