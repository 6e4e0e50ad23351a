import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { compareByTitle } from '../lib/build-collection.ts';
import { paperIndexEntry } from '../lib/paper-index.ts';

export const GET: APIRoute = async () => {
	const papers = (await getCollection('papers')).map((entry) => entry.data).sort(compareByTitle);
	const index = papers.map((paper) => paperIndexEntry(paper, import.meta.env.BASE_URL));
	return new Response(`${JSON.stringify(index, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
