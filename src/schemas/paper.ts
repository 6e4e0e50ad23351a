import { z } from 'astro/zod';

/** Where an abstract was read: tools and readers use it to go back to the seed. */
export const SourceSchema = z.object({
	/** Seed file path relative to the seeds folder, with `/` separators. */
	file: z.string(),
	/** 1-based line where the abstract's text starts. */
	line: z.number().int().positive(),
});

/**
 * Where the shown title came from. A derived title is our guess and must never be
 * presented (or cited) as the paper's real title.
 */
export const TitleSourceSchema = z.enum(['derived', 'source', 'metadata']);

/**
 * A term of any taxonomy (topic, author, category) as a paper refers to it: the slug for
 * links and data, the name for readers. Only topics have a parent.
 */
const TermRefSchema = z.object({
	slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
	name: z.string().min(1),
	/** Slug of the broader topic this one is a subtopic of; the paper lists that parent too. */
	parent: z
		.string()
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
		.optional(),
});

/**
 * One paper of the collection: the unit that gets a page, a permanent URL and an
 * entry in `papers.json`. `id` and `slug` depend on the abstract text alone, so the
 * URL survives new titles, renamed seed files and a reordered collection.
 */
export const PaperSchema = z.object({
	/** First 12 hex characters of SHA-256 of the normalized abstract text. */
	id: z.string().regex(/^[0-9a-f]{12}$/),
	/** `<readable-part>-<first 8 hex of id>`; the page lives at `/papers/<slug>/`. */
	slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
	/** Plain Unicode text: for `<title>`, meta tags, JSON, RIS, search and sorting. */
	title: z.string().min(1),
	/**
	 * The real title as written, when it carries LaTeX (`$p$-adic …`): pages typeset it
	 * and BibTeX cites it. Absent when the title is plain text, and for derived titles.
	 */
	titleTex: z.string().optional(),
	titleSource: TitleSourceSchema,
	/** The abstract as written in the seed (untrusted), one string per paragraph. */
	paragraphs: z.array(z.string()).min(1),
	/** Plain-text opening of the abstract for lists and descriptions. */
	excerpt: z.string(),
	sources: z.array(SourceSchema).min(1),
	/** Author names as the seed gives them (scraped author pages only). */
	authors: z.array(z.string()),
	/** Source categories such as "Machine Learning" (scraped author pages only). */
	categories: z.array(z.string()),
	/** Derived from the collection's text, most relevant first; at most about six. */
	topics: z.array(TermRefSchema),
	/** Ids of up to five related papers, most related first. */
	related: z.array(z.string()),
	/** From papers.yaml only: never derived, so citation tools get real values or none. */
	year: z.number().int().optional(),
	venue: z.string().optional(),
	doi: z.string().optional(),
	pdf: z.string().optional(),
	arxiv: z.string().optional(),
});

export type Source = z.infer<typeof SourceSchema>;
export type Paper = z.infer<typeof PaperSchema>;
export type TermRef = z.infer<typeof TermRefSchema>;
