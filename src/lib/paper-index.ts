import type { Paper } from '../schemas/paper.ts';
import { paperPath } from './site-paths.ts';

/**
 * One row of `dist/papers.json`, the contract other tools read. Fields may be added;
 * existing ones are never renamed or removed.
 */
export interface PaperIndexEntry {
	id: string;
	title: string;
	titleSource: Paper['titleSource'];
	/** Path from the host root, including the base. */
	url: string;
	sources: Paper['sources'];
	/** Topic slugs; filled by the topics feature. */
	topics: string[];
}

export function paperIndexEntry(paper: Paper, base: string): PaperIndexEntry {
	return {
		id: paper.id,
		title: paper.title,
		titleSource: paper.titleSource,
		url: paperPath(base, paper.slug),
		sources: paper.sources,
		topics: [],
	};
}
