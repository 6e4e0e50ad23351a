import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	runPipeline,
	type PipelineInput,
	type PipelineResult,
} from '../../src/lib/pipeline/run-pipeline.ts';
import { readPipelineInput } from '../../src/loaders/seeds-folder.ts';
import { topicText } from '../../src/lib/taxonomy/classify-papers.ts';
import type { TopicInput } from '../../src/lib/topics/extract-topics.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import {
	TOPIC_OVERRIDES_FILE,
	parseTopicOverrides,
	type TopicOverrides,
} from '../../src/schemas/topic-overrides.ts';
import { BUNDLED_SEEDS } from './paths.ts';

/** Small seeds folders, one per case, named after the case (tests/fixtures/collections/<name>/). */
const FIXTURE_COLLECTIONS = fileURLToPath(new URL('../fixtures/collections/', import.meta.url));

export interface FixtureCollection {
	dir: string;
	/** The folder as the loader hands it to the pipeline. */
	input: PipelineInput;
	/** What the pipeline made of it: what the site shows. */
	collection: PipelineResult;
	/** The folder's topics.yaml, parsed (so a bad one throws here, as it fails the build). */
	overrides: TopicOverrides | undefined;
	/** The folder's topics.yaml as written, if there is one. */
	overridesText: string | undefined;
	/** Paper id by seed file name (every fixture file holds exactly one abstract). */
	idOf: (file: string) => string;
	/** The collection's papers as topic extraction reads them. */
	topicInputs: TopicInput[];
}

/** A seeds folder through the pipeline, read by the loader's own reader (subfolders, topics.yaml and papers.yaml included). */
export async function readCollectionFolder(dir: string): Promise<FixtureCollection> {
	const input = await readPipelineInput(dir);
	const collection = runPipeline(input);
	const overridesText = input.topicsYaml;
	const overrides = overridesText === undefined ? undefined : parseTopicOverrides(overridesText);
	const idOf = (file: string) => {
		const matches = collection.papers.filter((p) => p.sources.some((s) => s.file === file));
		if (matches.length !== 1)
			throw new Error(`${dir}: expected one paper from ${file}, found ${matches.length}`);
		return matches[0]!.id;
	};
	return {
		dir,
		input,
		collection,
		overrides,
		overridesText,
		idOf,
		topicInputs: toTopicInputs(collection.papers),
	};
}

/** A folder's topics.yaml as written, or undefined when it has none. */
function readOverridesText(dir: string): string | undefined {
	const path = join(dir, TOPIC_OVERRIDES_FILE);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** tests/fixtures/collections/<name>/topics.yaml as written, unparsed (for fixtures whose file is meant to be wrong). */
export function fixtureOverridesText(name: string): string {
	const text = readOverridesText(join(FIXTURE_COLLECTIONS, name));
	if (text === undefined)
		throw new Error(`the fixture collection ${name} has no ${TOPIC_OVERRIDES_FILE}`);
	return text;
}

/** tests/fixtures/collections/<name>/ through the pipeline, plus its parsed topics.yaml. */
export function readFixtureCollection(name: string): Promise<FixtureCollection> {
	return readCollectionFolder(join(FIXTURE_COLLECTIONS, name));
}

/**
 * Several fixture collections read up front (with top-level await), for test files whose
 * `describe` blocks, which cannot wait, each need one; the getter throws for a name not read.
 */
export async function readFixtureCollections(
	...names: string[]
): Promise<(name: string) => FixtureCollection> {
	const read = new Map(
		await Promise.all(
			names.map(async (name) => [name, await readFixtureCollection(name)] as const),
		),
	);
	return (name) => {
		const fixture = read.get(name);
		if (!fixture)
			throw new Error(
				`the fixture collection ${name} was not read up front; add it to readFixtureCollections()`,
			);
		return fixture;
	};
}

/** The bundled seeds/ folder the site builds by default. */
export function readBundledCollection(): Promise<FixtureCollection> {
	return readCollectionFolder(BUNDLED_SEEDS);
}

/** Seeds given as text (or bytes) by file name, through the pipeline as the loader would give them. */
export function pipelineOf(
	files: Record<string, string | Uint8Array>,
	yaml: Omit<PipelineInput, 'seeds'> = {},
): PipelineResult {
	const encoder = new TextEncoder();
	return runPipeline({
		seeds: Object.entries(files).map(([file, content]) => ({
			file,
			bytes: typeof content === 'string' ? encoder.encode(content) : content,
		})),
		...yaml,
	});
}

function toTopicInputs(papers: readonly Paper[]): TopicInput[] {
	return papers.map((p) => ({ id: p.id, text: topicText(p) }));
}

/** A copy in a different (but fixed, so reproducible) order: reversed, then halves interleaved. */
export function shuffled<T>(items: readonly T[]): T[] {
	const reversed = [...items].reverse();
	const half = Math.ceil(reversed.length / 2);
	return reversed
		.flatMap((_, i) => (i < half ? [reversed[i + half], reversed[i]] : []))
		.filter((x): x is T => x !== undefined);
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
	return makePaper({
		id: '0123abcd4567',
		titleSource: 'source',
		paragraphs: ['An abstract.'],
		...fields,
	});
}
