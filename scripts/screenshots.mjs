// Retakes the README's screenshots: home, a paper, a topic, /search/ with results and the
// 404 page, each at 390 and 1280 px wide, light and dark, as docs/screenshots/<page>-<width>-<scheme>.png.
//
//   npm run screenshots                      # builds the bundled seeds into dist/, then shoots
//   npm run screenshots -- --no-build        # shoots the dist/ already there
//   npm run screenshots -- --dist <folder> --out <folder> --full
//
// --full takes whole pages instead of the first screen (for reviewing, not for the README).
// The site is served on 127.0.0.1 only, under the base path its papers.json gives; Chromium
// is Debian's (/usr/bin/chromium or CHROMIUM_PATH), never a downloaded one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values: options } = parseArgs({
	options: {
		dist: { type: 'string', default: join(ROOT, 'dist') },
		out: { type: 'string', default: join(ROOT, 'docs/screenshots') },
		'no-build': { type: 'boolean', default: false },
		full: { type: 'boolean', default: false },
	},
});
const dist = resolve(options.dist);
const out = resolve(options.out);

const WIDTHS = [390, 1280];
const HEIGHT = { 390: 844, 1280: 800 };
const SCHEMES = ['light', 'dark'];
/** The paper the README shows when the collection has it (a real title, topics, math-free). */
const PREFERRED_PAPER = '7b714072dfb1';
const QUERY = 'diffusion';

if (!options['no-build']) {
	console.log(`Building the bundled seeds into ${dist} …`);
	const node = join(ROOT, 'node_modules/.bin/node');
	const build = spawnSync(
		existsSync(node) ? node : process.execPath,
		[join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist],
		{
			cwd: ROOT,
			stdio: 'inherit',
			env: {
				...process.env,
				ASTRO_TELEMETRY_DISABLED: '1',
				ATLAS_SEEDS: join(ROOT, 'seeds'),
				ATLAS_BASE: '',
				ATLAS_STRICT: '',
			},
		},
	);
	if (build.status !== 0) throw new Error(`astro build exited ${build.status}`);
}
if (!existsSync(join(dist, 'papers.json')))
	throw new Error(`${dist} holds no built site (no papers.json): build first or pass --dist`);

const readJson = (file) => JSON.parse(readFileSync(join(dist, file), 'utf8'));
const papers = readJson('papers.json');
const topics = readJson('topics.json');
if (papers.length === 0 || topics.length === 0)
	throw new Error('the site has no papers or no topics to show');
// papers.json URLs include the base: whatever comes before "papers/" is it.
const base = papers[0].url.slice(0, papers[0].url.indexOf('papers/'));
const paper = papers.find((p) => p.id === PREFERRED_PAPER) ?? papers[0];
const topic = topics[0];

const files = sirv(dist, { dev: true, etag: false });
const server = createServer((req, res) => {
	const url = req.url ?? '/';
	const notFound = () => {
		res.statusCode = 404;
		res.end('not found');
	};
	if (!url.startsWith(base)) return notFound();
	req.url = `/${url.slice(base.length)}`;
	files(req, res, notFound);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const home = `http://127.0.0.1:${server.address().port}${base}`;

/** Each shot: a name, a path under the base, and what to wait for before shooting. */
const shots = [
	{ name: 'home', path: '' },
	{ name: 'paper', path: paper.url.slice(base.length) },
	{ name: 'topic', path: topic.url.slice(base.length) },
	{
		name: 'search',
		path: `search/?q=${QUERY}`,
		ready: async (page) => {
			await page
				.locator('pagefind-results .pf-result')
				.first()
				.waitFor({ state: 'attached', timeout: 15_000 });
			// The filter pane is folded until opened (its files load then): shown opened.
			await page.locator('[data-atlas-filters] > summary').click();
			await page
				.locator('pagefind-filter-pane input[type=checkbox]')
				.first()
				.waitFor({ state: 'attached', timeout: 15_000 });
		},
	},
	{ name: '404', path: '404.html', optional: true },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--font-render-hinting=none',
	],
});
let written = 0;
const skipped = [];
try {
	for (const shot of shots) {
		if (shot.optional && !existsSync(join(dist, shot.path))) {
			skipped.push(`${shot.name} (${shot.path} is not in the build)`);
			continue;
		}
		for (const width of WIDTHS) {
			for (const colorScheme of SCHEMES) {
				const context = await browser.newContext({
					viewport: { width, height: HEIGHT[width] },
					colorScheme,
					reducedMotion: 'reduce',
				});
				const page = await context.newPage();
				const response = await page.goto(home + shot.path, { waitUntil: 'load' });
				if (!response?.ok()) throw new Error(`${home + shot.path} answered ${response?.status()}`);
				await shot.ready?.(page);
				// Lazy parts (search results' details) settle, then the page is shot from the top.
				await page.waitForTimeout(shot.ready ? 1200 : 200);
				await page.evaluate(() => window.scrollTo(0, 0));
				const file = join(out, `${shot.name}-${width}-${colorScheme}.png`);
				await page.screenshot({
					path: file,
					fullPage: options.full,
					animations: 'disabled',
					caret: 'hide',
				});
				written++;
				await context.close();
			}
		}
	}
} finally {
	await browser.close();
	server.close();
}
console.log(`Wrote ${written} screenshots to ${out}.`);
if (skipped.length > 0) console.log(`Skipped: ${skipped.join('; ')}.`);
