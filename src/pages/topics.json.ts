import type { APIRoute } from 'astro';
import { allTerms } from '../data/papers.ts';
import { jsonResponse, termIndexEntry } from '../lib/site/json-api.ts';

export const GET: APIRoute = async () =>
	jsonResponse(
		(await allTerms('topics')).map((term) =>
			termIndexEntry(term, 'topics', import.meta.env.BASE_URL),
		),
	);
