import { mkdirSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, HookParameters } from 'astro';
import { summaryLine } from '../lib/build-summary.ts';
import { REPORT_FILE } from '../lib/project-paths.ts';
import { BuildReportSchema, type BuildReport } from '../schemas/build-report.ts';

export interface AtlasIntegrationOptions {
	/** Same folder as the loader's `generatedDir`, relative to the project root. */
	generatedDir: string;
	strict: boolean;
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
 * Glue between the loader (inside Vite) and the build: it creates the generated
 * folder before Vite starts, silences the one warning that every generated MDX
 * repeats, and ends the build with a summary (and a failure under ATLAS_STRICT).
 */
export function atlasIntegration(options: AtlasIntegrationOptions): AstroIntegration {
	let generatedDir = '';
	let site: string | undefined;
	return {
		name: 'abstract-atlas',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				generatedDir = resolve(fileURLToPath(config.root), options.generatedDir);
				mkdirSync(generatedDir, { recursive: true });
				updateConfig({
					vite: {
						build: {
							rolldownOptions: {
								onwarn(warning: BundlerWarning, warn: (warning: BundlerWarning) => void) {
									const fromGenerated = warning.id?.startsWith(generatedDir) ?? false;
									if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && fromGenerated && HEAD_INJECT_WARNING.test(warning.message)) return;
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
			},
			'astro:build:done': ({ logger }) => {
				reportBuild({ logger }, readReport(resolve(generatedDir, REPORT_FILE)), site, options.strict);
			},
		},
	};
}

function readReport(path: string): BuildReport {
	try {
		return BuildReportSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
	} catch (error) {
		throw new Error(`The abstracts loader left no readable report at ${path}; delete .astro/ and the generated folder, then build again.`, {
			cause: error,
		});
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
		throw new Error(
			`ATLAS_STRICT is set and the seeds gave ${report.warnings.length} warning(s), listed above with file and line. Fix those seed files, or unset ATLAS_STRICT to build anyway.`,
		);
	}
}
