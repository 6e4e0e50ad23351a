/** What related-paper ranking needs of a paper. */
export interface RelatedInput {
	id: string;
	/** Plain text of the abstract. */
	text: string;
	/** Topic slugs. */
	topics: readonly string[];
}

export const RELATED_COUNT = 5;
/** How many of the best topic-sharing candidates get a text-similarity score. */
const SCORED_CANDIDATES = 200;

/**
 * For every paper, the papers a reader should see next: most shared topics first, then
 * the most similar text (cosine of TF-IDF word vectors), then id, so the result is
 * deterministic. Papers are first gathered through the topics and words they share,
 * so large collections are not compared pair by pair.
 */
export function relatedPapers(
	papers: readonly RelatedInput[],
	count = RELATED_COUNT,
): Map<string, string[]> {
	const vectors = tfidfVectors(papers.map((p) => p.text));
	const byTopic = new Map<string, number[]>();
	papers.forEach((paper, i) => {
		for (const topic of paper.topics) byTopic.get(topic)?.push(i) ?? byTopic.set(topic, [i]);
	});
	const byTerm = new Map<string, number[]>();
	vectors.forEach((vector, i) => {
		// Each paper's most distinctive words find text-alike papers outside its topics.
		for (const term of [...vector.weights]
			.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
			.slice(0, 8)
			.map(([t]) => t)) {
			byTerm.get(term)?.push(i) ?? byTerm.set(term, [i]);
		}
	});
	// Dot products against one paper at a time: its weights spread over a dense row by term
	// number, so each candidate costs one array read per word instead of a hash lookup.
	const termIds = new Map<string, number>();
	const ids = vectors.map((vector) =>
		Int32Array.from(
			vector.weights.keys(),
			(term) => termIds.get(term) ?? (termIds.set(term, termIds.size), termIds.size - 1),
		),
	);
	const values = vectors.map((vector) => Float64Array.from(vector.weights.values()));
	const row = new Float64Array(termIds.size);
	const similarity = (i: number, j: number) => {
		const a = vectors[i]!;
		const b = vectors[j]!;
		if (a.norm === 0 || b.norm === 0) return 0;
		const termsOfJ = ids[j]!;
		const weightsOfJ = values[j]!;
		let dot = 0;
		for (let k = 0; k < termsOfJ.length; k++) dot += weightsOfJ[k]! * row[termsOfJ[k]!]!;
		return dot / (a.norm * b.norm);
	};

	const result = new Map<string, string[]>();
	papers.forEach((paper, i) => {
		const shared = new Map<number, number>();
		for (const topic of paper.topics)
			for (const j of byTopic.get(topic) ?? [])
				if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
		const candidates = new Set([...shared.keys()]);
		for (const [term] of vectors[i]!.weights)
			for (const j of byTerm.get(term) ?? []) if (j !== i) candidates.add(j);
		// A paper with little in common with any other still gets its most similar neighbours.
		if (candidates.size < count) papers.forEach((_, j) => j !== i && candidates.add(j));
		const own = ids[i]!;
		const ownWeights = values[i]!;
		for (let k = 0; k < own.length; k++) row[own[k]!] = ownWeights[k]!;
		const ranked = [...candidates]
			.map((j) => ({ j, shared: shared.get(j) ?? 0 }))
			.sort((a, b) => b.shared - a.shared || a.j - b.j)
			.slice(0, SCORED_CANDIDATES)
			.map(({ j, shared: s }) => ({ j, shared: s, similarity: similarity(i, j) }))
			.sort(
				(a, b) =>
					b.shared - a.shared ||
					b.similarity - a.similarity ||
					(papers[a.j]!.id < papers[b.j]!.id ? -1 : 1),
			);
		for (let k = 0; k < own.length; k++) row[own[k]!] = 0;
		result.set(
			paper.id,
			ranked.slice(0, count).map(({ j }) => papers[j]!.id),
		);
	});
	return result;
}

interface Vector {
	weights: Map<string, number>;
	norm: number;
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

function tfidfVectors(texts: readonly string[]): Vector[] {
	const counts = texts.map((text) => {
		const tf = new Map<string, number>();
		for (const [word] of text.toLowerCase().matchAll(WORD))
			if (word.length > 3) tf.set(word, (tf.get(word) ?? 0) + 1);
		return tf;
	});
	const df = new Map<string, number>();
	for (const tf of counts) for (const word of tf.keys()) df.set(word, (df.get(word) ?? 0) + 1);
	const n = texts.length;
	return counts.map((tf) => {
		const weights = new Map<string, number>();
		let sum = 0;
		for (const [word, count] of tf) {
			const d = df.get(word)!;
			// Words in most papers ("model", "data") say nothing about relatedness.
			if (n > 2 && d > n / 2) continue;
			const w = (1 + Math.log(count)) * Math.log(n / d);
			if (w <= 0) continue;
			weights.set(word, w);
			sum += w * w;
		}
		return { weights, norm: Math.sqrt(sum) };
	});
}
