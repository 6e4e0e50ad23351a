import { documentsOf } from './phrases.ts';

/*
 * How alike papers are (TF-IDF vectors of their content words): the one measure that
 * says whether a phrase gathers one kind of paper, and where a stray paper belongs.
 */

const keyWords = new Map<string, string[]>();
function wordsOfKey(key: string): string[] {
	let words = keyWords.get(key);
	if (!words) keyWords.set(key, (words = key.split(/[ -]/u)));
	return words;
}

/** Each paper's content words as a unit-length TF-IDF vector. */
export function paperVectors(
	contentWords: Map<string, Map<string, number>>,
): Map<string, Map<string, number>> {
	const size = contentWords.size;
	const documents = documentsOf(contentWords);
	const idf = (word: string) => Math.log((1 + size) / (1 + (documents.get(word)?.size ?? 0))) + 1;
	const vectors = new Map<string, Map<string, number>>();
	for (const [id, tf] of contentWords) {
		const vector = new Map<string, number>();
		let norm = 0;
		for (const [word, count] of tf) {
			const weight = (1 + Math.log(count)) * idf(word);
			vector.set(word, weight);
			norm += weight * weight;
		}
		norm = Math.sqrt(norm) || 1;
		for (const [word, weight] of vector) vector.set(word, weight / norm);
		vectors.set(id, vector);
	}
	return vectors;
}

/** The mean cosine similarity of two different papers of the collection, computed in one pass. */
export function meanSimilarity(vectors: Map<string, Map<string, number>>): number {
	const all = new Map<string, number>();
	let nonEmpty = 0;
	for (const vector of vectors.values()) {
		if (vector.size > 0) nonEmpty++;
		for (const [word, weight] of vector) all.set(word, (all.get(word) ?? 0) + weight);
	}
	let squared = 0;
	for (const value of all.values()) squared += value * value;
	const n = vectors.size;
	return n > 1 ? Math.max(1e-6, (squared - nonEmpty) / (n * (n - 1))) : 1;
}

/**
 * For each phrase, how alike its papers are: the mean cosine similarity of their phrase
 * vectors (TF-IDF, the phrase itself left out), divided by the mean over all pairs of
 * papers. A phrase of one subject gathers papers that share much else ("star formation"),
 * one of how papers talk scatters across the collection ("upper limits", "et al").
 * Linear in the collection: one pass over each phrase's papers, cached.
 */
export function coherenceOf(
	vectors: Map<string, Map<string, number>>,
	documents: Map<string, Set<string>>,
	baseline: number,
): (key: string) => number {
	const cache = new Map<string, number>();
	return (key) => {
		let value = cache.get(key);
		if (value !== undefined) return value;
		const ids = [...(documents.get(key) ?? [])];
		const k = ids.length;
		if (k < 2) value = 1;
		else {
			// The phrase's own words are left out: they make its papers alike by definition.
			const own = new Set(key.split(/[ -]/u));
			const related = (dim: string) =>
				own.has(dim) || (dim.includes('-') && wordsOfKey(dim).some((w) => own.has(w)));
			const sum = new Map<string, number>();
			let left = 0;
			for (const id of ids) {
				for (const [dim, weight] of vectors.get(id)!) {
					if (related(dim)) left += weight * weight;
					else sum.set(dim, (sum.get(dim) ?? 0) + weight);
				}
			}
			let squared = 0;
			for (const v of sum.values()) squared += v * v;
			// Rounding can leave a hair below zero where papers share nothing else.
			value = Math.max(0, (squared - (k - left)) / (k * (k - 1)) / baseline);
		}
		cache.set(key, value);
		return value;
	};
}
