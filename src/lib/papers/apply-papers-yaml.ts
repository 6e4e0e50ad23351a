import type { PapersMetadata } from '../../schemas/papers-yaml.ts';
import type { Paper } from '../../schemas/paper.ts';
import { plainName, realTitle } from './assemble-papers.ts';
import { compareByTitle } from './title-order.ts';
import { atlasError } from '../errors/atlas-error.ts';
import { PapersYamlUnknownId } from '../errors/error-data.ts';

/** A paper without its old title's LaTeX, so a plain replacement title leaves none behind. */
function withoutTitleTex({ titleTex: _, ...paper }: Paper): Omit<Paper, 'titleTex'> {
	return paper;
}

/**
 * Applies the user's metadata to the papers it names. A supplied title replaces the
 * shown title (titleSource "metadata") but never the slug: URLs depend on the abstract
 * alone. An id that names no paper is a mistake worth stopping for, since the entry
 * would otherwise be silently ignored.
 */
export function applyMetadata(
	papers: readonly Paper[],
	metadata: PapersMetadata,
	file: string,
): Paper[] {
	const known = new Set(papers.map((p) => p.id));
	const unknown = Object.keys(metadata).filter((id) => !known.has(id));
	if (unknown.length > 0) {
		throw atlasError(PapersYamlUnknownId, [file, unknown]);
	}
	return papers
		.map((paper): Paper => {
			const meta = metadata[paper.id];
			if (!meta) return paper;
			return {
				...(meta.title
					? {
							...withoutTitleTex(paper),
							...realTitle(meta.title),
							titleSource: 'metadata' as const,
						}
					: paper),
				...(meta.authors ? { authors: meta.authors.map(plainName) } : {}),
				...(meta.year !== undefined ? { year: meta.year } : {}),
				...(meta.venue ? { venue: plainName(meta.venue) } : {}),
				...(meta.doi ? { doi: meta.doi } : {}),
				...(meta.pdf ? { pdf: meta.pdf } : {}),
				...(meta.arxiv ? { arxiv: meta.arxiv } : {}),
			};
		})
		.sort(compareByTitle);
}
