import { createHash } from 'node:crypto';
import type { Paper } from '../../schemas/paper.ts';

/** What a paper page shows of another paper: its link, its title and, in lists, its excerpt and topics. */
type Shown = Pick<Paper, 'slug' | 'title' | 'titleTex' | 'titleSource' | 'excerpt' | 'topics'>;

function shown(paper: Shown | undefined): Shown | null {
	if (!paper) return null;
	const { slug, title, titleTex, titleSource, excerpt, topics } = paper;
	return { slug, title, titleTex, titleSource, excerpt, topics };
}

/**
 * The key of a paper page for Astro's incremental build: a page is reused only when
 * everything it shows is unchanged: the paper itself (text, title, topics, metadata),
 * its neighbours in title order and its related papers. Code, configuration and the
 * lockfile are Astro's own part of the key. A stale page would ship a wrong related
 * link or neighbour, so nothing the page reads may be left out.
 */
export function paperPageKey(
	paper: Paper,
	prev: Shown | undefined,
	next: Shown | undefined,
	related: readonly Shown[],
): string {
	return createHash('sha256')
		.update(JSON.stringify([paper, shown(prev), shown(next), related.map(shown)]))
		.digest('hex');
}
