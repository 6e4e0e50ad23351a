import { terminalSafe } from '../errors/atlas-error.ts';
import type { Diagnostic } from '../../schemas/diagnostic.ts';
import type { Paper } from '../../schemas/paper.ts';
import { PAPERS_METADATA_FILE, parsePapersMetadata } from '../../schemas/papers-yaml.ts';
import { parseTopicOverrides, TOPIC_OVERRIDES_FILE } from '../../schemas/topic-overrides.ts';
import { mathProblems } from '../latex/typeset-math.ts';
import { applyMetadata } from '../papers/apply-papers-yaml.ts';
import {
	assemblePapers,
	readSeed,
	type CollectionStats,
	type ReadSeed,
	type SeedFile,
} from '../papers/assemble-papers.ts';
import { classifyPapers } from '../taxonomy/classify-papers.ts';
import type { Topic } from '../topics/extract-topics.ts';
import type { TaggingCache } from '../topics/words.ts';

/** A seeds folder as the loader reads it: nothing here touches the disk. */
export interface PipelineInput {
	/**
	 * Every `.txt` file of the folder, subfolders included, named by its path relative
	 * to the folder with `/` separators. Their order does not matter.
	 */
	seeds: readonly PipelineSeed[];
	/** The folder's `topics.yaml` as written, when it has one. */
	topicsYaml?: string | undefined;
	/** The folder's `papers.yaml` as written, when it has one. */
	papersYaml?: string | undefined;
}

/** A seed file, with the digest of its bytes when the caller keeps a cache (the loader computes it, it has the bytes). */
export interface PipelineSeed extends SeedFile {
	digest?: string | undefined;
}

/** What one seed file gave, under the digest of the bytes it was read from. */
export interface CachedSeed {
	digest: string;
	read: ReadSeed;
}

/**
 * What a long-lived caller (the loader, across syncs) keeps so that a re-run redoes
 * only what changed. Both are optional: without them the result is the same, only slower.
 */
export interface PipelineCaches {
	/**
	 * Per seed file name: a file whose digest is unchanged is not decoded or parsed again.
	 * Files without a digest are always read; names no longer in the input are dropped.
	 */
	seeds?: Map<string, CachedSeed>;
	/** Tagged words per text, for `astro dev`; a build tags every text once anyway. */
	tagging?: TaggingCache;
}

interface PipelineStats extends CollectionStats {
	/** Math fragments (abstracts and titles) shown as TeX source because they cannot be typeset. */
	mathNotTypeset: number;
}

export interface PipelineResult {
	/** In title order, with metadata, topics and related papers. */
	papers: Paper[];
	/** Sorted by paper count (descending), then name. */
	topics: Topic[];
	/** Seed warnings by file name, then topics.yaml's, then math that cannot be typeset. */
	diagnostics: Diagnostic[];
	stats: PipelineStats;
}

/**
 * The whole collection from a seeds folder's content. Everything a page shows is decided
 * here, as data, so that a unit test fed what the loader feeds gets exactly what the site
 * gets; the loader only reads files and writes the store. The result depends only on the
 * content, never on the order of the files, so two builds agree byte for byte. A broken
 * `topics.yaml` or `papers.yaml` throws: silently ignoring the user's corrections would be worse.
 */
export function runPipeline(input: PipelineInput, caches: PipelineCaches = {}): PipelineResult {
	const reads = input.seeds.map((seed) => readCached(seed, caches.seeds));
	if (caches.seeds) {
		const names = new Set(input.seeds.map((s) => s.file));
		for (const file of caches.seeds.keys()) if (!names.has(file)) caches.seeds.delete(file);
	}
	const assembled = assemblePapers(reads);
	const overrides =
		input.topicsYaml === undefined
			? {}
			: parseTopicOverrides(input.topicsYaml, TOPIC_OVERRIDES_FILE);
	const withMetadata =
		input.papersYaml === undefined
			? assembled.papers
			: applyMetadata(
					assembled.papers,
					parsePapersMetadata(input.papersYaml, PAPERS_METADATA_FILE),
					PAPERS_METADATA_FILE,
				);
	const classified = classifyPapers(withMetadata, overrides, caches.tagging);
	const diagnostics = [
		...assembled.diagnostics,
		...unknownSlugWarnings(classified.unknownSlugs, input.topicsYaml ?? ''),
	];
	const math = mathWarnings(classified.papers);
	return {
		papers: classified.papers,
		topics: classified.topics,
		diagnostics: [...diagnostics, ...math],
		stats: { ...assembled.stats, mathNotTypeset: math.length },
	};
}

function readCached(
	{ digest, ...seed }: PipelineSeed,
	cache: Map<string, CachedSeed> | undefined,
): ReadSeed {
	const cached = cache?.get(seed.file);
	if (digest !== undefined && cached?.digest === digest) return cached.read;
	const read = readSeed(seed);
	if (cache && digest !== undefined) cache.set(seed.file, { digest, read });
	return read;
}

/** A slug the user wrote that matches nothing would otherwise be a silent no-op. */
function unknownSlugWarnings(slugs: readonly string[], topicsYaml: string): Diagnostic[] {
	const lines = topicsYaml.split(/\r?\n/u);
	return slugs.map((slug) => ({
		severity: 'warning',
		code: 'UnknownTopicSlug',
		file: TOPIC_OVERRIDES_FILE,
		line: Math.max(1, lines.findIndex((l) => l.includes(slug)) + 1),
		message: `no topic "${slug}" in this collection; use a slug from topics.json, or add the topic under "add"`,
	}));
}

/** Math that cannot be typeset is shown as its source; the warning says where to fix it. */
function mathWarnings(papers: readonly Paper[]): Diagnostic[] {
	return papers.flatMap((paper) => {
		const { file, line } = paper.sources[0]!;
		return mathProblems([
			...(paper.titleTex === undefined ? [] : [paper.titleTex]),
			...paper.paragraphs,
		]).map(({ tex, error }): Diagnostic => ({
			severity: 'warning',
			code: 'MathNotTypeset',
			file,
			line,
			message: `cannot typeset the math ${quote(tex)} in ${quote(paper.title)} (paper ${paper.id}): ${quote(error)}; the page shows it as TeX source`,
		}));
	});
}

/** Seed text quoted on one terminal line: control characters, line feeds too, cannot drive it. */
function quote(text: string): string {
	return `"${terminalSafe(text).replace(/\n/gu, '\\u000a')}"`;
}
