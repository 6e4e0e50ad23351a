import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './dev-server.ts';
import { PROJECT_ROOT, TEST_OUTPUT } from './paths.ts';

/** Debian's nginx; installed by .ci/run. */
const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
/** The MIME table nginx ships, which the generated configuration includes. */
const MIME_TYPES = process.env['NGINX_MIME_TYPES'] ?? '/etc/nginx/mime.types';

export interface NginxServer {
	origin: string;
	/** Origin plus base: where the site's home page is. */
	home: string;
	/** The configuration `npm run nginx-conf` generated for this build. */
	siteConf: string;
	stop(): Promise<void>;
}

/**
 * Serves a build with the machine's nginx, configured by `npm run nginx-conf` exactly as
 * a user would, on a free 127.0.0.1 port. nginx runs in the foreground as a child
 * process with its pid, logs and temporary files in a folder of its own under
 * tests/.output/, so it needs no system path and leaves nothing running.
 */
export async function startNginx(name: string, outDir: string, base: string): Promise<NginxServer> {
	if (!existsSync(NGINX) || !existsSync(MIME_TYPES)) {
		throw new Error(
			`nginx was not found (${NGINX}, ${MIME_TYPES}). Install Debian's nginx with "apt-get install -y nginx" (as .ci/run does), or set NGINX_PATH and NGINX_MIME_TYPES.`,
		);
	}
	const dir = join(TEST_OUTPUT, name);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	const port = await freePort();
	const siteConfPath = join(dir, 'site.conf');
	await promisify(execFile)(
		process.execPath,
		[
			join(PROJECT_ROOT, 'scripts/nginx-conf.mjs'),
			'--dist',
			outDir,
			'--base',
			base,
			'--listen',
			`127.0.0.1:${port}`,
			'--server-name',
			'localhost',
			'--out',
			siteConfPath,
		],
		{ cwd: PROJECT_ROOT },
	);
	// The generated file includes `mime.types` by a relative path, as in /etc/nginx/conf.d/.
	await copyFile(MIME_TYPES, join(dir, 'mime.types'));
	const conf = join(dir, 'nginx.conf');
	await writeFile(
		conf,
		[
			'worker_processes 1;',
			`pid ${join(dir, 'nginx.pid')};`,
			`error_log ${join(dir, 'error.log')} warn;`,
			'events { worker_connections 64; }',
			'http {',
			'    default_type application/octet-stream;',
			'    access_log off;',
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
				(temp) => `    ${temp}_temp_path ${join(dir, temp)};`,
			),
			'    include site.conf;',
			'}',
			'',
		].join('\n'),
	);
	const child = spawn(
		NGINX,
		['-p', `${dir}/`, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let log = '';
	child.stdout.on('data', (d: Buffer) => (log += d.toString()));
	child.stderr.on('data', (d: Buffer) => (log += d.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
	};
	const origin = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) break;
		try {
			if ((await fetch(`${origin}${base}`, { signal: AbortSignal.timeout(2_000) })).ok) {
				return {
					origin,
					home: `${origin}${base}`,
					siteConf: await readFile(siteConfPath, 'utf8'),
					stop,
				};
			}
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	const errorLog = existsSync(join(dir, 'error.log'))
		? await readFile(join(dir, 'error.log'), 'utf8')
		: '';
	throw new Error(
		`nginx did not serve ${origin}${base} (exit ${child.exitCode}):\n${log}\n${errorLog}`,
	);
}
