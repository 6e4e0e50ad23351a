import { z } from 'astro/zod';
import { parseYamlConfig } from './yaml-config.ts';

/**
 * Real bibliographic metadata for one paper, from `papers.yaml` in the seeds folder.
 * Seeds rarely say who wrote a paper or when; citation tools need exactly that, and
 * must never be given invented values, so it comes only from the user.
 */
const PaperMetadataSchema = z.strictObject({
	title: z.string().trim().min(1, 'a non-empty title').optional(),
	authors: z
		.array(z.string().trim().min(1, 'a non-empty name'))
		.min(1, 'at least one author')
		.optional(),
	year: z
		.number()
		.int('a whole year such as 2023')
		.min(1000, 'a year such as 2023')
		.max(2999, 'a year such as 2023')
		.optional(),
	venue: z.string().trim().min(1, 'a non-empty venue').optional(),
	doi: z
		.string()
		.trim()
		.regex(
			/^10\.\d{4,9}\/\S+$/u,
			'a DOI such as 10.48550/arXiv.2305.19947 (without https://doi.org/)',
		)
		.optional(),
	pdf: z.url({ protocol: /^https?$/u, error: 'an http(s) URL of the PDF' }).optional(),
	arxiv: z
		.string()
		.trim()
		.regex(
			/^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/u,
			'an arXiv id such as 2305.19947',
		)
		.optional(),
});

/** The whole file: paper ids (12 hex, as in papers.json) to their metadata. */
const PapersMetadataSchema = z.record(
	z.string().regex(/^[0-9a-f]{12}$/u, 'a paper id: the 12 hex characters of "id" in papers.json'),
	PaperMetadataSchema,
);

export type PapersMetadata = z.infer<typeof PapersMetadataSchema>;

export const PAPERS_METADATA_FILE = 'papers.yaml';

const ALLOWED = '<paper id>: { title, authors: [name, …], year, venue, doi, pdf, arxiv }';

/** Reads and validates `papers.yaml`; see parseYamlConfig for how mistakes are reported. */
export function parsePapersMetadata(text: string, file = PAPERS_METADATA_FILE): PapersMetadata {
	return parseYamlConfig(text, file, PapersMetadataSchema, ALLOWED);
}
