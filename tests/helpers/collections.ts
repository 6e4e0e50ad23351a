import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCollection, type Collection, type SeedFile } from '../../src/lib/papers/build-collection.ts';
import { topicText } from '../../src/lib/taxonomy/classify-papers.ts';
import type { TopicInput } from '../../src/lib/topics/extract-topics.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import { TOPIC_OVERRIDES_FILE, parseTopicOverrides, type TopicOverrides } from '../../src/schemas/topic-overrides.ts';
import { BUNDLED_SEEDS } from './paths.ts';

/** Small seeds folders, one per case, named after the case (tests/fixtures/collections/<name>/). */
const FIXTURE_COLLECTIONS = fileURLToPath(new URL('../fixtures/collections/', import.meta.url));

export interface FixtureCollection {
	dir: string;
	collection: Collection;
	/** The folder's topics.yaml, parsed (so a bad one throws here, as it fails the build). */
	overrides: TopicOverrides | undefined;
	/** The folder's topics.yaml as written, if there is one. */
	overridesText: string | undefined;
	/** Paper id by seed file name (every fixture file holds exactly one abstract). */
	idOf: (file: string) => string;
	/** The collection's papers as topic extraction reads them. */
	topicInputs: TopicInput[];
}

/** Every .txt file of a folder, in name order, as the loader hands them to buildCollection. */
export function readSeedFiles(dir: string): SeedFile[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(dir, file))) }));
}

/** Reads a seeds folder through buildCollection, with its topics.yaml if present. */
function readCollectionFolder(dir: string): FixtureCollection {
	const collection = buildCollection(readSeedFiles(dir));
	const overridesText = readOverridesText(dir);
	const overrides = overridesText === undefined ? undefined : parseTopicOverrides(overridesText);
	const idOf = (file: string) => {
		const matches = collection.papers.filter((p) => p.sources.some((s) => s.file === file));
		if (matches.length !== 1) throw new Error(`${dir}: expected one paper from ${file}, found ${matches.length}`);
		return matches[0]!.id;
	};
	return { dir, collection, overrides, overridesText, idOf, topicInputs: toTopicInputs(collection.papers) };
}

/** A folder's topics.yaml as written, or undefined when it has none. */
function readOverridesText(dir: string): string | undefined {
	const path = join(dir, TOPIC_OVERRIDES_FILE);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** tests/fixtures/collections/<name>/topics.yaml as written, unparsed (for fixtures whose file is meant to be wrong). */
export function fixtureOverridesText(name: string): string {
	const text = readOverridesText(join(FIXTURE_COLLECTIONS, name));
	if (text === undefined) throw new Error(`the fixture collection ${name} has no ${TOPIC_OVERRIDES_FILE}`);
	return text;
}

/** tests/fixtures/collections/<name>/ read through buildCollection, plus its parsed topics.yaml. */
export function readFixtureCollection(name: string): FixtureCollection {
	return readCollectionFolder(join(FIXTURE_COLLECTIONS, name));
}

/** The bundled seeds/ folder the site builds by default. */
export function readBundledCollection(): FixtureCollection {
	return readCollectionFolder(BUNDLED_SEEDS);
}

function toTopicInputs(papers: readonly Paper[]): TopicInput[] {
	return papers.map((p) => ({ id: p.id, text: topicText(p) }));
}

/** A copy in a different (but fixed, so reproducible) order: reversed, then halves interleaved. */
export function shuffled<T>(items: readonly T[]): T[] {
	const reversed = [...items].reverse();
	const half = Math.ceil(reversed.length / 2);
	return reversed.flatMap((_, i) => (i < half ? [reversed[i + half], reversed[i]] : [])).filter((x): x is T => x !== undefined);
}

/**
 * A schema-valid paper for tests of code that only reads papers; override what the test
 * is about. Its id comes from the fields given (as a real id comes from the abstract),
 * never from how many papers were made before, so a test's papers do not change when
 * tests run alone, in another order or in parallel.
 */
export function makePaper(fields: Partial<Paper> = {}): Paper {
	const digest = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
	const id = fields.id ?? digest.slice(0, 12);
	const title = fields.title ?? `Paper ${digest.slice(0, 6)}`;
	return {
		id,
		slug: `paper-${id.slice(0, 8)}`,
		title,
		titleSource: 'derived',
		paragraphs: [`${title}.`],
		excerpt: `${title}.`,
		sources: [{ file: 'seeds.txt', line: 1 }],
		authors: [],
		categories: [],
		topics: [],
		related: [],
		...fields,
	};
}

/** A paper with a real (source) title, one paragraph and a fixed id, as the citation tests cite it. */
export function makeCitablePaper(fields: Partial<Paper> = {}): Paper {
	return makePaper({ id: '0123abcd4567', titleSource: 'source', paragraphs: ['An abstract.'], ...fields });
}
