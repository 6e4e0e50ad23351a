import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import type { TaxonomyKind } from './terms.ts';

/**
 * The slug of a topic, author or category, the one rule for all three so their URLs
 * read alike: readable ("Mei, Jian-Ping" → `mei-jian-ping`, "Diffusion Models" →
 * `diffusion-models`) and never empty. A name slugify cannot spell in Latin letters (Han
 * characters, for one) gets a short hash instead, so two such names never share a page.
 * Paper slugs are not made here: they follow the frozen rule in slug-rule-v1.ts.
 */
export function termSlug(kind: TaxonomyKind, name: string): string {
	let readable = readableSlugs.get(name);
	if (readable === undefined) {
		readable = slugify(name, { decamelize: false });
		readableSlugs.set(name, readable);
	}
	return (
		readable ||
		`${FALLBACK_PREFIX[kind]}-${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8)}`
	);
}

/** Topic extraction asks for the same keys' slugs many times, and slugify is slow (a fifth of extraction). */
const readableSlugs = new Map<string, string>();

/** Kept from the first release, so that no hashed slug moves: topics `topic-…`, names `name-…`. */
const FALLBACK_PREFIX: Record<TaxonomyKind, string> = {
	topics: 'topic',
	authors: 'name',
	categories: 'name',
};
