import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeBase } from '../../src/lib/site/options.ts';
import { GENERATED_DIR } from '../../src/lib/site/project-paths.ts';
import { TEST_OUTPUT } from './paths.ts';
import { freshProject, PROJECTS } from './project-copy.ts';
import { readerEnv } from './reader-env.ts';

export interface BuildOptions {
	/** Seeds folder (absolute). */
	seeds: string;
	/** Name of the output folder under tests/.output/. */
	name: string;
	base?: string;
	site?: string;
	strict?: boolean;
	/**
	 * Name of an earlier build whose project copy (Astro's cache and store, the generated
	 * folder) this one continues from, as a rebuild in the same checkout does. Without
	 * it the build starts from a fresh copy.
	 */
	rebuildOf?: string;
}

export interface BuiltSite {
	outDir: string;
	base: string;
	/** The project copy the build ran in (its working directory). */
	root: string;
	/** The generated MDX and the loader's report, inside `root`. */
	generatedDir: string;
	code: number | null;
	/** stdout and stderr together, as a user sees them. */
	log: string;
	/** Milliseconds the build took. */
	ms: number;
	/** Reads a file of the build, e.g. `papers.json` or `papers/x/index.html`. */
	read(path: string): string;
	exists(path: string): boolean;
}

/**
 * Runs the real `astro build` (as `npm run build` does) with ATLAS_* variables, into
 * its own output folder, from its own copy of the project (see freshProject), so that
 * builds never share a generated folder or a cache and test files can run at once.
 */
export async function buildSite(options: BuildOptions): Promise<BuiltSite> {
	const outDir = join(TEST_OUTPUT, options.name);
	await rm(outDir, { recursive: true, force: true });
	await mkdir(TEST_OUTPUT, { recursive: true });
	const root =
		options.rebuildOf === undefined
			? await freshProject(options.name)
			: join(PROJECTS, options.rebuildOf);
	if (!existsSync(root))
		throw new Error(`"${options.name}" rebuilds "${options.rebuildOf}", which was never built`);
	const env = readerEnv({
		ATLAS_SEEDS: options.seeds,
		ATLAS_BASE: options.base ?? '',
		ATLAS_SITE: options.site ?? '',
		ATLAS_STRICT: options.strict ? '1' : '',
	});
	const started = performance.now();
	const { code, log } = await run(
		process.execPath,
		[join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
		env,
		root,
	);
	const ms = performance.now() - started;
	return builtSite({ outDir, base: normalizeBase(options.base), root, code, log, ms });
}

/** What a build left, as plain data: what the shared builds pass from globalSetup to test files. */
export type BuildResult = Omit<BuiltSite, 'generatedDir' | 'read' | 'exists'>;

/** A build's result with its readers. */
export function builtSite(result: BuildResult): BuiltSite {
	const { outDir, root } = result;
	return {
		...result,
		generatedDir: join(root, GENERATED_DIR),
		read: (path) => readFileSync(join(outDir, path), 'utf8'),
		exists: (path) => existsSync(join(outDir, path)),
	};
}

/**
 * A copy of a build's output at tests/.output/<name>, for a test that adds files to what
 * it serves or checks: a shared build is read by other test files at the same time.
 */
export async function copyOfBuild(site: BuiltSite, name: string): Promise<BuiltSite> {
	const outDir = join(TEST_OUTPUT, name);
	await rm(outDir, { recursive: true, force: true });
	await cp(site.outDir, outDir, { recursive: true });
	return builtSite({
		outDir,
		base: site.base,
		root: site.root,
		code: site.code,
		log: site.log,
		ms: site.ms,
	});
}

function run(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	cwd: string,
): Promise<{ code: number | null; log: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let log = '';
		child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, log }));
	});
}

/** Builds and fails loudly with the log when the build itself failed. */
export async function buildSiteOk(options: BuildOptions): Promise<BuiltSite> {
	const site = await buildSite(options);
	if (site.code !== 0)
		throw new Error(`astro build for "${options.name}" exited ${site.code}:\n${site.log}`);
	return site;
}
