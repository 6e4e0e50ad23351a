// The project's measuring instrument: builds generated collections of realistic abstracts
// and prints one Markdown table row per size. Numbers to compare across changes, never
// pass/fail. See README "Performance" for the columns.
//
// Usage: npm run bench [-- --sizes 1000,10000] [--runs N] [--seed N] [--identical] [--compare]
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBuild } from './bench/build.mjs';
import { loadSources, sentencePools } from './bench/corpus.mjs';
import { editOneAbstract, generateCollection } from './bench/generate.mjs';
import { hugoAvailable, hugoBuild } from './bench/hugo.mjs';
import {
	differences,
	distSize,
	hashDist,
	paperPageWeight,
	searchWeight,
} from './bench/measure.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const MAX_SIZE = 50_000;
const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000,10000' },
		runs: { type: 'string' },
		seed: { type: 'string', default: '1' },
		identical: { type: 'boolean', default: false },
		compare: { type: 'boolean', default: false },
		csv: { type: 'string', default: join(root, '../shared/real/arxiv-2007-04.csv') },
	},
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/gu, '')));
for (const size of sizes) {
	if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
		console.error(
			`--sizes takes whole numbers from 1 to ${MAX_SIZE.toLocaleString('en')}; got "${values.sizes}".`,
		);
		process.exit(2);
	}
}
const work = join(root, 'tests/.output/bench');
// Progress goes to stderr: stdout stays the table, ready to paste.
const progress = (text) => console.error(`· ${text}`);

const median = (numbers) => {
	const sorted = numbers.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const s = (ms) => (ms / 1000).toFixed(1);
const mib = (kb) => (Number.isFinite(kb) && kb > 0 ? (kb / 1024).toFixed(0) : '–');
const kib = (bytes) => (bytes / 1024).toFixed(1);
const version = (pkg) =>
	JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

function machineLine() {
	const cpu = cpus()[0]?.model.replace(/\s+/gu, ' ').trim() ?? 'unknown CPU';
	return `Machine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, Astro ${version('astro')}, Pagefind ${version('pagefind')}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const COLUMNS = [
	'papers',
	'cold build',
	'ms/paper',
	'RSS node',
	'RSS pagefind',
	'content',
	'bundling',
	'routes',
	'pagefind',
	'dist files',
	'dist size',
	'search gzip',
	'paper page gzip',
	'warm rebuild',
	'identical',
	...(values.compare ? ['Hugo + Pagefind'] : []),
];

/** Builds one size `runs` times cold (each followed by a warm rebuild) and returns its table row. */
async function benchSize(size, pools, notes) {
	const dir = join(work, String(size));
	const seedsDir = join(dir, 'seeds');
	const outDir = join(dir, 'dist');
	const generated = performance.now();
	const collection = generateCollection({
		dir: seedsDir,
		count: size,
		seed: Number(values.seed),
		pools,
	});
	progress(
		`${size}: ${collection.files.length} seed files, ${(collection.bytes / 1e6).toFixed(1)} MB, ${collection.duplicates} duplicates, ${collection.withMath} with math, in ${s(performance.now() - generated)} s`,
	);
	const runs = Number(values.runs ?? (size <= 10_000 ? 3 : 1));
	const wantIdentical = values.identical || size === 1000;
	const cold = [];
	const warm = [];
	let output;
	let page;
	let search;
	const hashes = [];
	for (let run = 1; run <= runs; run++) {
		progress(`${size}: cold build ${run}/${runs}`);
		cold.push(
			await runBuild({ root, seedsDir, outDir, logFile: join(dir, `cold-${run}.log`), cold: true }),
		);
		if (wantIdentical && hashes.length < 2) hashes.push(hashDist(outDir));
		if (run === 1) {
			output = distSize(outDir);
			page = paperPageWeight(outDir);
			progress(`${size}: search for "${collection.commonWord}" in Chromium`);
			search = await searchWeight(outDir, collection.commonWord);
		}
		progress(`${size}: warm rebuild ${run}/${runs} after one abstract changed`);
		const restore = editOneAbstract(seedsDir, collection.files);
		try {
			warm.push(
				await runBuild({
					root,
					seedsDir,
					outDir,
					logFile: join(dir, `warm-${run}.log`),
					cold: false,
				}),
			);
		} finally {
			restore();
		}
	}
	if (wantIdentical && hashes.length < 2) {
		progress(`${size}: second cold build, to compare outputs`);
		await runBuild({ root, seedsDir, outDir, logFile: join(dir, 'identical.log'), cold: true });
		hashes.push(hashDist(outDir));
	}
	let identical = '–';
	if (hashes.length === 2) {
		const differ = differences(hashes[0], hashes[1]);
		identical =
			differ.length === 0 ? `yes (${hashes[0].size} files)` : `no: ${differ.length} files`;
		if (differ.length)
			notes.push(
				`${size}: files differing between two cold builds: ${differ.slice(0, 8).join(', ')}${differ.length > 8 ? ', …' : ''}`,
			);
	}

	const coldMs = median(cold.map((b) => b.ms));
	const warmMs = median(warm.map((b) => b.ms));
	const phase = (key) => s(median(cold.map((b) => b.phases[key])));
	const built = cold[0].built;
	notes.push(
		`${size}: ${collection.duplicates} exact duplicates generated (${built} papers built, ${cold[0].phases.pages} pages indexed), ${collection.withMath} abstracts with math; ` +
			`search for "${search.word}": ${search.requests} responses, ${kib(search.raw)} KiB uncompressed, first results after ${(search.ms / 1000).toFixed(2)} s; ` +
			`paper page ${page.page}: HTML ${kib(page.html)} KiB + ${page.stylesheets} stylesheet(s) ${kib(page.css)} KiB gzip; startup ${phase('startup')} s, unaccounted ${phase('other')} s; logs in ${dir}`,
	);
	const row = [
		`${size.toLocaleString('en')}`,
		`${s(coldMs)} s`,
		(coldMs / size).toFixed(1),
		`${mib(median(cold.map((b) => b.memory.build)))} MiB`,
		`${mib(
			median(
				cold.map((b) =>
					Math.max(
						0,
						...Object.entries(b.memory)
							.filter(([k]) => k.startsWith('pagefind'))
							.map(([, v]) => v),
					),
				),
			),
		)} MiB`,
		`${phase('content')} s`,
		`${phase('bundling')} s`,
		`${phase('routes')} s`,
		`${phase('pagefind')} s`,
		output.files.toLocaleString('en'),
		`${(output.bytes / 1e6).toFixed(1)} MB`,
		`${kib(search.gzip)} KiB`,
		`${kib(page.html + page.css)} KiB`,
		`${s(warmMs)} s (${(warmMs / coldMs).toFixed(2)}×)`,
		identical,
	];
	if (values.compare) row.push(compareWithHugo(size, seedsDir, dir, coldMs, notes));
	return row;
}

/** Hugo, then Pagefind's CLI, over the same seeds; the cell is their time and our ratio to it. */
function compareWithHugo(size, seedsDir, dir, coldMs, notes) {
	if (!hugoAvailable()) {
		notes.push(
			'--compare: hugo is not on PATH; install it with "apt-get install -y hugo" (Debian) to compare. Skipped.',
		);
		return 'no hugo';
	}
	progress(`${size}: Hugo + Pagefind CLI`);
	const hugo = hugoBuild({ root, seedsDir, work: dir });
	const total = hugo.hugoMs + hugo.pagefindMs;
	notes.push(
		`${size}: Hugo ${s(hugo.hugoMs)} s for ${hugo.pages} pages + Pagefind CLI ${s(hugo.pagefindMs)} s`,
	);
	return `${s(total)} s (ours ${(coldMs / total).toFixed(1)}×)`;
}

const csvPath = resolve(values.csv);
console.log(machineLine());
const { sources, notes } = loadSources({ root, csvPath });
const pools = sentencePools(sources);
mkdirSync(work, { recursive: true });
console.log('');
console.log(`| ${COLUMNS.join(' | ')} |`);
console.log(`|${COLUMNS.map(() => '---').join('|')}|`);
for (const size of sizes) console.log(`| ${(await benchSize(size, pools, notes)).join(' | ')} |`);
console.log('');
for (const note of notes) console.log(`- ${note}`);
