import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { allPapers, paperUrl } from '../data/papers.ts';
import { bibtexResponse, collectionBibtexParts } from '../lib/cite/bibtex.ts';

/** `/papers.bib`: every paper's BibTeX entry, in title order; past 10,000 papers, also `/papers-2.bib`, … */
export const getStaticPaths = (async () =>
	collectionBibtexParts(await allPapers(), paperUrl).map(({ name, text }) => ({
		params: { bib: name },
		props: { text },
	}))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => bibtexResponse(props.text);
