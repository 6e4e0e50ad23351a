#!/usr/bin/env node
/**
 * Writes the nginx configuration for one build: docs/hosting/nginx.conf filled with the
 * build folder, the base path and the Content-Security-Policy the build wrote to
 * `_headers`. Users and the nginx test run this same script, so what is tested is what
 * is deployed.
 *
 *   ATLAS_BASE=/atlas/ npm run build
 *   ATLAS_BASE=/atlas/ npm run nginx-conf -- --root /srv/atlas/dist > /etc/nginx/conf.d/atlas.conf
 *
 * Options: --dist <folder> (the build to read, default dist/), --root <path> (where the
 * server will hold it, default the --dist folder), --base (default ATLAS_BASE, else /),
 * --listen (default 80), --server-name (default _), --out <file> (default stdout).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { policyFromHeadersFile } from '../src/lib/hosting/csp.ts';
import { renderNginxConf } from '../src/lib/hosting/nginx-conf.ts';
import { normalizeBase } from '../src/lib/site/options.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const TEMPLATE = join(root, 'docs/hosting/nginx.conf');

const { values } = parseArgs({
	options: {
		dist: { type: 'string', default: 'dist' },
		root: { type: 'string' },
		base: { type: 'string' },
		listen: { type: 'string', default: '80' },
		'server-name': { type: 'string', default: '_' },
		out: { type: 'string' },
	},
});

/** A catalogue error (src/lib/errors/) says what to do in its hint: print both, as Astro does. */
function withHint(error) {
	return error.hint ? `${error.message} ${error.hint}` : error.message;
}

function fail(message) {
	console.error(`nginx-conf: ${message}`);
	process.exit(1);
}

const dist = resolve(values.dist);
const headersPath = join(dist, '_headers');
if (!existsSync(headersPath))
	fail(
		`${headersPath} not found. Build first (npm run build), or give the build folder with --dist.`,
	);
const policy = policyFromHeadersFile(readFileSync(headersPath, 'utf8'));
if (!policy)
	fail(
		`${headersPath} has no "/*" rule with a Content-Security-Policy; rebuild with this version of Abstract Atlas.`,
	);

let base;
try {
	base = normalizeBase(values.base ?? process.env.ATLAS_BASE);
} catch (error) {
	fail(withHint(error));
}
// A build knows its base only through its URLs: a config for another base would serve every page's links as 404s.
const papersPath = join(dist, 'papers.json');
if (existsSync(papersPath)) {
	const [first] = JSON.parse(readFileSync(papersPath, 'utf8'));
	if (first && !first.url.startsWith(`${base}papers/`)) {
		fail(
			`${dist} was built for another base path (its first paper is at ${first.url}), not ${base}. Give --base (or ATLAS_BASE) as the build had it.`,
		);
	}
}

try {
	const text = renderNginxConf(readFileSync(TEMPLATE, 'utf8'), {
		root: values.root ?? dist,
		base,
		policy,
		listen: values.listen,
		serverName: values['server-name'],
	});
	if (values.out) writeFileSync(values.out, text);
	else process.stdout.write(text);
} catch (error) {
	fail(withHint(error));
}
