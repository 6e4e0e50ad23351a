import type { TaxonomyKind } from './terms.ts';

/** How each taxonomy is named to readers. */
export const TAXONOMY_LABELS: Record<TaxonomyKind, { singular: string; plural: string }> = {
	topics: { singular: 'Topic', plural: 'Topics' },
	authors: { singular: 'Author', plural: 'Authors' },
	categories: { singular: 'Category', plural: 'Categories' },
};
