// Builds a generated collection of N abstracts and prints build time and peak memory.
// Usage: npm run bench [-- --papers 5000]. Numbers, not pass/fail: compare across changes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { papers: { type: 'string', default: '1000' }, bundled: { type: 'boolean', default: false } } });
const count = Number(values.papers);
const work = join(root, 'tests/.output/bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'seeds'), { recursive: true });

const words = 'federated learning diffusion models knowledge distillation privacy attack gradient inversion zero-shot label aggregation super-resolution prompt tuning client server model stealing membership inference'.split(' ');
let seedsDir = join(root, 'seeds');
if (!values.bundled) {
	seedsDir = join(work, 'seeds');
	let state = 42;
	const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
	const perFile = 100;
	for (let f = 0; f * perFile < count; f++) {
		const lines = [];
		for (let i = f * perFile; i < Math.min(count, (f + 1) * perFile); i++) {
			const body = Array.from({ length: 180 }, () => words[next() % words.length]).join(' ');
			lines.push(`Abstract:We propose Bench${i}, a method for ${words[i % words.length]} with $\\epsilon$ noise. ${body}.`);
		}
		writeFileSync(join(seedsDir, `bench-${String(f).padStart(4, '0')}.txt`), `${lines.join('\n')}\n`);
	}
}

// GNU time reports the build's peak memory (max RSS); without it, time alone is measured.
const hasTime = existsSync('/usr/bin/time');
const started = performance.now();
const child = spawn(
	hasTime ? '/usr/bin/time' : process.execPath,
	[...(hasTime ? ['-f', '%M', process.execPath] : []), join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(work, 'dist')],
	{ cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ATLAS_SEEDS: seedsDir }, stdio: ['ignore', 'pipe', 'pipe'] },
);
let out = '';
let err = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (err += d));
child.on('close', (code) => {
	const seconds = (performance.now() - started) / 1000;
	const peakKb = hasTime ? Number(err.trim().split('\n').at(-1)) : Number.NaN;
	if (code !== 0) {
		console.error(out, err);
		process.exit(code ?? 1);
	}
	writeFileSync(join(work, 'build.log'), out + err);
	const summary = out.split('\n').find((l) => l.includes('Abstract Atlas:')) ?? '';
	// Astro logs each page with its render time: the home page must stay fast however many papers.
	const home = /├─ \/index\.html \(\+(\d+)ms\)/u.exec(out)?.[1];
	const slowest = [...out.matchAll(/├─ (\S+) \(\+(\d+)ms\)/gu)].sort((a, b) => Number(b[2]) - Number(a[2]))[0];
	console.log(summary.replace(/^.*?Abstract Atlas: /u, 'summary: '));
	console.log(`papers: ${values.bundled ? 'bundled seeds' : count}`);
	console.log(`build time: ${seconds.toFixed(1)} s`);
	console.log(`peak memory (max RSS of the build process): ${Number.isFinite(peakKb) ? `${(peakKb / 1024).toFixed(0)} MiB` : 'unknown (needs /usr/bin/time)'}`);
	console.log(`log size: ${(out.length + err.length).toLocaleString('en')} bytes (full log in ${join(work, 'build.log')})`);
	if (home) console.log(`home page render: ${home} ms`);
	if (slowest) console.log(`slowest page: ${slowest[1]} (${slowest[2]} ms)`);
});
