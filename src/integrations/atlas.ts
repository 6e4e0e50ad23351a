import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, HookParameters } from 'astro';
import { summaryLine } from '../lib/site/build-summary.ts';
import { BIBTEX_CONTENT_TYPE } from '../lib/cite/bibtex.ts';
import { headersFile, pagePolicies, unionPolicies } from '../lib/hosting/csp.ts';
import { RIS_CONTENT_TYPE } from '../lib/cite/ris.ts';
import { paperFiles, type SiteAddress, type SiteFile } from '../lib/site/paper-files.ts';
import { PAPERS_EXPORT_FILE, REPORT_FILE } from '../lib/site/project-paths.ts';
import { normalizeBase } from '../lib/site/options.ts';
import { THEME_SCRIPT } from '../lib/theme/theme-choice.ts';
import type { Paper } from '../schemas/paper.ts';
import { BuildReportSchema, type BuildReport } from '../schemas/build-report.ts';
import {
	LoaderCollectionUnreadable,
	LoaderReportUnreadable,
	PagePolicyMissing,
	StrictWarnings,
} from '../lib/errors/error-data.ts';
import { astroError, toAstroError } from './astro-errors.ts';

export interface AtlasIntegrationOptions {
	/** Same folder as the loader's `generatedDir`, relative to the project root. */
	generatedDir: string;
	strict: boolean;
	/** The seeds folder (absolute, or relative to the root): the dev server keeps watching it wherever it is. */
	seeds: string;
}

/** The fields of a Rolldown warning this integration reads. */
interface BundlerWarning {
	code?: string | undefined;
	id?: string | undefined;
	message: string;
}

/** Every generated MDX module carries this directive; Rolldown warns about it once per file. */
const HEAD_INJECT_WARNING = /"use astro:head-inject"/u;

/**
 * Each generated MDX module is imported lazily, so by default the bundler gives every
 * paper a chunk of its own: bundling 1,000 papers took 6.9 s, most of it per-chunk
 * work. Grouping them by the first hex digit of the paper id (16 chunks, whatever the
 * size of the collection) took 3.1 s, and every built page stays byte-identical: the
 * chunks only exist inside the build. The id is the digest of the abstract, so a paper
 * never changes group.
 */
export function paperChunk(id: string, generatedDir: string): string | undefined {
	// Module ids use forward slashes on every platform.
	if (!id.startsWith(`${generatedDir.split(sep).join('/')}/`)) return undefined;
	const paper = /\/([0-9a-f])[0-9a-f]{11}\.mdx$/u.exec(id);
	return paper ? `papers-${paper[1]}` : undefined;
}

/**
 * What the dev server's watcher skips: the build output and the tests' and bench's
 * outputs (tens of thousands of files), except a seeds folder kept inside them.
 */
export function unwatched(root: string, outDir: string, seeds: string): (path: string) => boolean {
	const skipped = [outDir, join(root, 'tests/.output')].map((dir) => dir.replace(/\/+$/u, ''));
	const seedsDir = resolve(root, seeds);
	const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
	return (path) =>
		skipped.some((dir) => inside(path, dir)) && !inside(path, seedsDir) && !inside(seedsDir, path);
}

/**
 * Glue between the loader (inside Vite) and the build: it creates the generated
 * folder before Vite starts, silences the one warning that every generated MDX
 * repeats, and ends the build with a summary (and a failure under ATLAS_STRICT).
 */
export function atlasIntegration(options: AtlasIntegrationOptions): AstroIntegration {
	let generatedDir = '';
	let site: string | undefined;
	let address: SiteAddress = { base: '/', site: undefined };
	return {
		name: 'abstract-atlas',
		hooks: {
			'astro:config:setup': ({ config, updateConfig, injectScript }) => {
				// Applies the reader's stored theme before the first paint; Astro hashes it into every page's CSP.
				injectScript('head-inline', THEME_SCRIPT);
				generatedDir = resolve(fileURLToPath(config.root), options.generatedDir);
				mkdirSync(generatedDir, { recursive: true });
				updateConfig({
					vite: {
						// The dev server's file watcher walks every folder it is not told to skip before
						// the first sync: a built site (4.7 files per paper) or the tests' and bench's
						// outputs beside it held the first sync back by 15 s at 1,000 papers.
						server: {
							watch: {
								ignored: [
									unwatched(
										fileURLToPath(config.root),
										fileURLToPath(config.outDir),
										options.seeds,
									),
								],
							},
						},
						build: {
							rolldownOptions: {
								onwarn(warning: BundlerWarning, warn: (warning: BundlerWarning) => void) {
									const fromGenerated = warning.id?.startsWith(generatedDir) ?? false;
									if (
										warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
										fromGenerated &&
										HEAD_INJECT_WARNING.test(warning.message)
									)
										return;
									warn(warning);
								},
								output: { manualChunks: (id: string) => paperChunk(id, generatedDir) },
							},
						},
					},
				});
			},
			'astro:config:done': ({ config }) => {
				site = config.site;
				address = { base: normalizeBase(config.base), site: config.site };
			},
			'astro:server:setup': ({ server }) => {
				// Short links and citation files are written by the build, not routed: the dev
				// server serves the same bytes from the loader's latest export.
				server.middlewares.use((request, response, next) => {
					const file =
						request.url === undefined
							? undefined
							: devPaperFile(request.url, resolve(generatedDir, PAPERS_EXPORT_FILE), address);
					if (file) send(response, file);
					else next();
				});
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				try {
					const started = performance.now();
					const outDir = fileURLToPath(dir);
					const policy = sitePolicy(outDir, assets);
					await writeFile(join(outDir, HEADERS_FILE), headersFile(policy));
					const written = await writeSiteFiles(
						outDir,
						paperFiles(readPapers(resolve(generatedDir, PAPERS_EXPORT_FILE)), address, { policy }),
					);
					logger.info(
						`Wrote ${written} short links and citation files in ${Math.round(performance.now() - started)} ms.`,
					);
					reportBuild(
						{ logger },
						readReport(resolve(generatedDir, REPORT_FILE)),
						site,
						options.strict,
					);
				} catch (error) {
					// The CSP helpers are pure code: their catalogue errors reach Astro as its own.
					throw toAstroError(error);
				}
			},
		},
	};
}

/** Static hosts' per-path headers file (Netlify, Cloudflare Pages; our nginx config reads it too). */
const HEADERS_FILE = '_headers';

/**
 * The site's Content-Security-Policy, as Astro rendered it: read from the home page and
 * one page of every other route. Astro gives every page the same policy (its hashes
 * cover every script and style the build bundled or injected; a browser test checks
 * every HTML file), and then it is returned as written; should routes ever differ, the
 * union of theirs, which each page's own meta still narrows. The short-link pages
 * written here carry it, and `_headers` sends it.
 */
function sitePolicy(outDir: string, assets: ReadonlyMap<string, readonly URL[]>): string {
	const pages = [join(outDir, 'index.html')];
	for (const files of assets.values()) {
		const page = files.find((file) => file.pathname.endsWith('.html'));
		if (page) pages.push(fileURLToPath(page));
	}
	const policies = [
		...new Set(
			pages.flatMap((page) => {
				const found = pagePolicies(readFileSync(page, 'utf8'));
				if (found.length !== 1) throw astroError(PagePolicyMissing, [page, found.length]);
				return found;
			}),
		),
	];
	return policies.length === 1 ? policies[0]! : unionPolicies(policies);
}

/** The loader's export of the collection; it wrote it, so its shape is the schema's. */
function readPapers(path: string): Paper[] {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Paper[];
	} catch (error) {
		throw astroError(LoaderCollectionUnreadable, [path], { cause: error });
	}
}

/** Files written a batch at a time: all at once would hold tens of thousands of handles open. */
const WRITE_BATCH = 64;

/** Writes files into the build folder, creating their folders; returns how many. */
async function writeSiteFiles(outDir: string, files: Iterable<SiteFile>): Promise<number> {
	let batch: Promise<void>[] = [];
	let count = 0;
	for (const { path, body } of files) {
		const target = join(outDir, path);
		batch.push(mkdir(dirname(target), { recursive: true }).then(() => writeFile(target, body)));
		count++;
		if (batch.length === WRITE_BATCH) {
			await Promise.all(batch);
			batch = [];
		}
	}
	await Promise.all(batch);
	return count;
}

const CONTENT_TYPES: Record<string, string> = {
	html: 'text/html; charset=utf-8',
	bib: BIBTEX_CONTENT_TYPE,
	ris: RIS_CONTENT_TYPE,
};

/** The dev server's copy of the export, read again only when the loader has rewritten it. */
let devExport: { mtimeMs: number; files: Map<string, string> } | undefined;

/** The short link or citation file a dev request asks for, from the loader's latest export. */
function devPaperFile(url: string, exportPath: string, address: SiteAddress): SiteFile | undefined {
	const path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
	if (!path.startsWith(address.base)) return undefined;
	const inSite = path.slice(address.base.length).replace(/^(p\/[0-9a-f]{12}\/)$/u, '$1index.html');
	if (!/^(?:p\/[0-9a-f]{12}\/index\.html|papers\/[a-z0-9-]+\.(?:bib|ris))$/u.test(inSite))
		return undefined;
	let mtimeMs: number;
	try {
		mtimeMs = statSync(exportPath).mtimeMs;
	} catch {
		return undefined;
	}
	if (devExport?.mtimeMs !== mtimeMs) {
		devExport = {
			mtimeMs,
			files: new Map(
				[...paperFiles(readPapers(exportPath), address)].map((file) => [file.path, file.body]),
			),
		};
	}
	const body = devExport.files.get(inSite);
	return body === undefined ? undefined : { path: inSite, body };
}

function send(response: ServerResponse, file: SiteFile): void {
	response.setHeader(
		'Content-Type',
		CONTENT_TYPES[file.path.split('.').at(-1) ?? ''] ?? 'application/octet-stream',
	);
	response.end(file.body);
}

function readReport(path: string): BuildReport {
	try {
		return BuildReportSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
	} catch (error) {
		throw astroError(LoaderReportUnreadable, [path], { cause: error });
	}
}

/** Logs the summary; under strict mode, turns seed warnings into a failed build. */
export function reportBuild(
	{ logger }: Pick<HookParameters<'astro:build:done'>, 'logger'>,
	report: BuildReport,
	site: string | undefined,
	strict: boolean,
): void {
	logger.info(summaryLine(report, site));
	if (strict && report.warnings.length > 0) {
		throw astroError(StrictWarnings, [report.warnings.length]);
	}
}
