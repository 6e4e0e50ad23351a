import type { TopicOverrides } from '../../schemas/topic-overrides.ts';
import type { Paper } from '../../schemas/paper.ts';
import { plainText } from '../latex/plain-text.ts';
import { relatedPapers } from './related-papers.ts';
import { extractTopics, type Topic } from '../topics/extract-topics.ts';
import type { TaggingCache } from '../topics/words.ts';

/** The text topic extraction and similarity read: a real title, then the abstract. */
export function topicText(paper: Pick<Paper, 'title' | 'titleSource' | 'paragraphs'>): string {
	const abstract = paper.paragraphs.map(plainText).join('\n\n');
	return paper.titleSource === 'derived' ? abstract : `${paper.title}.\n\n${abstract}`;
}

/**
 * Gives every paper its topics and related papers. Both are collection-level (a new
 * abstract can change them), unlike ids and URLs, which never depend on other papers.
 */
export function classifyPapers(
	papers: readonly Paper[],
	overrides: TopicOverrides = {},
	tagging?: TaggingCache,
): { papers: Paper[]; topics: Topic[]; unknownSlugs: string[] } {
	const texts = new Map(papers.map((p) => [p.id, topicText(p)]));
	const { topics, byPaper, unknownSlugs } = extractTopics(
		papers.map((p) => ({ id: p.id, text: texts.get(p.id)! })),
		overrides,
		tagging ? { tagging } : {},
	);
	const bySlug = new Map(topics.map((t) => [t.slug, t]));
	const related = relatedPapers(
		papers.map((p) => ({ id: p.id, text: texts.get(p.id)!, topics: byPaper.get(p.id) ?? [] })),
	);
	return {
		topics,
		unknownSlugs,
		papers: papers.map((p) => ({
			...p,
			topics: (byPaper.get(p.id) ?? []).map((slug) => {
				const { name, parent } = bySlug.get(slug)!;
				return parent ? { slug, name, parent } : { slug, name };
			}),
			related: related.get(p.id) ?? [],
		})),
	};
}
