/**
 * A rebuild after one abstract changed reuses unchanged paper pages (Astro's incremental
 * build), and must ship exactly what a cold build of the same seeds ships: a stale page
 * would carry a wrong related link, neighbour or topic.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { readPapersJson } from '../helpers/papers-json.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';
import { readSeedsFolder, writeSeedsFolder } from '../helpers/seeds-folder.ts';
import { treeDigest } from '../helpers/tree-digest.ts';

/** Modification time of each generated paper module, by file name. */
async function mdxTimes(site: BuiltSite): Promise<Map<string, number>> {
	const dir = join(site.generatedDir, 'papers');
	const files = (await readdir(dir)).filter((f) => f.endsWith('.mdx'));
	return new Map(
		await Promise.all(files.map(async (f) => [f, (await stat(join(dir, f))).mtimeMs] as const)),
	);
}

describe('a warm rebuild after one abstract changed', () => {
	let before: BuiltSite;
	let warm: BuiltSite;
	let cold: BuiltSite;
	let timesBefore: Map<string, number>;
	let timesWarm: Map<string, number>;

	beforeAll(async () => {
		const files = await readSeedsFolder(BUNDLED_SEEDS);
		const seeds = await writeSeedsFolder('incremental', files);
		before = await buildSiteOk({ seeds, name: 'incremental-before' });
		timesBefore = await mdxTimes(before);
		// One abstract gains a sentence: its id, URL and text change, and with them its
		// neighbours' prev/next links and other papers' related lists may change too.
		const [name, text] = Object.entries(files).find(([, t]) => t.startsWith('Abstract:'))!;
		const lines = text.split('\n');
		lines[0] = `${lines[0]} We also release a reproducibility checklist.`;
		await writeSeedsFolder('incremental', { ...files, [name]: lines.join('\n') });
		warm = await buildSiteOk({ seeds, name: 'incremental-warm', rebuildOf: 'incremental-before' });
		timesWarm = await mdxTimes(warm);
		// Cold: a fresh project copy, without the incremental manifest, the content store or the generated MDX.
		cold = await buildSiteOk({ seeds, name: 'incremental-cold' });
	});

	test('reuses unchanged paper pages', () => {
		const reused = warm.log.match(/\((?:cached|restored)\)/gu) ?? [];
		expect(reused.length).toBeGreaterThan(20);
		expect(cold.log).not.toMatch(/\((?:cached|restored)\)/u);
	});

	test("leaves unchanged papers' MDX modules untouched, so Vite need not look at them again", () => {
		const kept = [...timesWarm].filter(([file]) => timesBefore.has(file));
		expect(kept.length).toBe(timesWarm.size - 1);
		expect(kept.length).toBeGreaterThan(20);
		for (const [file, mtime] of kept) expect(mtime, file).toBe(timesBefore.get(file));
	});

	test('ships the changed paper at its new URL and drops the old one', () => {
		const oldUrls = new Set(readPapersJson(before).map((r) => r.url));
		const newUrls = readPapersJson(warm).map((r) => r.url);
		expect(newUrls.filter((url) => !oldUrls.has(url))).toHaveLength(1);
		expect([...oldUrls].filter((url) => !newUrls.includes(url))).toHaveLength(1);
	});

	test('is byte-identical to a cold build of the same seeds', async () => {
		const a = await treeDigest(warm.outDir);
		const b = await treeDigest(cold.outDir);
		expect(a.size).toBeGreaterThan(100);
		expect([...a]).toEqual([...b]);
	});
});
