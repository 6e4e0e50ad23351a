import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { allPapers, paperUrl } from '../../data/papers.ts';
import { risRecord, risResponse } from '../../lib/cite-ris.ts';

/** `/papers/<slug>.ris`: the paper's RIS record for EndNote, Zotero and the like. */
export const getStaticPaths = (async () =>
	(await allPapers()).map((paper) => ({ params: { slug: paper.slug }, props: { paper } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => risResponse(risRecord(props.paper, { url: paperUrl(props.paper) }));
