// Builds a real arXiv metadata CSV as a user's collection would be built, and prints what
// only real text shows: topic quality, derived titles against the real ones, LaTeX left
// raw on the page, build time. Numbers to compare across changes, not pass/fail.
//
// Usage: npm run real [-- <file.csv>] [-- --keep]
//   default file: ../shared/real/arxiv-2007-04.csv (see its README for the fields)
//        npm run real -- --scale 4
//   times topic extraction alone (no build) on the records, then on them repeated 4 times
//   with varied text (sentences rotated, word pairs swapped), to check it grows linearly.
//
// The first half of the records becomes `Abstract:` lines (50 to a file), so their titles
// are derived; the second half becomes scraped author pages (50 blocks to a file) with the
// real title and an `arXiv.org <category>` source line, plus a papers.yaml carrying their
// real authors, year, venue, DOI and arXiv id.
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as cheerio from 'cheerio';
import { runBuild } from './bench/build.mjs';
import { oneLine, paragraphsOf, readArxivCsv } from './lib/arxiv-csv.mjs';
import yaml from 'js-yaml';
import { paperId } from '../src/lib/papers/paper-id.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		out: { type: 'string', default: join(root, 'tests/.output/real') },
		'no-build': { type: 'boolean', default: false },
		scale: { type: 'string' },
	},
});
const csvPath = resolve(positionals[0] ?? join(root, '../shared/real/arxiv-2007-04.csv'));
const work = resolve(values.out);
const seedsDir = join(work, 'seeds');
const distDir = join(work, 'dist');
const PER_FILE = 50;

const archiveOf = (categories) => categories.trim().split(/\s+/u)[0].split('.')[0];

/** arXiv author lists: "A, B, and C", "A and B"; affiliations in parentheses are dropped. */
function authorsOf(text) {
	return oneLine(text.replace(/\([^()]*\)/gu, ''))
		.split(/,\s*(?:and\s+)?|\s+and\s+/u)
		.map((name) => name.trim())
		.filter(Boolean);
}

function makeSeeds(records) {
	rmSync(seedsDir, { recursive: true, force: true });
	mkdirSync(seedsDir, { recursive: true });
	const half = Math.ceil(records.length / 2);
	const derived = records.slice(0, half);
	const scraped = records.slice(half);
	for (let f = 0; f * PER_FILE < derived.length; f++) {
		const chunk = derived.slice(f * PER_FILE, (f + 1) * PER_FILE);
		const text = chunk.map((r) => `Abstract:${paragraphsOf(r.abstract).join('\n\n')}`).join('\n');
		writeFileSync(join(seedsDir, `abstracts-${String(f).padStart(3, '0')}.txt`), `${text}\n`);
	}
	const metadata = {};
	for (let f = 0; f * PER_FILE < scraped.length; f++) {
		const chunk = scraped.slice(f * PER_FILE, (f + 1) * PER_FILE);
		const owner = authorsOf(chunk[0].authors)[0] ?? 'Unknown';
		const blocks = chunk.map(
			(r) =>
				`${oneLine(r.title)}\n\narXiv.org ${r.categories.trim().split(/\s+/u)[0]}\n\n${paragraphsOf(r.abstract).join('\n\n')}`,
		);
		writeFileSync(
			join(seedsDir, `author-${String(f).padStart(3, '0')}.txt`),
			`Goto\n\nCollaborating Authors\n\n ${owner}\n\n\n${blocks.join('\n\n\n')}\n`,
		);
		for (const r of chunk) {
			const year = Number(
				/\b(\d{4})\b/u.exec(/'created': '([^']*)'/u.exec(r.versions)?.[1] ?? '')?.[1],
			);
			const doi = oneLine(r.doi ?? '').split(/\s+/u)[0];
			metadata[paperId(paragraphsOf(r.abstract).join(' '))] = {
				title: oneLine(r.title),
				authors: authorsOf(r.authors),
				...(year ? { year } : {}),
				...(r['journal-ref']?.trim() ? { venue: oneLine(r['journal-ref']) } : {}),
				...(/^10\.\d{4,9}\/\S+$/u.test(doi) ? { doi } : {}),
				arxiv: r.id.trim(),
			};
		}
	}
	writeFileSync(
		join(seedsDir, 'papers.yaml'),
		yaml.dump(metadata, { lineWidth: -1, sortKeys: true }),
	);
	return { derived, scraped };
}

/**
 * Copy k of a text: its sentences rotated by k and, in each sentence, the word pairs
 * starting at k mod 2 swapped. Not a duplicate, yet the same vocabulary.
 */
function varied(text, k) {
	const sentences = text.split(/(?<=[.!?])\s+/u);
	const rotated = [
		...sentences.slice(k % sentences.length),
		...sentences.slice(0, k % sentences.length),
	];
	return rotated
		.map((sentence) => {
			const words = sentence.split(' ');
			for (let i = k % 2; i + 1 < words.length; i += 2)
				[words[i], words[i + 1]] = [words[i + 1], words[i]];
			return words.join(' ');
		})
		.join(' ');
}

/** Times extractTopics alone on the records, then on `scale` varied copies of them. */
async function timeExtraction(records, scale) {
	if (!Number.isInteger(scale) || scale < 1)
		throw new Error(`--scale wants a whole number of copies, got ${values.scale}`);
	const { extractTopics } = await import('../src/lib/topics/extract-topics.ts');
	// The text the build hands to extraction: the same reader, the same real titles.
	const { topicText } = await import('../src/lib/taxonomy/classify-papers.ts');
	const { realTitle } = await import('../src/lib/papers/assemble-papers.ts');
	const half = Math.ceil(records.length / 2);
	const inputs = records.map((r, i) => {
		const paragraphs = paragraphsOf(r.abstract);
		const text = topicText(
			i < half
				? { title: '', titleSource: 'derived', paragraphs }
				: { ...realTitle(r.title), titleSource: 'source', paragraphs },
		);
		return { id: r.id.trim(), text };
	});
	const time = (papers) => {
		const started = performance.now();
		const { topics } = extractTopics(papers);
		return { seconds: (performance.now() - started) / 1000, topics: topics.length };
	};
	time(inputs); // warm up: the tagger's model, the word lists, the JIT
	const one = time(inputs);
	const many = time(
		Array.from({ length: scale }, (_, k) =>
			inputs.map((p) => (k === 0 ? p : { id: `${p.id}-${k}`, text: varied(p.text, k) })),
		).flat(),
	);
	console.log(
		`extraction 1×: ${one.seconds.toFixed(1)} s for ${inputs.length} papers (${one.topics} topics)`,
	);
	console.log(
		`extraction ${scale}×: ${many.seconds.toFixed(1)} s for ${inputs.length * scale} papers (${many.topics} topics); ${(many.seconds / one.seconds).toFixed(1)} times the 1× time`,
	);
}

/** Content words of a title, as a set: 4+ letters, lower-cased, math removed. */
function contentWords(title) {
	const text = title.replace(/\$[^$]*\$/gu, ' ').toLowerCase();
	return new Set(text.match(/\p{L}{4,}/gu) ?? []);
}
function f1(guess, truth) {
	const a = contentWords(guess);
	const b = contentWords(truth);
	if (a.size === 0 || b.size === 0) return 0;
	const hits = [...a].filter((w) => b.has(w)).length;
	return hits === 0 ? 0 : (2 * hits) / (a.size + b.size);
}

function htmlFiles(dir) {
	return readdirSync(dir, { recursive: true })
		.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
		.map((f) => join(dir, f));
}

/** Raw LaTeX a reader would see: `$\…`, `$x$` pairs, or markup commands with a brace argument. */
const RAW_LATEX =
	/\$\\|\$[^$\s][^$]{0,200}?[^\s$]\$|\$[^$\s]\$|\\(?:textit|textbf|emph|mathcal|mathbb|mathrm|mathbf|frac|sqrt|cite|'|"|`|\^|~)\{?/u;

function measure(records, log) {
	const papers = JSON.parse(readFileSync(join(distDir, 'papers.json'), 'utf8'));
	const topics = JSON.parse(readFileSync(join(distDir, 'topics.json'), 'utf8'));
	const byId = new Map(records.map((r) => [paperId(paragraphsOf(r.abstract).join(' ')), r]));
	const archive = new Map(
		papers.map((p) => [p.id, byId.get(p.id) ? archiveOf(byId.get(p.id).categories) : undefined]),
	);
	const members = new Map();
	for (const p of papers)
		for (const slug of p.topics) members.set(slug, [...(members.get(slug) ?? []), p.id]);

	const oneWord = topics.filter((t) => !/\s/u.test(t.name));
	const parents = new Set(topics.map((t) => t.parent).filter(Boolean));
	const leaves = topics.filter((t) => !parents.has(t.slug));
	const largestLeaf = leaves.reduce(
		(best, t) =>
			(members.get(t.slug)?.length ?? 0) > (members.get(best?.slug)?.length ?? 0) ? t : best,
		undefined,
	);
	let pure = 0;
	let counted = 0;
	for (const ids of members.values()) {
		if (ids.length < 5) continue;
		const counts = new Map();
		for (const id of ids) counts.set(archive.get(id), (counts.get(archive.get(id)) ?? 0) + 1);
		pure += Math.max(...counts.values());
		counted += ids.length;
	}
	const archives = new Map();
	for (const a of archive.values()) archives.set(a, (archives.get(a) ?? 0) + 1);

	const derived = papers.filter((p) => p.titleSource === 'derived' && byId.has(p.id));
	const titleF1 =
		derived.reduce((sum, p) => sum + f1(p.title, byId.get(p.id).title), 0) /
		Math.max(1, derived.length);
	const badStarts = derived.filter((p) =>
		/^(?:\(abridged\)|\[abridged\]|in this (?:paper|article|work)|we\b)/iu.test(p.title),
	);

	let typeset = 0;
	let notTypeset = 0;
	const rawPages = [];
	for (const file of htmlFiles(distDir)) {
		const $ = cheerio.load(readFileSync(file, 'utf8'));
		if (/\/papers\/[^/]+\/index\.html$/u.test(file)) {
			typeset += $('.abstract math').length;
			notTypeset += $('.abstract code.math-error').length;
		}
		$('script, style, template, .cite, math, code.math-error').remove();
		const text = $('body').text();
		const raw = RAW_LATEX.exec(text);
		if (raw)
			rawPages.push({
				page: relative(distDir, file),
				sample: text.slice(Math.max(0, raw.index - 30), raw.index + 40).replace(/\s+/gu, ' '),
			});
	}
	const pct = (n, d) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
	const withTopic = papers.filter((p) => p.topics.length > 0).length;
	const top = [...topics].sort((a, b) => b.count - a.count).slice(0, 15);
	return [
		['papers', papers.length],
		['topics', `${topics.length} (${parents.size} parents)`],
		[
			'one-word topics',
			`${oneWord.length}: ${oneWord
				.slice(0, 12)
				.map((t) => t.name)
				.join(', ')}${oneWord.length > 12 ? ', …' : ''}`,
		],
		['papers with a topic', `${withTopic} (${pct(withTopic, papers.length)})`],
		[
			'largest leaf topic',
			largestLeaf
				? `${largestLeaf.name}: ${members.get(largestLeaf.slug)?.length ?? 0} papers (${pct(members.get(largestLeaf.slug)?.length ?? 0, papers.length)})`
				: 'none',
		],
		[
			'topic purity (archive, topics ≥ 5 papers)',
			`${pct(pure, counted)} (largest archive alone: ${pct(Math.max(...archives.values()), papers.length)})`,
		],
		[
			'derived-title F1 (content words)',
			`${pct(titleF1, 1)} over ${derived.length} titles; ${badStarts.length} start with (Abridged)/We/In this paper`,
		],
		['math fragments in abstracts', `${typeset} typeset, ${notTypeset} shown as source`],
		[
			'pages with raw LaTeX in visible text',
			`${rawPages.length}${
				rawPages.length
					? `, e.g. ${rawPages
							.slice(0, 3)
							.map((r) => `${r.page}: “${r.sample}”`)
							.join('; ')}`
					: ''
			}`,
		],
		['top topics', top.map((t) => `${t.name} ${t.count}`).join(', ')],
		[
			'summary',
			log
				.split('\n')
				.find((l) => l.includes('Abstract Atlas:'))
				?.replace(/^.*?Abstract Atlas: /u, '') ?? '',
		],
	];
}

const records = readArxivCsv(csvPath);
console.log(`${records.length} records from ${csvPath}`);
if (values.scale !== undefined) {
	await timeExtraction(records, Number(values.scale));
	process.exit(0);
}
makeSeeds(records);
let seconds = Number.NaN;
let log = existsSync(join(work, 'build.log')) ? readFileSync(join(work, 'build.log'), 'utf8') : '';
if (!values['no-build']) {
	// The bench's build runner: a cold build, as a user's first build, with its log in the folder.
	const logFile = join(work, 'build.log');
	const run = await runBuild({ root, seedsDir, outDir: distDir, logFile, cold: true });
	seconds = run.ms / 1000;
	log = readFileSync(logFile, 'utf8');
}
const rows = measure(records, log);
rows.push([
	'build time',
	Number.isFinite(seconds) ? `${seconds.toFixed(1)} s` : 'not built (--no-build)',
]);
for (const [what, value] of rows) console.log(`${what}: ${value}`);
console.log(`dist: ${distDir} (${statSync(distDir).isDirectory() ? 'kept' : ''})`);
