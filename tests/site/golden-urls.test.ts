import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { pipelineOf, readBundledCollection } from '../helpers/collections.ts';
import { readPapersJson } from '../helpers/papers-json.ts';
import { treeDigest } from '../helpers/tree-digest.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';
import { sharedSiteOk } from '../helpers/shared-sites.ts';
import { readSeedsFolder, writeSeedsFolder } from '../helpers/seeds-folder.ts';

/**
 * The permanent URLs of the bundled seeds. If this test fails, the slug rule changed:
 * every existing link to the site would break. Change this file only on purpose, and
 * give the old URLs redirects.
 */
const GOLDEN: Record<string, string> = JSON.parse(
	readFileSync(new URL('../golden/bundled-urls.json', import.meta.url), 'utf8'),
);

/** Deterministic shuffle, so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	let state = seed;
	for (let i = out.length - 1; i > 0; i--) {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		const j = state % (i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

describe('permanent URLs of the bundled seeds', () => {
	let first: BuiltSite;
	let second: BuiltSite;
	let reshuffled: BuiltSite;
	let removedIds: string[];

	beforeAll(async () => {
		first = sharedSiteOk('bundled');
		second = await buildSiteOk({ seeds: BUNDLED_SEEDS, name: 'golden-b' });

		// One file removed, the lines of the others shuffled, and every file renamed.
		const seeds = await readSeedsFolder(BUNDLED_SEEDS);
		const names = Object.keys(seeds);
		const removed = names[2]!;
		const removedCollection = pipelineOf({ [removed]: seeds[removed]! });
		removedIds = removedCollection.papers.map((p) => p.id);
		const files: Record<string, string> = {};
		for (const [i, name] of names.entries()) {
			if (name === removed) continue;
			const text = seeds[name]!;
			// The Abstract: format is one abstract a line; author pages keep their block order.
			files[`renamed-${names.length - i}.txt`] = text.startsWith('Abstract:')
				? shuffled(text.split('\n'), i + 7).join('\n')
				: text;
		}
		reshuffled = await buildSiteOk({
			seeds: await writeSeedsFolder('golden-reshuffled', files),
			name: 'golden-reshuffled',
		});
	});

	test('the bundled seeds build 39 papers at exactly the golden URLs', () => {
		const rows = readPapersJson(first);
		expect(rows).toHaveLength(39);
		expect(Object.fromEntries(rows.map((r) => [r.id, r.url]))).toEqual(GOLDEN);
	});

	test('the slug rule itself (pure code) still gives the golden URLs', async () => {
		const { collection } = await readBundledCollection();
		expect(Object.fromEntries(collection.papers.map((p) => [p.id, `/papers/${p.slug}/`]))).toEqual(
			GOLDEN,
		);
	});

	test('removing a file, shuffling lines and renaming files moves no URL', () => {
		const rows = readPapersJson(reshuffled);
		expect(removedIds.length).toBeGreaterThan(0);
		expect(rows).toHaveLength(39 - removedIds.length);
		for (const row of rows) expect(row.url).toBe(GOLDEN[row.id]);
		for (const id of removedIds) expect(rows.some((r) => r.id === id)).toBe(false);
	});

	test('two builds of the same seeds give a byte-identical dist/', async () => {
		const a = await treeDigest(first.outDir);
		const b = await treeDigest(second.outDir);
		expect(a.size).toBeGreaterThan(40);
		expect([...b]).toEqual([...a]);
	});
});
