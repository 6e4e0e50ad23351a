/*
 * Papers that share no subject with another paper: filed under the nearest topic
 * when they are clearly close to it, else left for "Other papers".
 */

/** From COHERENCE_MIN_PAPERS up, a stray paper is filed only this many times closer than two random papers. */
export const STRAY_MIN_SIMILARITY = 2;
/** ...and at least this share of the mean similarity of two of the topic's own papers. */
const STRAY_WITHIN_SHARE = 0.5;
/**
 * A stray this many times closer than two random papers is always filed; a less close
 * one only while fewer than STRAY_COVERAGE of the papers have a topic, closest first.
 * On the arXiv sample, strays filed at 2 to 5 times are about 56% in their topic's
 * main archive: a paper listed under "Other papers" misleads less than one filed there.
 */
export const STRAY_SURE_SIMILARITY = 5;
/** The share of papers that weakly placed strays may bring to a topic, and no further. */
export const STRAY_COVERAGE = 0.955;

/**
 * A paper that shares no subject with any other paper is filed under the topic whose
 * papers its wording is closest to (cosine similarity to the topic's mean vector), when
 * that is clearly closer than two papers picked at random (`minimum`). Those closer than
 * `sure` are all filed; the rest closest first, only until `coverage` of the papers have a
 * topic, since a weakly placed paper is the least likely to belong (see
 * STRAY_SURE_SIMILARITY). An inverted index from word to topics keeps this linear in the
 * collection, but for one sort of the strays.
 */
export function fileStrays(
	byPaper: Map<string, string[]>,
	vectors: Map<string, Map<string, number>>,
	minimum: number,
	sure: number,
	coverage: number,
): void {
	const members = new Map<string, string[]>();
	for (const [id, keys] of byPaper)
		for (const key of keys) members.get(key)?.push(id) ?? members.set(key, [id]);
	const index = new Map<string, { key: string; weight: number }[]>();
	/** Per topic: the mean similarity of two of its papers. */
	const within = new Map<string, number>();
	for (const [key, ids] of members) {
		const centroid = new Map<string, number>();
		for (const id of ids)
			for (const [word, weight] of vectors.get(id)!)
				centroid.set(word, (centroid.get(word) ?? 0) + weight / ids.length);
		let squared = 0;
		for (const [word, weight] of centroid) {
			squared += weight * weight;
			index.get(word)?.push({ key, weight }) ?? index.set(word, [{ key, weight }]);
		}
		const k = ids.length;
		within.set(key, k > 1 ? (k * k * squared - k) / (k * (k - 1)) : 0);
	}
	const filed: { id: string; key: string; score: number }[] = [];
	let covered = 0;
	for (const [id, keys] of byPaper) {
		if (keys.length > 0) {
			covered++;
			continue;
		}
		const scores = new Map<string, number>();
		for (const [word, weight] of vectors.get(id)!)
			for (const entry of index.get(word) ?? [])
				scores.set(entry.key, (scores.get(entry.key) ?? 0) + weight * entry.weight);
		let best: string | undefined;
		for (const [key, score] of scores) {
			// As close to the topic's papers as they are to one another, give or take STRAY_WITHIN_SHARE.
			if (score < minimum || score < STRAY_WITHIN_SHARE * within.get(key)!) continue;
			if (
				best === undefined ||
				score > scores.get(best)! ||
				(score === scores.get(best)! && key < best)
			)
				best = key;
		}
		if (best !== undefined) filed.push({ id, key: best, score: scores.get(best)! });
	}
	filed.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
	for (const { id, key, score } of filed) {
		if (score < sure && covered >= coverage * byPaper.size) break;
		byPaper.set(id, [key]);
		covered++;
	}
}
