import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { runPipeline, type CachedSeed } from '../lib/pipeline/run-pipeline.ts';
import type { TaggingCache } from '../lib/topics/words.ts';
import { GENERATED_MDX_VERSION, generatedMdx } from '../lib/site/generated-mdx.ts';
import { PAPERS_EXPORT_FILE, REPORT_FILE } from '../lib/site/project-paths.ts';
import {
	LoaderPathOutsideRoot,
	LoaderSeedsOptionInvalid,
	SeedsFolderMissing,
} from '../lib/errors/error-data.ts';
import { astroError, toAstroError } from '../integrations/astro-errors.ts';
import { PaperSchema } from '../schemas/paper.ts';
import { PAPERS_METADATA_FILE } from '../schemas/papers-yaml.ts';
import { TOPIC_OVERRIDES_FILE } from '../schemas/topic-overrides.ts';
import type { BuildReport } from '../schemas/build-report.ts';
import { readPipelineInput } from './seeds-folder.ts';

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
		if (
			typeof value !== 'string' ||
			value === '' ||
			isAbsolute(value) ||
			value.split(/[\\/]/u).includes('..')
		) {
			throw astroError(LoaderPathOutsideRoot, [key, value]);
		}
	}
	/** Per seed file: digest of its bytes and what it gave, so unchanged files are not re-parsed. */
	const cache = new Map<string, CachedSeed>();

	return {
		name: 'abstract-atlas-loader',
		schema: PaperSchema,
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			const seedsDir = resolve(root, options.seeds);
			const generatedDir = resolve(root, options.generatedDir);
			const paths = { root, seedsDir, generatedDir, component: resolve(root, options.component) };
			// A dev server re-syncs after every edit: it keeps what makes that quick and safe.
			const watching: Watching | undefined = context.watcher
				? { tagging: new Map(), orphans: new Set() }
				: undefined;
			// One sync at a time: an older sync finishing late would prune what a newer one added.
			let queue: Promise<void> = Promise.resolve();
			const sync = () => {
				// Pure code and the schemas throw the catalogue's errors; Astro prints its own best.
				const next = queue
					.then(() => syncCollection(context, paths, cache, watching))
					.catch((error: unknown) => {
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
				if (
					!changed.startsWith(seedsDir + sep) ||
					!(
						changed.endsWith('.txt') ||
						[TOPIC_OVERRIDES_FILE, PAPERS_METADATA_FILE].includes(relative(seedsDir, changed))
					)
				)
					return;
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
						const hint =
							error instanceof Error && 'hint' in error && typeof error.hint === 'string'
								? error.hint
								: undefined;
						const known =
							hint === undefined
								? undefined
								: `[${(error as Error).name}] ${(error as Error).message}\n  Hint: ${hint}`;
						logger.error(
							known
								? `Could not reload abstracts after a change to ${files}: ${known}`
								: (new Error(`Could not reload abstracts after a change to ${files}`, {
										cause: error,
									}).stack ?? String(error)),
						);
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

async function syncCollection(
	{ store, logger, parseData, generateDigest }: LoaderContext,
	paths: Paths,
	cache: Map<string, CachedSeed>,
	watching?: Watching,
): Promise<void> {
	if (!existsSync(paths.seedsDir)) {
		throw astroError(SeedsFolderMissing, [paths.seedsDir]);
	}
	const input = await readPipelineInput(paths.seedsDir);
	if (input.seeds.length === 0)
		logger.warn(`No .txt files found in ${paths.seedsDir}; the site has no papers.`);
	const collection = runPipeline(input, {
		seeds: cache,
		...(watching ? { tagging: watching.tagging } : {}),
	});

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
		// pruned the file: check that it exists. Its bytes depend only on the version and
		// the component, both in the digest, so an entry stored with this digest vouches
		// for them and only a new or changed entry's file is read back.
		if (
			!existsSync(mdxPath) ||
			(existing?.digest !== digest && (await readFile(mdxPath, 'utf8')) !== mdx)
		)
			await writeFile(mdxPath, mdx);
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

	for (const d of collection.diagnostics)
		logger.warn(`${d.file}:${d.line}: ${d.message} [${d.code}]`);
	const report: BuildReport = {
		seeds: paths.seedsDir,
		papers: collection.papers.length,
		...collection.stats,
		warnings: collection.diagnostics,
	};
	await writeFile(join(paths.generatedDir, REPORT_FILE), `${JSON.stringify(report, null, '\t')}\n`);
	await writeFile(join(paths.generatedDir, PAPERS_EXPORT_FILE), JSON.stringify(collection.papers));
}
