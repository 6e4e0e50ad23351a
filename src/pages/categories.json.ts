import type { APIRoute } from 'astro';
import { allTerms } from '../data/papers.ts';
import { jsonResponse, termIndexEntry } from '../lib/site/json-api.ts';

export const GET: APIRoute = async () =>
	jsonResponse(
		(await allTerms('categories')).map((term) =>
			termIndexEntry(term, 'categories', import.meta.env.BASE_URL),
		),
	);
