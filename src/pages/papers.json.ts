import type { APIRoute } from 'astro';
import { allPapers } from '../data/papers.ts';
import { jsonResponse, paperIndexEntry } from '../lib/site/json-api.ts';

export const GET: APIRoute = async () =>
	jsonResponse(
		(await allPapers()).map((paper) => paperIndexEntry(paper, import.meta.env.BASE_URL)),
	);
