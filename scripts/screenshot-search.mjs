// Takes the README's search screenshot: /search/ with a query and a topic filter applied.
// Usage: npm run build && node scripts/screenshot-search.mjs [out.png]
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = process.argv[2] ?? fileURLToPath(new URL('../docs/search-filter.png', import.meta.url));
const files = sirv(dist, { dev: true });
const server = createServer((req, res) => files(req, res, () => ((res.statusCode = 404), res.end())));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
	const page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
	await page.goto(`${origin}/search/?q=attack`);
	await page.waitForFunction(() => document.querySelector('[data-atlas-search-page] pagefind-input input')?.value === 'attack');
	await page.waitForTimeout(500);
	await page.locator('pagefind-filter-pane').getByRole('checkbox', { name: /^Model Stealing/u }).check();
	await page.waitForTimeout(1500);
	await page.screenshot({ path: out });
	console.log(`wrote ${out}`);
} finally {
	await browser.close();
	server.close();
}
