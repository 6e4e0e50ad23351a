import type { BuiltSite } from './build-site.ts';

/** A row of dist/papers.json, as other tools read it. */
export interface PaperRow {
	id: string;
	title: string;
	titleSource: 'derived' | 'source' | 'metadata';
	url: string;
	sources: { file: string; line: number }[];
	topics: string[];
	authors: string[];
	categories: string[];
}

export function readPapersJson(site: BuiltSite): PaperRow[] {
	return JSON.parse(site.read('papers.json')) as PaperRow[];
}

/** The built page of a row: its URL minus the base, as a path inside the output folder. */
export function pageFile(site: BuiltSite, row: Pick<PaperRow, 'url'>): string {
	if (!row.url.startsWith(site.base))
		throw new Error(`${row.url} is not under the base ${site.base}`);
	return `${row.url.slice(site.base.length)}index.html`;
}
