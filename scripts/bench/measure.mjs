// What a build produced, as a host and a reader see it: files, bytes, and the gzip bytes
// a reader downloads for a paper page and for a first search.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// zlib's default level (6): what most static hosts send.
const gzipBytes = (buffer) => gzipSync(buffer).length;

function filesOf(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
		.sort();
}

/** Number of files and their total size. */
export function distSize(dir) {
	let bytes = 0;
	const files = filesOf(dir);
	for (const f of files) bytes += statSync(join(dir, f)).size;
	return { files: files.length, bytes };
}

/** A sha256 of every file of the output, by path: two builds are identical when the maps are. */
export function hashDist(dir) {
	const hashes = new Map();
	for (const f of filesOf(dir))
		hashes.set(
			f,
			createHash('sha256')
				.update(readFileSync(join(dir, f)))
				.digest('hex'),
		);
	return hashes;
}

/** The paths that differ between two hash maps (changed, added or removed). */
export function differences(a, b) {
	const paths = new Set([...a.keys(), ...b.keys()]);
	return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

/**
 * gzip bytes of one paper page: its HTML and the stylesheets it links from /_astro/.
 * Fonts, scripts and math CSS loaded later are not counted: this is the page's own weight.
 */
export function paperPageWeight(dir) {
	const papers = readdirSync(join(dir, 'papers'), { withFileTypes: true })
		.filter((e) => e.isDirectory())
		.map((e) => e.name)
		.sort();
	const html = readFileSync(join(dir, 'papers', papers[0], 'index.html'));
	const css = [...html.toString('utf8').matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/gu)]
		.map((tag) => /href="?([^"\s>]+)/u.exec(tag[0])?.[1])
		.filter((href) => href?.includes('/_astro/') && href.endsWith('.css'));
	const cssBytes = css.reduce(
		(sum, href) => sum + gzipBytes(readFileSync(join(dir, '_astro', href.split('/_astro/')[1]))),
		0,
	);
	return {
		page: `papers/${papers[0]}/`,
		html: gzipBytes(html),
		css: cssBytes,
		stylesheets: css.length,
	};
}

/** Serves `dir` on 127.0.0.1 at the root, as the bench builds with the default base. */
async function serve(dir) {
	const files = sirv(dir, { dev: true, etag: false });
	const server = createServer((req, res) =>
		files(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		}),
	);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${server.address().port}`,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

/**
 * Opens /search/?q=<word> in headless Chromium, waits until results are shown and the
 * network is quiet, and sums the gzip size of every response body the page received
 * (HTML, CSS, JS, WASM, index chunks, fragments). Bodies are gzipped here, not measured
 * on the wire: the local server sends them uncompressed.
 */
export async function searchWeight(dir, word) {
	const server = await serve(dir);
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
		],
	});
	try {
		const page = await browser.newPage();
		const bodies = [];
		page.on('response', (response) =>
			bodies.push(
				response.body().then(
					(b) => ({ url: response.url(), gzip: gzipBytes(b), raw: b.length }),
					() => undefined,
				),
			),
		);
		const started = performance.now();
		await page.goto(`${server.origin}/search/?q=${encodeURIComponent(word)}`);
		await page
			.locator('[data-atlas-search-page] pagefind-results .pf-result-link')
			.first()
			.waitFor({ timeout: 60_000 });
		const ms = performance.now() - started;
		await page.waitForLoadState('networkidle');
		const results = await page
			.locator('[data-atlas-search-page] pagefind-results .pf-result-link')
			.count();
		const received = (await Promise.all(bodies)).filter(Boolean);
		return {
			word,
			requests: received.length,
			gzip: received.reduce((sum, r) => sum + r.gzip, 0),
			raw: received.reduce((sum, r) => sum + r.raw, 0),
			results,
			ms,
		};
	} finally {
		await browser.close();
		await server.close();
	}
}
