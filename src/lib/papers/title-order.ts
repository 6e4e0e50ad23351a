import type { Paper } from '../../schemas/paper.ts';

/*
 * The one order of papers on the site: lists, term pages, prev/next links, papers.bib
 * and papers.json all follow it, so a reader finds a paper in the same place everywhere.
 */

const titleOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Title order used everywhere a list of papers is shown: case-insensitive, locale-aware, ties by id. */
export function compareByTitle(
	a: Pick<Paper, 'title' | 'id'>,
	b: Pick<Paper, 'title' | 'id'>,
): number {
	return titleOrder.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Neighbours in title order, for prev/next links. */
export function neighbours<T>(
	items: readonly T[],
	index: number,
): { prev: T | undefined; next: T | undefined } {
	return { prev: items[index - 1], next: items[index + 1] };
}
