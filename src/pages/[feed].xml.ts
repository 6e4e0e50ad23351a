import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allPapers, paperUrl } from '../data/papers.ts';

/**
 * Items in the feed, in title order. Papers have no dates, so a feed of a large collection
 * is a list, not news; capped, it stays small (about 5 MB) for readers and hosts.
 */
const FEED_ITEMS = 10_000;

/** /rss.xml, only when a site URL is set: feed readers need absolute links. */
export const getStaticPaths = (() =>
	import.meta.env.SITE ? [{ params: { feed: 'rss' } }] : []) satisfies GetStaticPaths;

// Papers have no dates, and RSS items need none: the feed stays byte-for-byte reproducible.
export const GET: APIRoute = async ({ site }) =>
	rss({
		title: 'Abstract Atlas',
		description: 'Research-paper abstracts, each on its own page.',
		site: site!,
		items: (await allPapers()).slice(0, FEED_ITEMS).map((paper) => ({
			title: paper.title,
			// Absolute already, as citations give it: the feed only ever exists with a site URL.
			link: paperUrl(paper),
			description: paper.excerpt,
			categories: paper.topics.map((t) => t.name),
		})),
	});
