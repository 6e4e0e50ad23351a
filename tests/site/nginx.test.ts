/**
 * Hosting offline with nginx, as the README says: Debian's nginx serves a build under
 * /atlas/ with the configuration `npm run nginx-conf` generates from
 * docs/hosting/nginx.conf. Pages, search in Chromium, downloads with their types, the
 * 404 page, caching and the Content-Security-Policy header, checked through nginx.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagePolicies, policyFromHeadersFile } from '../../src/lib/hosting/csp.ts';
import { browserSuite, watchedPage } from '../helpers/browser.ts';
import { copyOfBuild, type BuiltSite } from '../helpers/build-site.ts';
import { watchCsp } from '../helpers/csp.ts';
import { loadHtml } from '../helpers/html.ts';
import { readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';
import { sharedSiteOk } from '../helpers/shared-sites.ts';

const BASE = '/atlas/';
const YEAR = 'public, max-age=31536000, immutable';
/**
 * The smallest WebAssembly module. The build ships no `.wasm` file (Pagefind's engine is
 * `wasm.<lang>.pagefind`, fetched as bytes), so the test adds one to check the type
 * that `WebAssembly.instantiateStreaming` insists on.
 */
const WASM_PROBE = 'probe.wasm';
const EMPTY_MODULE = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let site: BuiltSite;
let nginx: NginxServer | undefined;
let papers: PaperRow[];
let policy: string;

const suite = browserSuite(async (onClose) => {
	// A copy: the probe must not appear in the shared build other files read.
	site = await copyOfBuild(sharedSiteOk('bundled-atlas'), 'nginx-atlas');
	expect(site.base).toBe(BASE);
	writeFileSync(join(site.outDir, WASM_PROBE), EMPTY_MODULE);
	papers = readPapersJson(site);
	policy = policyFromHeadersFile(site.read('_headers')) ?? '';
	nginx = await startNginx('nginx-server', site.outDir, BASE);
	onClose(() => nginx?.stop());
});

const url = (path: string) => `${nginx!.home}${path}`;
const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(url(path), { redirect: 'manual', headers });
const paper = () => papers.find((p) => p.title.startsWith('FreePIH'))!;
/** A paper's path under the base, e.g. `papers/freepih-…/`. */
const paperPath = () => paper().url.slice(BASE.length);

describe('nginx serving a build under /atlas/', () => {
	it('serves pages as UTF-8 HTML with the build’s policy as a header, the same policy as the page’s own', async () => {
		expect(policy).toMatch(/default-src 'self'/u);
		for (const path of ['', 'topics/', 'search/', paperPath(), `p/${paper().id}/`]) {
			const response = await get(path);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
			expect(response.headers.get('content-security-policy'), path).toBe(policy);
			expect(pagePolicies(await response.text()), path).toEqual([policy]);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		}
	});

	it('redirects a URL without its slash to the page, keeping the host', async () => {
		for (const [path, target] of [
			['topics', `${BASE}topics/`],
			[paperPath().slice(0, -1), paper().url],
		] as const) {
			const response = await get(path);
			expect(response.status, path).toBe(301);
			expect(response.headers.get('location')).toBe(target);
		}
		const bare = await fetch(`${nginx!.origin}${BASE.slice(0, -1)}`, { redirect: 'manual' });
		expect([bare.status, bare.headers.get('location')]).toEqual([301, BASE]);
	});

	it('serves downloads with their types and exact bytes', async () => {
		const cases = [
			[paperPath().replace(/\/$/u, '.bib'), 'application/x-bibtex; charset=utf-8'],
			[paperPath().replace(/\/$/u, '.ris'), 'application/x-research-info-systems; charset=utf-8'],
			['papers.bib', 'application/x-bibtex; charset=utf-8'],
			['papers.json', 'application/json; charset=utf-8'],
		] as const;
		for (const [path, type] of cases) {
			const response = await get(path);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('content-type'), path).toBe(type);
			expect(await response.text(), path).toBe(site.read(path));
		}
	});

	it('sends the 404 page with status 404 for any unknown URL under /atlas/, and never serves _headers', async () => {
		for (const path of [
			'nope',
			'nope/',
			'papers/no-such-paper-00000000/',
			'topics/a/b/c/',
			'papers/missing.bib',
			'_headers',
		]) {
			const response = await get(path);
			expect(response.status, path).toBe(404);
			expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
			expect(response.headers.get('content-security-policy'), path).toBe(policy);
			expect(loadHtml(await response.text())('h1').text(), path).toBe('Page not found');
		}
	});

	it('caches content-hashed files for a year, and makes browsers revalidate everything that keeps its name', async () => {
		const hashed = [
			...site.read('index.html').matchAll(/\/atlas\/(_astro\/[^"]+\.(?:css|js))"/gu),
		].map((m) => m[1]!);
		const fragment = firstFragment();
		expect(hashed.length).toBeGreaterThan(0);
		for (const path of [...hashed, `pagefind/fragment/${fragment}`]) {
			expect((await get(path)).headers.get('cache-control'), path).toBe(YEAR);
		}
		for (const path of [
			'',
			paperPath(),
			'papers.json',
			'pagefind/pagefind.js',
			'pagefind/pagefind-entry.json',
			'pagefind/wasm.en.pagefind',
			'pagefind/pagefind-component-ui.js',
		]) {
			const response = await get(path);
			expect(response.headers.get('cache-control'), path).toBe('no-cache');
			// Revalidation is cheap: an unchanged file answers 304 with no body.
			const again = await get(path, { 'If-None-Match': response.headers.get('etag') ?? '' });
			expect(again.status, path).toBe(304);
		}
	});

	it('compresses text but passes Pagefind’s already-compressed files through untouched', async () => {
		const json = await get('papers.json', { 'Accept-Encoding': 'gzip' });
		expect(json.headers.get('content-encoding')).toBe('gzip');
		for (const path of ['pagefind/wasm.en.pagefind', `pagefind/fragment/${firstFragment()}`]) {
			const response = await get(path, { 'Accept-Encoding': 'gzip' });
			expect(response.headers.get('content-type'), path).toBe('application/octet-stream');
			expect(response.headers.get('content-encoding'), path).toBeNull();
			expect(
				Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(site.outDir, path))),
				path,
			).toBe(true);
		}
	});

	it('search works in Chromium through nginx under the header policy: Pagefind’s files load with their types, a phrase finds its paper, nothing is refused', async () => {
		const watched = await watchedPage(suite.browser());
		const { page } = watched;
		const csp = watchCsp(page);
		await csp.ready;
		const loaded: { path: string; status: number; type: string }[] = [];
		page.on('response', (response) => {
			const path = new URL(response.url()).pathname;
			if (path.startsWith(`${BASE}pagefind/`))
				loaded.push({
					path,
					status: response.status(),
					type: response.headers()['content-type'] ?? '',
				});
		});
		await page.setViewportSize({ width: 1280, height: 3000 });
		await page.goto(url('search/?q=painterly%20image%20harmonization'));
		await expect
			.poll(
				() =>
					page.locator('[data-atlas-search-page] pagefind-results .pf-result-link').allInnerTexts(),
				{ timeout: 20_000 },
			)
			.toContain(paper().title);
		const expectedType = (path: string) =>
			path.endsWith('.js')
				? 'application/javascript; charset=utf-8'
				: path.endsWith('.css')
					? 'text/css; charset=utf-8'
					: path.endsWith('.json')
						? 'application/json; charset=utf-8'
						: 'application/octet-stream';
		expect(loaded.map((r) => r.path)).toEqual(
			expect.arrayContaining([
				`${BASE}pagefind/pagefind-component-ui.js`,
				`${BASE}pagefind/wasm.en.pagefind`,
			]),
		);
		expect(loaded.filter((r) => r.status !== 200 || r.type !== expectedType(r.path))).toEqual([]);
		expect(watched.foreignRequests).toEqual([]);
		// The header and the page's meta policy both apply; neither may refuse what search needs (WebAssembly included).
		expect(csp.violations()).toEqual([]);
		await page.context().close();
	});

	it('serves .wasm as application/wasm, which WebAssembly.instantiateStreaming requires', async () => {
		expect((await get(WASM_PROBE)).headers.get('content-type')).toBe('application/wasm');
		const { page } = await watchedPage(suite.browser());
		await page.goto(url(''));
		const result = await page.evaluate(async (probe) => {
			try {
				await WebAssembly.instantiateStreaming(fetch(probe));
				return 'instantiated';
			} catch (error) {
				return String(error);
			}
		}, `${BASE}${WASM_PROBE}`);
		expect(result).toBe('instantiated');
		await page.context().close();
	});
});

/** One of Pagefind's content-hashed index fragments. */
function firstFragment(): string {
	return readdirSync(join(site.outDir, 'pagefind/fragment')).sort()[0]!;
}

describe('the configuration nginx ran', () => {
	it('is the shipped template filled by npm run nginx-conf with this build’s folder and policy', () => {
		expect(nginx!.siteConf).toContain(`alias "${site.outDir.replace(/\/$/u, '')}/";`);
		expect(nginx!.siteConf).toContain(`add_header Content-Security-Policy "${policy}" always;`);
	});
});
