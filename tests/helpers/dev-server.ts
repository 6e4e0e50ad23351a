import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freshProject } from './project-copy.ts';
import { readerEnv } from './reader-env.ts';

export interface DevServer {
	origin: string;
	log(): string;
	stop(): Promise<void>;
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

/** Starts `astro dev` on 127.0.0.1 for a seeds folder (under a base path, if given) and waits until it answers. */
export function startDevServer(seeds: string, base = '/'): Promise<DevServer> {
	return startAstro(
		'astro dev',
		['dev'],
		readerEnv({ ATLAS_SEEDS: seeds, ATLAS_BASE: base }),
		base,
	);
}

/**
 * Starts `astro preview` (what `npm run preview` runs) on 127.0.0.1 over a finished
 * build; `base` must be the one it was built with, as Astro's config supplies it.
 */
export function startPreviewServer(outDir: string, base = '/'): Promise<DevServer> {
	return startAstro(
		'astro preview',
		['preview', '--outDir', outDir],
		readerEnv({ ATLAS_BASE: base }),
		base,
	);
}

/** Servers started by this test file, for unique project copies. */
let started = 0;

/** Runs in its own project copy (see freshProject), removed when the server stops: dev servers of parallel test files never share `.astro/`. */
async function startAstro(
	name: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	base: string,
): Promise<DevServer> {
	const port = await freePort();
	const root = await freshProject(`${args[0]}-${process.pid}-${++started}`);
	const child: ChildProcess = spawn(
		process.execPath,
		[
			join(root, 'node_modules/astro/bin/astro.mjs'),
			...args,
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
		],
		{ cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let log = '';
	child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
	const origin = `http://127.0.0.1:${port}`;
	const stop = async () => {
		await new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
		await rm(root, { recursive: true, force: true });
	};
	// A limit for hangs: a copy starts with no Vite dependency cache, and on a loaded
	// machine (load average 25 on 2 CPUs) a first answer took over 60 s.
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}:\n${log}`);
		try {
			if ((await fetch(`${origin}${base}`, { signal: AbortSignal.timeout(10_000) })).ok)
				return { origin, log: () => log, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	await stop();
	throw new Error(`${name} did not answer within 180 s:\n${log}`);
}

/** Polls until `check` passes or the time is up, returning the last value. */
export async function eventually<T>(
	read: () => Promise<T>,
	check: (value: T) => boolean,
	ms = 20_000,
): Promise<T> {
	const deadline = Date.now() + ms;
	let value = await read();
	while (!check(value) && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 300));
		value = await read();
	}
	return value;
}
