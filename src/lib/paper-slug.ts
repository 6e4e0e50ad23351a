import slugify from '@sindresorhus/slugify';

/** Longest readable part of a slug; the id suffix comes on top. */
export const MAX_SLUG_WORDS_CHARS = 60;

/**
 * The path segment of a paper's permanent URL: a readable part from the title derived
 * from the abstract text, then the first 8 hex of the id. The readable part helps a
 * person who sees the link; the suffix keeps two papers with the same derived title
 * apart. Both depend on the abstract alone, so a real title learned later never moves
 * the page.
 */
export function paperSlug(derivedTitle: string, id: string): string {
	const words = slugify(derivedTitle, { decamelize: false });
	let readable = words;
	if (readable.length > MAX_SLUG_WORDS_CHARS) {
		const cut = readable.slice(0, MAX_SLUG_WORDS_CHARS + 1);
		const dash = cut.lastIndexOf('-');
		readable = dash > 0 ? cut.slice(0, dash) : readable.slice(0, MAX_SLUG_WORDS_CHARS);
	}
	return `${readable || 'paper'}-${id.slice(0, 8)}`;
}
