import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { allPapers, paperUrl } from '../../data/papers.ts';
import { bibtexEntry, bibtexResponse } from '../../lib/cite-bibtex.ts';

/** `/papers/<slug>.bib`: the paper's BibTeX entry, the same text its page shows and copies. */
export const getStaticPaths = (async () =>
	(await allPapers()).map((paper) => ({ params: { slug: paper.slug }, props: { paper } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => bibtexResponse(bibtexEntry(props.paper, { url: paperUrl(props.paper) }));
