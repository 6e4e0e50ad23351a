// The raw material of a generated collection: sentences of real abstracts (the bundled
// seeds and, when present, 1,000 real arXiv abstracts), grouped by topic so that a
// generated abstract mixes sentences of related papers and topics still emerge.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneLine, paragraphsOf, readArxivCsv } from '../lib/arxiv-csv.mjs';
import { parseSeed } from '../../src/lib/seeds/parse-seed.ts';

/**
 * Sentences of a text. Splits after . ! ? followed by a capital, a digit or math, but
 * never inside $…$ (math holds dots and spaces of its own).
 */
function sentencesOf(text) {
	const sentences = [];
	let start = 0;
	let inMath = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '$' && text[i - 1] !== '\\') inMath = !inMath;
		if (inMath || !'.!?'.includes(c) || text[i + 1] !== ' ') continue;
		if (!/[A-Z0-9$\\(]/u.test(text[i + 2] ?? '')) continue;
		// "e.g. X", "Fig. 3", "et al. Y": not sentence ends.
		if (
			/\b(?:e\.g|i\.e|al|Fig|Eq|Ref|vs|cf|Dr|Prof|resp|approx)$/u.test(
				text.slice(Math.max(0, i - 6), i),
			)
		)
			continue;
		sentences.push(text.slice(start, i + 1).trim());
		start = i + 2;
	}
	const tail = text.slice(start).trim();
	if (tail) sentences.push(tail);
	// Fragments and run-ons make odd abstracts; an unbalanced $ would leak math into the next sentence.
	return sentences.filter(
		(s) => s.length >= 30 && s.length <= 600 && (s.match(/(?<!\\)\$/gu) ?? []).length % 2 === 0,
	);
}

/**
 * Loads every source abstract as { group, title, category, sentences }. `group` is the
 * arXiv archive (hep-ph, math, …) or "seeds" for the bundled ones: a generated abstract
 * draws its sentences from one group.
 */
export function loadSources({ root, csvPath }) {
	const sources = [];
	const seedsDir = join(root, 'seeds');
	for (const file of readdirSync(seedsDir)
		.filter((f) => f.endsWith('.txt'))
		.sort()) {
		const parsed = parseSeed(readFileSync(join(seedsDir, file), 'utf8'), file);
		for (const a of parsed.abstracts) {
			const sentences = sentencesOf(a.paragraphs.join(' '));
			if (sentences.length)
				sources.push({
					group: 'seeds',
					title: a.title,
					category: a.category ?? 'Machine Learning',
					sentences,
				});
		}
	}
	const notes = [];
	if (existsSync(csvPath)) {
		const records = readArxivCsv(csvPath);
		for (const r of records) {
			const category = r.categories.trim().split(/\s+/u)[0];
			const sentences = sentencesOf(paragraphsOf(r.abstract).join(' '));
			if (sentences.length)
				sources.push({
					group: category.split('.')[0],
					title: oneLine(r.title),
					category,
					sentences,
				});
		}
		notes.push(
			`sources: ${sources.length} abstracts (bundled seeds + ${records.length} arXiv records from ${csvPath})`,
		);
	} else {
		notes.push(
			`note: ${csvPath} is missing, so the collection is built from the bundled seeds alone (fewer distinct sentences and topics)`,
		);
	}
	return { sources, notes };
}

/**
 * Groups sentences by topic group, separating those that carry $…$ math: math goes into
 * about one abstract in ten, as one real sentence, so the share is controlled rather than
 * whatever the sources happen to hold.
 */
export function sentencePools(sources) {
	// A broad archive (physics, cond-mat) mixes unrelated subjects: a category with enough
	// abstracts of its own is its own group, so shared phrases stay on one subject.
	const perCategory = new Map();
	for (const s of sources) perCategory.set(s.category, (perCategory.get(s.category) ?? 0) + 1);
	const groups = new Map();
	for (const s of sources) {
		const name = s.group !== 'seeds' && perCategory.get(s.category) >= 15 ? s.category : s.group;
		let g = groups.get(name);
		if (!g) groups.set(name, (g = { name, sources: [], leads: [], plain: [], math: [] }));
		g.sources.push(s);
		// An opening sentence without math: math is added on purpose, to one abstract in ten.
		if (!s.sentences[0].includes('$')) g.leads.push(s);
		for (const sentence of s.sentences) (sentence.includes('$') ? g.math : g.plain).push(sentence);
	}
	// Groups too small to mix well (a handful of abstracts) borrow nothing and are dropped.
	return [...groups.values()].filter((g) => g.plain.length >= 20 && g.leads.length > 0);
}
