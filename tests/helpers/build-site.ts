import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeBase } from '../../src/lib/site/options.ts';
import { PROJECT_ROOT, TEST_OUTPUT } from './paths.ts';
import { readerEnv } from './reader-env.ts';

export interface BuildOptions {
	/** Seeds folder (absolute). */
	seeds: string;
	/** Name of the output folder under tests/.output/. */
	name: string;
	base?: string;
	site?: string;
	strict?: boolean;
}

export interface BuiltSite {
	outDir: string;
	base: string;
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
 * its own output folder. Builds share the project's generated folder, so the test
 * projects that call this run their files one at a time.
 */
export async function buildSite(options: BuildOptions): Promise<BuiltSite> {
	const outDir = join(TEST_OUTPUT, options.name);
	await rm(outDir, { recursive: true, force: true });
	await mkdir(TEST_OUTPUT, { recursive: true });
	const env = readerEnv({
		ATLAS_SEEDS: options.seeds,
		ATLAS_BASE: options.base ?? '',
		ATLAS_SITE: options.site ?? '',
		ATLAS_STRICT: options.strict ? '1' : '',
	});
	const started = performance.now();
	const { code, log } = await run(
		process.execPath,
		[join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
		env,
	);
	const ms = performance.now() - started;
	return {
		outDir,
		base: normalizeBase(options.base),
		code,
		log,
		ms,
		read: (path) => readFileSync(join(outDir, path), 'utf8'),
		exists: (path) => existsSync(join(outDir, path)),
	};
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; log: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
	if (site.code !== 0) throw new Error(`astro build for "${options.name}" exited ${site.code}:\n${site.log}`);
	return site;
}
