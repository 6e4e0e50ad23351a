/**
 * The Content-Security-Policy as a reader's browser enforces it. One build of the
 * bundled seeds (plus enough generated abstracts for a second page of papers), under
 * a base path: every HTML file carries the one site policy, the same as `_headers`,
 * with no inline style and no inline script it does not hash; then Chromium opens every
 * page type, searches, filters, opens a result, copies a BibTeX entry and switches the
 * theme, and the policy refuses nothing. A deliberately injected script and style
 * attribute show the watcher and the policy both work.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	allowsInlineScript,
	headersFile,
	pagePolicies,
	parsePolicy,
	policyFromHeadersFile,
} from '../../src/lib/hosting/csp.ts';
import { THEME_SCRIPT } from '../../src/lib/theme/theme-choice.ts';
import {
	launchBrowser,
	leaks,
	NO_LEAKS,
	watchedPage,
	type WatchedPage,
} from '../helpers/browser.ts';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { watchCsp, type CspWatch } from '../helpers/csp.ts';
import { foreignScripts, loadHtml } from '../helpers/html.ts';
import { readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';
import {
	openSearchFilters,
	waitForResults as waitForSearchResults,
} from '../helpers/search-page.ts';
import { readSeedsFolder, writeSeedsFolder } from '../helpers/seeds-folder.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let site: BuiltSite;
let rows: PaperRow[];
let server: StaticServer | undefined;
let browser: Browser | undefined;
const visits: {
	url: string;
	watched: WatchedPage & { failedResponses: string[] };
	csp: CspWatch;
}[] = [];

beforeAll(async () => {
	// Enough short generated abstracts beside the bundled ones for a /page/2/.
	const extra = Array.from(
		{ length: 15 },
		(_, i) =>
			`Abstract:We study benchmark ${i} of sparse graph coloring under noise level ${i * 3}.`,
	);
	// Math that Temml would style with attributes: an accent, a matrix, cases with rules.
	extra.push(
		String.raw`Abstract:We bound $\hat{x}$ and $\bar{\nu}_e$ with $$\begin{pmatrix}a&b\\c&d\end{pmatrix}$$ and $$\begin{array}{|c|c|}\hline a&b\\\hline\end{array}$$ for sparse graph coloring.`,
	);
	const seeds = await writeSeedsFolder('csp', {
		...(await readSeedsFolder(BUNDLED_SEEDS)),
		'generated.txt': extra.join('\n'),
	});
	site = await buildSiteOk({
		seeds,
		name: 'csp',
		base: '/atlas/',
		site: 'https://atlas.example.org',
	});
	rows = readPapersJson(site);
	server = await serveStatic(site.outDir, site.base);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)))
		.sort();
}

/** A fresh watched page (its own context, so its own storage) recording CSP refusals. */
async function open(
	url: string,
	options: { clipboard?: boolean } = {},
): Promise<{ page: Page; csp: CspWatch }> {
	const watched = Object.assign(await watchedPage(browser!), { failedResponses: [] as string[] });
	watched.page.on('response', (response) => {
		if (response.status() >= 400)
			watched.failedResponses.push(`${response.status()} ${response.url()}`);
	});
	const csp = watchCsp(watched.page);
	await csp.ready;
	if (options.clipboard)
		await watched.page
			.context()
			.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server!.origin });
	visits.push({ url, watched, csp });
	const response = await watched.page.goto(url, { waitUntil: 'load' });
	expect(response?.status(), url).toBe(200);
	return { page: watched.page, csp };
}

/** Results load their details when scrolled into view: a tall window shows them all. */
async function waitForResults(page: Page, scope: string): Promise<string[]> {
	await page.setViewportSize({ width: 1280, height: 3000 });
	return waitForSearchResults(page, scope);
}

describe('the built files', () => {
	it('every HTML page, rendered or written by the build, carries the one site policy, which _headers sends too', () => {
		const policy = policyFromHeadersFile(site.read('_headers'));
		expect(policy).toBeDefined();
		expect(site.read('_headers')).toBe(headersFile(policy!));
		const files = htmlFiles(site.outDir);
		// Every page type is among them.
		for (const expected of [
			'index.html',
			'page/2/index.html',
			'search/index.html',
			'topics/index.html',
			'authors/index.html',
			'categories/index.html',
		]) {
			expect(files).toContain(expected);
		}
		for (const prefix of ['papers/', 'p/', 'topics/', 'authors/', 'categories/']) {
			expect(
				files.filter((f) => f.startsWith(prefix) && f !== `${prefix}index.html`).length,
				prefix,
			).toBeGreaterThan(0);
		}
		for (const file of files) {
			const html = site.read(file);
			expect(pagePolicies(html), file).toEqual([policy]);
			// A meta policy governs only what comes after it: it must precede every script and style.
			const meta = html.indexOf('http-equiv="content-security-policy"');
			const first = html.search(
				/<script(?! type="application\/ld\+json")\b|<style\b|<link rel="stylesheet"/u,
			);
			if (first !== -1) expect(meta, file).toBeLessThan(first);
		}
	});

	it('is as strict as the issue asks: no unsafe-inline, no unsafe-eval, no other host', () => {
		const directives = parsePolicy(policyFromHeadersFile(site.read('_headers'))!);
		expect(directives.get('default-src')).toEqual(["'self'"]);
		expect(directives.get('object-src')).toEqual(["'none'"]);
		expect(directives.get('base-uri')).toEqual(["'self'"]);
		expect(directives.get('form-action')).toEqual(["'self'"]);
		expect(allowsInlineScript(policyFromHeadersFile(site.read('_headers'))!, THEME_SCRIPT)).toBe(
			true,
		);
		const script = directives.get('script-src')!;
		expect(script.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(script.slice(2).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/u.test(source))).toBe(
			true,
		);
		const style = directives.get('style-src')!;
		expect(style[0]).toBe("'self'");
		expect(style.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/u.test(source))).toBe(
			true,
		);
		expect(
			[...directives.keys()].filter((name) => /^(script|style)-src-(attr|elem)$/u.test(name)),
		).toEqual([]);
	});

	it('no page has a style attribute, a <style> or an inline script its policy does not hash', () => {
		for (const file of htmlFiles(site.outDir)) {
			const $ = loadHtml(site.read(file));
			expect($('[style]').length, file).toBe(0);
			expect($('style').length, file).toBe(0);
			// The theme script is on every page Astro renders, and allowed by its hash.
			if (!file.startsWith('p/'))
				expect($('head > script:not([src]):not([type])').text(), file).toBe(THEME_SCRIPT);
			expect(foreignScripts($), file).toEqual([]);
		}
	});
});

describe('Chromium enforcing the policy', () => {
	it('reports what the policy refuses: an injected inline script and a style attribute', async () => {
		const { page, csp } = await open(server!.home);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'document.title = "ran"';
			document.head.append(script);
			document.body.insertAdjacentHTML('beforeend', '<p style="color: red">styled</p>');
		});
		// Each refusal is reported twice: the event, and Chromium's console message.
		await expect
			.poll(() => csp.violations().filter((v) => /^script-src(-elem)? inline/u.test(v)).length)
			.toBe(1);
		await expect
			.poll(() => csp.violations().filter((v) => /^style-src(-attr)? inline/u.test(v)).length)
			.toBe(1);
		expect(csp.violations().filter((v) => v.startsWith('console error:'))).toHaveLength(2);
		await expect(page.title()).resolves.not.toBe('ran');
		// This visit's refusals were provoked on purpose.
		visits.pop();
	});

	it('refuses nothing on any page type', async () => {
		const paper = rows.find((row) => row.authors.length > 0)!;
		const topic = (JSON.parse(site.read('topics.json')) as { url: string }[])[0]!;
		const author = (JSON.parse(site.read('authors.json')) as { url: string }[])[0]!;
		const category = (JSON.parse(site.read('categories.json')) as { url: string }[])[0]!;
		const home = server!.home;
		const urls = [
			home,
			`${home}page/2/`,
			`${server!.origin}${paper.url}`,
			`${home}topics/`,
			`${server!.origin}${topic.url}`,
			`${home}authors/`,
			`${server!.origin}${author.url}`,
			`${home}categories/`,
			`${server!.origin}${category.url}`,
			`${home}search/`,
			...(site.exists('404.html') ? [`${home}404.html`] : []),
		];
		for (const url of urls) {
			const { page, csp } = await open(url);
			await page.waitForLoadState('networkidle');
			expect(csp.violations(), url).toEqual([]);
		}
		// A paper with typeset math whose styles became classes, and its stylesheet.
		const math = rows.find((row) =>
			site.read(`${row.url.slice(site.base.length)}index.html`).includes('atlas-tml-border'),
		)!;
		const { page, csp } = await open(`${server!.origin}${math.url}`);
		await expect(page.locator('.abstract math').count()).resolves.toBeGreaterThan(2);
		// The matrix's rules are drawn from math.css's classes.
		await expect(
			page
				.locator('.abstract mtd[class*="atlas-tml-border-top"]')
				.first()
				.evaluate((el) => getComputedStyle(el).borderTopStyle),
		).resolves.toBe('solid');
		expect(csp.violations()).toEqual([]);
		// A short link redirects (no script) to the paper page.
		const short = await open(`${home}p/${paper.id}/`);
		await short.page.waitForURL((url) => url.pathname === paper.url);
		await short.page.waitForLoadState('networkidle');
		expect(short.csp.violations()).toEqual([]);
	});

	it('refuses nothing while searching: the modal, typing, opening a result with highlighting', async () => {
		const { page, csp } = await open(server!.home);
		await page.keyboard.press('/');
		await page.waitForSelector('pagefind-modal dialog[open]');
		await page.keyboard.type('federated');
		const titles = await waitForResults(page, 'pagefind-modal');
		expect(titles.length).toBeGreaterThan(0);
		await page.locator('pagefind-modal .pf-result-link').first().click();
		await page.waitForURL((url) => url.pathname.includes('/papers/'));
		await expect.poll(() => page.locator('.abstract mark').count()).toBeGreaterThan(0);
		await page.waitForLoadState('networkidle');
		expect(csp.violations()).toEqual([]);
	});

	it('refuses nothing on /search/: the filter pane opened, a filter, then a query', async () => {
		const { page, csp } = await open(`${server!.home}search/`);
		await openSearchFilters(page);
		const option = page.locator('pagefind-filter-pane').getByRole('checkbox').first();
		await option.waitFor();
		await option.check();
		await waitForResults(page, '[data-atlas-search-page]');
		await page.locator('[data-atlas-search-page] pagefind-input input').fill('diffusion');
		await waitForResults(page, '[data-atlas-search-page]');
		await page.waitForLoadState('networkidle');
		expect(csp.violations()).toEqual([]);
	});

	it('refuses nothing when copying a BibTeX entry and switching the theme', async () => {
		const paper = rows.find((row) => row.authors.length > 0)!;
		const { page, csp } = await open(`${server!.origin}${paper.url}`, { clipboard: true });
		await page.getByRole('button', { name: 'Copy BibTeX' }).click();
		await expect.poll(() => page.locator('.cite [role=status]').textContent()).toBe('Copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			site.read(`${paper.url.slice(site.base.length, -1)}.bib`),
		);
		for (const name of ['Theme: Light', 'Theme: Dark', 'Theme: System']) {
			await page.locator('[data-theme-toggle]').click();
			await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
		}
		await page.reload({ waitUntil: 'networkidle' });
		expect(csp.violations()).toEqual([]);
	});

	it('no visit left 127.0.0.1, opened a dialog or threw', () => {
		expect(visits.length).toBeGreaterThan(10);
		expect(visits.filter((v) => v.watched.errors.length > 0).map((v) => v.url)).toEqual([]);
		expect(leaks(visits.map((v) => v.watched))).toEqual(NO_LEAKS);
		expect(visits.flatMap((v) => v.csp.violations())).toEqual([]);
	});
});
