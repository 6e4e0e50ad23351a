import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { assemblePapers, readSeed, type ReadSeed } from '../lib/papers/build-collection.ts';
import { classifyPapers } from '../lib/taxonomy/classify-papers.ts';
import type { TaggingCache } from '../lib/topics/words.ts';
import { applyMetadata } from '../lib/papers/apply-papers-yaml.ts';
import { GENERATED_MDX_VERSION, generatedMdx } from '../lib/site/generated-mdx.ts';
import { PAPERS_EXPORT_FILE, REPORT_FILE } from '../lib/site/project-paths.ts';
import { mathProblems } from '../lib/latex/typeset-math.ts';
import { LoaderPathOutsideRoot, LoaderSeedsOptionInvalid, SeedsFolderMissing } from '../lib/errors/error-data.ts';
import { astroError, toAstroError } from '../integrations/astro-errors.ts';
import { PaperSchema } from '../schemas/paper.ts';
import { PAPERS_METADATA_FILE, parsePapersMetadata } from '../schemas/papers-yaml.ts';
import { parseTopicOverrides, TOPIC_OVERRIDES_FILE } from '../schemas/topic-overrides.ts';
import type { BuildReport } from '../schemas/build-report.ts';

export interface AbstractsLoaderOptions {
	/** Folder of seed `.txt` files: absolute, or relative to the project root. */
	seeds: string;
	/**
	 * Git-ignored folder inside the project root for the generated `.mdx` files and
	 * the build report. It must be inside the root so that Vite compiles the files.
	 */
	generatedDir: string;
	/** The Astro component the generated MDX renders, relative to the project root. */
	component: string;
}

const MDX_DIR = 'papers';
/** Quiet time after the last change in the seeds folder before reloading. */
const SETTLE_MS = 150;

/**
 * Loads every abstract of the seeds folder as one `papers` entry, rendered through
 * `@astrojs/mdx`. Modelled on Astro's own `glob()` loader: options are checked here,
 * unchanged files are not re-parsed, entries that disappeared are pruned, and in dev
 * the seeds folder is watched.
 */
export function abstractsLoader(options: AbstractsLoaderOptions): Loader {
	if (typeof options?.seeds !== 'string' || options.seeds.trim() === '') {
		throw astroError(LoaderSeedsOptionInvalid, []);
	}
	for (const key of ['generatedDir', 'component'] as const) {
		const value = options[key];
		if (typeof value !== 'string' || value === '' || isAbsolute(value) || value.split(/[\\/]/u).includes('..')) {
			throw astroError(LoaderPathOutsideRoot, [key, value]);
		}
	}
	/** Per seed file: digest of its bytes and what it gave, so unchanged files are not re-parsed. */
	const cache = new Map<string, { digest: string; read: ReadSeed }>();

	return {
		name: 'abstract-atlas-loader',
		schema: PaperSchema,
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			const seedsDir = resolve(root, options.seeds);
			const generatedDir = resolve(root, options.generatedDir);
			const paths = { root, seedsDir, generatedDir, component: resolve(root, options.component) };
			// A dev server re-syncs after every edit: it keeps what makes that quick and safe.
			const watching: Watching | undefined = context.watcher ? { tagging: new Map(), orphans: new Set() } : undefined;
			// One sync at a time: an older sync finishing late would prune what a newer one added.
			let queue: Promise<void> = Promise.resolve();
			const sync = () => {
				// Pure code and the schemas throw the catalogue's errors; Astro prints its own best.
				const next = queue.then(() => syncCollection(context, paths, cache, watching)).catch((error: unknown) => {
					throw toAstroError(error);
				});
				queue = next.catch(() => undefined);
				return next;
			};
			await sync();

			const { watcher, logger } = context;
			if (!watcher) return;
			watcher.add(seedsDir);
			// Editors and scripts write a file in steps (truncate, then write): wait until the
			// folder has been quiet briefly, then sync once for the whole burst of events.
			let pending: ReturnType<typeof setTimeout> | undefined;
			const changedFiles = new Set<string>();
			const onChange = (changed: string) => {
				if (!changed.startsWith(seedsDir + sep) || !(changed.endsWith('.txt') || [TOPIC_OVERRIDES_FILE, PAPERS_METADATA_FILE].includes(relative(seedsDir, changed)))) return;
				changedFiles.add(relative(seedsDir, changed));
				clearTimeout(pending);
				pending = setTimeout(async () => {
					const files = [...changedFiles].join(', ');
					changedFiles.clear();
					try {
						await sync();
						logger.info(`Reloaded abstracts after a change to ${files}`);
					} catch (error) {
						// A catalogue error says what to do: the dev server keeps running, so say it here.
						const hint = error instanceof Error && 'hint' in error && typeof error.hint === 'string' ? error.hint : undefined;
						const known = hint === undefined ? undefined : `[${(error as Error).name}] ${(error as Error).message}\n  Hint: ${hint}`;
						logger.error(known ? `Could not reload abstracts after a change to ${files}: ${known}` : (new Error(`Could not reload abstracts after a change to ${files}`, { cause: error }).stack ?? String(error)));
					}
				}, SETTLE_MS);
			};
			watcher.on('change', onChange);
			watcher.on('add', onChange);
			watcher.on('unlink', onChange);
		},
	};
}

/** What a dev server keeps between syncs. */
interface Watching {
	tagging: TaggingCache;
	/**
	 * MDX files of papers the last sync removed. Deleting one at once makes Vite reload the
	 * open page while Astro's module map still imports the file, so the reader gets a
	 * "Failed to load url …mdx" error instead of the 404 page; they go at the next sync.
	 */
	orphans: Set<string>;
}

interface Paths {
	root: string;
	seedsDir: string;
	generatedDir: string;
	component: string;
}

/** A user configuration file of the seeds folder, when there is one. */
async function readOptional(path: string): Promise<string | undefined> {
	return existsSync(path) ? readFile(path, 'utf8') : undefined;
}

async function syncCollection(
	{ store, logger, parseData, generateDigest }: LoaderContext,
	paths: Paths,
	cache: Map<string, { digest: string; read: ReadSeed }>,
	watching?: Watching,
): Promise<void> {
	if (!existsSync(paths.seedsDir)) {
		throw astroError(SeedsFolderMissing, [paths.seedsDir]);
	}
	const files = (await readdir(paths.seedsDir, { recursive: true }))
		.filter((f) => f.endsWith('.txt'))
		.map((f) => f.split(sep).join('/'))
		.sort();
	if (files.length === 0) logger.warn(`No .txt files found in ${paths.seedsDir}; the site has no papers.`);

	const reads: ReadSeed[] = [];
	for (const file of files) {
		const bytes = await readFile(join(paths.seedsDir, file));
		const digest = createHash('sha256').update(bytes).digest('hex');
		let cached = cache.get(file);
		if (cached?.digest !== digest) {
			cached = { digest, read: readSeed({ file, bytes }) };
			cache.set(file, cached);
		}
		reads.push(cached.read);
	}
	for (const file of cache.keys()) if (!files.includes(file)) cache.delete(file);

	const assembled = assemblePapers(reads);
	const overridesText = await readOptional(join(paths.seedsDir, TOPIC_OVERRIDES_FILE));
	const overrides = overridesText === undefined ? {} : parseTopicOverrides(overridesText, TOPIC_OVERRIDES_FILE);
	const metadataText = await readOptional(join(paths.seedsDir, PAPERS_METADATA_FILE));
	const withMetadata =
		metadataText === undefined ? assembled.papers : applyMetadata(assembled.papers, parsePapersMetadata(metadataText, PAPERS_METADATA_FILE), PAPERS_METADATA_FILE);
	const classified = classifyPapers(withMetadata, overrides, watching?.tagging);
	const collection = { ...assembled, papers: classified.papers, diagnostics: [...assembled.diagnostics] };
	for (const slug of classified.unknownSlugs) {
		const line = (overridesText ?? '').split(/\r?\n/u).findIndex((l) => l.includes(slug)) + 1;
		collection.diagnostics.push({
			severity: 'warning',
			code: 'UnknownTopicSlug',
			file: TOPIC_OVERRIDES_FILE,
			line: Math.max(1, line),
			message: `no topic "${slug}" in this collection; use a slug from topics.json, or add the topic under "add"`,
		});
	}
	// Math that cannot be typeset is shown as its source; the warning says where to fix it.
	let mathNotTypeset = 0;
	for (const paper of collection.papers) {
		const { file, line } = paper.sources[0]!;
		for (const { tex, error } of mathProblems([...(paper.titleTex === undefined ? [] : [paper.titleTex]), ...paper.paragraphs])) {
			mathNotTypeset++;
			collection.diagnostics.push({
				severity: 'warning',
				code: 'MathNotTypeset',
				file,
				line,
				message: `cannot typeset the math ${quote(tex)} in ${quote(paper.title)} (paper ${paper.id}): ${quote(error)}; the page shows it as TeX source`,
			});
		}
	}
	const mdxDir = join(paths.generatedDir, MDX_DIR);
	mkdirSync(mdxDir, { recursive: true });
	let componentImport = relative(mdxDir, paths.component).split(sep).join('/');
	if (!componentImport.startsWith('.')) componentImport = `./${componentImport}`;

	// The same bytes for every paper: the text travels as the entry's data only.
	const mdx = generatedMdx(componentImport);
	const seen = new Set<string>();
	for (const paper of collection.papers) {
		seen.add(paper.id);
		const mdxPath = join(mdxDir, `${paper.id}.mdx`);
		const filePath = relative(paths.root, mdxPath).split(sep).join('/');
		const digest = generateDigest({ paper, version: GENERATED_MDX_VERSION, componentImport });
		const existing = store.get(paper.id);
		// Another build or dev server sharing the folder (another seeds folder) may have
		// pruned the file: check the file, not the cache.
		if (!existsSync(mdxPath) || (await readFile(mdxPath, 'utf8')) !== mdx) await writeFile(mdxPath, mdx);
		if (existing?.digest !== digest || existing.filePath !== filePath) {
			const data = await parseData({ id: paper.id, data: paper, filePath: mdxPath });
			store.set({ id: paper.id, data, filePath, digest, deferredRender: true });
		}
		// Always registered: an unchanged entry's set() is a no-op that registers nothing,
		// and without this the module map Vite bundles can be a stale one from another run.
		store.addModuleImport(filePath);
	}
	for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
	for (const name of await readdir(mdxDir)) {
		const id = name.slice(0, -4);
		if (!name.endsWith('.mdx') || seen.has(id)) continue;
		if (watching && !watching.orphans.has(id)) {
			watching.orphans.add(id);
			continue;
		}
		await rm(join(mdxDir, name), { force: true });
		watching?.orphans.delete(id);
	}
	if (watching) for (const id of watching.orphans) if (seen.has(id)) watching.orphans.delete(id);

	for (const d of collection.diagnostics) logger.warn(`${d.file}:${d.line}: ${d.message} [${d.code}]`);
	const report: BuildReport = {
		seeds: paths.seedsDir,
		papers: collection.papers.length,
		...collection.stats,
		mathNotTypeset,
		warnings: collection.diagnostics,
	};
	await writeFile(join(paths.generatedDir, REPORT_FILE), `${JSON.stringify(report, null, '\t')}\n`);
	await writeFile(join(paths.generatedDir, PAPERS_EXPORT_FILE), JSON.stringify(collection.papers));
}

/** Seed text quoted for a terminal: control characters are escaped so they cannot drive it. */
function quote(text: string): string {
	return `"${text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
