import type { APIRoute } from 'astro';
import { allTerms } from '../data/papers.ts';
import { jsonResponse, termIndexEntry } from '../lib/site/json-api.ts';

export const GET: APIRoute = async () =>
	jsonResponse(
		(await allTerms('authors')).map((term) =>
			termIndexEntry(term, 'authors', import.meta.env.BASE_URL),
		),
	);
