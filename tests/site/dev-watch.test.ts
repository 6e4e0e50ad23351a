import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, startDevServer, type DevServer } from '../helpers/dev-server.ts';
import type { PaperRow } from '../helpers/papers-json.ts';
import { writeSeedsFolder } from '../helpers/seeds-folder.ts';

describe('astro dev follows the seeds folder', () => {
	let seeds: string;
	let server: DevServer;
	const rows = async () =>
		(await (await fetch(`${server.origin}/papers.json`)).json()) as PaperRow[];
	const titles = async () => (await rows()).map((r) => r.title);

	beforeAll(async () => {
		seeds = await writeSeedsFolder('dev-watch', {
			'first.txt': 'Abstract:We propose AlphaNet, a first test model for watching seeds.\n',
		});
		server = await startDevServer(seeds);
	});
	afterAll(async () => {
		await server?.stop();
	});

	test('a changed, an added and a removed seed file update the pages', async () => {
		expect(await titles()).toEqual(['AlphaNet: A first test model for watching seeds']);

		await writeFile(
			join(seeds, 'second.txt'),
			'Abstract:We propose BetaNet, a second model that arrives while the server runs.\n',
		);
		expect(await eventually(titles, (t) => t.length === 2)).toEqual([
			'AlphaNet: A first test model for watching seeds',
			'BetaNet: A second model',
		]);

		await writeFile(
			join(seeds, 'first.txt'),
			'Abstract:We propose GammaNet, a replacement for the first model.\n',
		);
		expect(
			await eventually(titles, (t) => t.includes('GammaNet: A replacement for the first model')),
		).toEqual(['BetaNet: A second model', 'GammaNet: A replacement for the first model']);

		await rm(join(seeds, 'second.txt'));
		expect(await eventually(titles, (t) => t.length === 1)).toEqual([
			'GammaNet: A replacement for the first model',
		]);

		const page = await (await fetch(`${server.origin}/`)).text();
		expect(page).toContain('GammaNet');

		// Short links and citation files are files of the build, served in dev from the loader's export.
		const [row] = (await (await fetch(`${server.origin}/papers.json`)).json()) as PaperRow[];
		const short = await fetch(`${server.origin}/p/${row!.id}/`);
		expect(short.headers.get('content-type')).toContain('text/html');
		expect(await short.text()).toContain(`url=${row!.url}`);
		const bib = await fetch(`${server.origin}${row!.url.slice(0, -1)}.bib`);
		expect(bib.headers.get('content-type')).toContain('application/x-bibtex');
		expect(await bib.text()).toContain(`@misc{atlas:${row!.id},`);
		const ris = await fetch(`${server.origin}${row!.url.slice(0, -1)}.ris`);
		expect(ris.headers.get('content-type')).toBe(
			'application/x-research-info-systems; charset=utf-8',
		);
		expect(await ris.text()).toMatch(/^TY {2}- GEN/u);

		await rm(join(seeds, 'first.txt'));
		expect(await eventually(titles, (t) => t.length === 0)).toEqual([]);
		expect(server.log()).not.toMatch(/Could not reload/u);
	});

	test('an edit that moves a paper leaves its old URL a 404, never a server error', async () => {
		await writeFile(
			join(seeds, 'moving.txt'),
			'Abstract:We propose DeltaNet, a model whose page is about to move.\n',
		);
		const [before] = await eventually(rows, (r) => r.length === 1);
		expect((await fetch(`${server.origin}${before!.url}`)).status).toBe(200);

		await writeFile(
			join(seeds, 'moving.txt'),
			'Abstract:We propose EpsilonNet, the same model under a new name.\n',
		);
		// A reader's open tab reloads while the server catches up: ask throughout the change.
		const statuses = new Set<number>();
		const deadline = Date.now() + 8_000;
		while (Date.now() < deadline) {
			statuses.add((await fetch(`${server.origin}${before!.url}`)).status);
			await new Promise((r) => setTimeout(r, 25));
		}
		expect((await rows()).map((r) => r.title)).toEqual([
			'EpsilonNet: The same model under a new name',
		]);
		expect([...statuses].filter((s) => s !== 200 && s !== 404)).toEqual([]);
		expect((await fetch(`${server.origin}${before!.url}`)).status).toBe(404);
		expect(server.log()).not.toMatch(/Failed to load url/u);
	});
});
