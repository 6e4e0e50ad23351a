// Writes a generated collection of seed files, deterministic from a seed, file by file:
// at 50,000 abstracts nothing larger than one file (100 abstracts) is held as a string.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { choose, pick, prng } from './prng.mjs';

const PER_FILE = 100;
const TARGET_CHARS = 1200;
const MATH_SHARE = 0.1;
const DUPLICATE_SHARE = 0.01;
// Duplicates copy one of the last abstracts written: a bounded window keeps memory flat.
const DUPLICATE_WINDOW = 500;

const FIRST = [
	'Ana',
	'Bo',
	'Chen',
	'Dana',
	'Emil',
	'Fatima',
	'Goran',
	'Hiro',
	'Ines',
	'Jonas',
	'Kemal',
	'Lea',
	'Mei',
	'Nils',
	'Olga',
	'Priya',
];
const LAST = [
	'Okafor',
	'Lindqvist',
	'Tanaka',
	'Moreau',
	'Novak',
	'Silva',
	'Haddad',
	'Kowalski',
	'Ferrari',
	'Nguyen',
	'Schmidt',
	'Rossi',
	'Park',
	'Mendes',
];
// Words too common to name a subject: the search probe wants a word readers would type.
const STOP = new Set(
	'about above after again against among based because before being below between both could during each every first found further given however large might model models other paper present problem results second several shown since small their there these those three through under using which while whose within without would study method methods approach propose proposed order show shows terms value values number'.split(
		' ',
	),
);

/** Picks a group with probability proportional to its number of source abstracts. */
function groupPicker(random, pools) {
	const total = pools.reduce((n, g) => n + g.sources.length, 0);
	return () => {
		let at = random() * total;
		for (const g of pools) if ((at -= g.sources.length) < 0) return g;
		return pools.at(-1);
	};
}

/**
 * One abstract: the opening sentence of a real abstract (its topic), then sentences of
 * other abstracts of the same archive, to about 1,200 characters; one in ten gets one
 * real sentence with $…$ math. Title and category come from the opening abstract.
 */
function composeAbstract(random, group, allMath) {
	const lead = choose(random, group.leads);
	const sentences = [lead.sentences[0]];
	let length = sentences[0].length;
	if (random() < MATH_SHARE) {
		const math = choose(random, group.math.length ? group.math : allMath);
		sentences.push(math);
		length += math.length + 1;
	}
	while (length < TARGET_CHARS - 100) {
		const next = choose(random, group.plain);
		if (sentences.includes(next)) continue;
		sentences.splice(1 + pick(random, sentences.length), 0, next);
		length += next.length + 1;
	}
	return {
		text: sentences.join(' '),
		title: lead.title ?? lead.sentences[0].slice(0, 80),
		category: lead.category,
	};
}

function abstractLinesFile(abstracts) {
	return `${abstracts.map((a) => `Abstract:${a.text}`).join('\n')}\n`;
}

function authorPageFile(abstracts, owner) {
	const blocks = abstracts.map((a) => `${a.title}\n\narXiv.org ${a.category}\n\n${a.text}`);
	return `Goto\n\nCollaborating Authors\n\n ${owner}\n\n\n${blocks.join('\n\n\n')}\n`;
}

/** Counts, per word, the abstracts it occurs in. */
function countWords(counts, text) {
	for (const w of new Set(
		text
			.replace(/\$[^$]*\$/gu, ' ')
			.toLowerCase()
			.match(/\b[a-z]{5,}\b/gu) ?? [],
	)) {
		if (!STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
	}
}

/**
 * Writes `count` abstracts into `dir`, 100 to a file, alternating the two seed formats.
 * Returns what the table and the search probe need to know about the collection.
 */
export function generateCollection({ dir, count, seed, pools }) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const random = prng(seed);
	const nextGroup = groupPicker(random, pools);
	const allMath = pools.flatMap((g) => g.math);
	const seen = new Set();
	const recent = [];
	const words = new Map();
	const stats = { files: [], abstracts: 0, duplicates: 0, withMath: 0, bytes: 0 };
	for (let f = 0; f * PER_FILE < count; f++) {
		const abstracts = [];
		for (let i = f * PER_FILE; i < Math.min(count, (f + 1) * PER_FILE); i++) {
			let abstract;
			if (recent.length && random() < DUPLICATE_SHARE) {
				abstract = choose(random, recent);
				stats.duplicates++;
			} else {
				// A new abstract must be new: re-draw the rare combination already written.
				do abstract = composeAbstract(random, nextGroup(), allMath);
				while (seen.has(digest(abstract.text)));
				seen.add(digest(abstract.text));
				recent.push(abstract);
				if (recent.length > DUPLICATE_WINDOW) recent.shift();
				countWords(words, abstract.text);
			}
			if (abstract.text.includes('$')) stats.withMath++;
			abstracts.push(abstract);
		}
		const authorPage = f % 2 === 1;
		const name = `bench-${String(f).padStart(5, '0')}-${authorPage ? 'author' : 'abstracts'}.txt`;
		const owner = `${FIRST[f % FIRST.length]} ${LAST[Math.floor(f / FIRST.length) % LAST.length]}`;
		const text = authorPage ? authorPageFile(abstracts, owner) : abstractLinesFile(abstracts);
		writeFileSync(join(dir, name), text);
		stats.files.push(name);
		stats.abstracts += abstracts.length;
		stats.bytes += Buffer.byteLength(text);
	}
	// The most widespread subject word: a search for it returns many results, like a reader's first query.
	stats.commonWord =
		[...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'model';
	return stats;
}

const digest = (text) => createHash('sha1').update(text).digest('base64').slice(0, 16);

/**
 * Changes one abstract, as an author fixing a typo would: the first abstract of the first
 * `Abstract:` file gets one more sentence. Returns a function that puts the file back.
 */
export function editOneAbstract(dir, files) {
	const file = join(
		dir,
		files.find((f) => f.endsWith('-abstracts.txt')),
	);
	const original = readFileSync(file);
	const text = original.toString('utf8');
	const end = text.indexOf('\n');
	writeFileSync(
		file,
		`${text.slice(0, end)} This revised version corrects the reported figures.${text.slice(end)}`,
	);
	return () => writeFileSync(file, original);
}
