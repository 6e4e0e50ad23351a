import type { APIRoute } from 'astro';
import { allPapers, paperUrl } from '../data/papers.ts';
import { bibtexResponse, collectionBibtex } from '../lib/cite-bibtex.ts';

/** `/papers.bib`: every paper's BibTeX entry, in title order. */
export const GET: APIRoute = async () => bibtexResponse(collectionBibtex(await allPapers(), paperUrl));
