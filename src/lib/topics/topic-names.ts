import { termSlug } from '../taxonomy/term-slug.ts';

/*
 * What readers see of a topic: its slug (from the phrase's lemmas, so a topic that
 * survives keeps its URL) and its name (the form the collection writes most).
 */

/** A topic's slug, from its key (lemmas), so it is the same for "diffusion model" and "Diffusion Models". */
export function topicSlug(key: string): string {
	return termSlug('topics', key);
}

const MINOR_WORDS = new Set([
	'a',
	'an',
	'and',
	'as',
	'at',
	'by',
	'for',
	'in',
	'of',
	'on',
	'or',
	'the',
	'to',
	'vs',
	'via',
	'with',
]);

/** The plural is the name when at least this share of the occurrences are plural. */
const PLURAL_NAME_SHARE = 0.3;

/**
 * The way the collection writes a phrase, as a heading, in title case with acronyms and
 * mixed case kept. A count noun the field writes in the plural too keeps its plural
 * ("Diffusion Models", "Black Holes"); a mass noun, or a phrase the text rarely
 * pluralises, keeps the form written ("Object Detection", "Optical Flow", never
 * "Optical Flows").
 */
export function displayName(
	key: string,
	forms: Map<string, number> | undefined,
	acronyms: Map<string, string>,
): string {
	const written = [...(forms ?? [])].filter(
		([surface]) => !acronyms.has(surface) && !acronyms.has(surface.replace(/s$/u, '')),
	);
	const isPlural = (surface: string) => /[^s]s$/u.test(surface) && !/[^s]s$/u.test(key);
	let plurals = 0;
	let all = 0;
	for (const [surface, count] of written) {
		all += count;
		if (isPlural(surface)) plurals += count;
	}
	const pluralName = all > 0 && plurals >= PLURAL_NAME_SHARE * all;
	const plural = (surface: string) => (isPlural(surface) === pluralName ? 1 : 0);
	const [best] = written.sort(
		(a, b) => plural(b[0]) - plural(a[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
	);
	const surface = best?.[0] ?? key;
	const cap = (word: string, first: boolean) =>
		/[A-Z].*[A-Z]|\d/u.test(word) || (!first && MINOR_WORDS.has(word.toLowerCase()))
			? word
			: word.charAt(0).toUpperCase() + word.slice(1);
	return surface
		.split(' ')
		.map((word, i) =>
			word
				.split('-')
				.map((part, j) => cap(j === 0 ? part : part.toLowerCase(), i === 0 && j === 0))
				.join('-'),
		)
		.join(' ');
}
