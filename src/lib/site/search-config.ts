import { withBase } from './options.ts';

/** The URL parameter Pagefind adds to result links so the paper page can highlight the terms. */
export const HIGHLIGHT_PARAM = 'highlight';

/** Pagefind filter names, as the search UI shows them. */
export const SEARCH_FILTERS = {
	topics: 'topic',
	authors: 'author',
	categories: 'category',
} as const;

/** Where the search bundle lives under the site's base path. */
export function pagefindBundlePath(base: string): string {
	return withBase(base, 'pagefind/');
}
