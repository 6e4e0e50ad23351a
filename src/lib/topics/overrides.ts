import type { TopicOverrides } from '../../schemas/topic-overrides.ts';
import { MIN_PAPERS_PER_TOPIC } from './selection.ts';
import { topicSlug } from './topic-names.ts';
import { wordsOf } from './words.ts';

/*
 * topics.yaml applied to extraction: topics the user added (matched by their phrases),
 * merges, hidden slugs and renames. The parent key is applied by topic-tree.ts.
 */

export function keyForSlug(slug: string, keys: Iterable<string>): string | undefined {
	for (const key of keys) if (topicSlug(key) === slug) return key;
	return undefined;
}

export function mergeInto(
	targetSlug: string,
	sourceSlug: string,
	candidates: Set<string>,
	documents: Map<string, Set<string>>,
	termFrequencies: Map<string, Map<string, number>>,
	surfaces: Map<string, Map<string, number>>,
): void {
	const all = [...documents.keys()];
	const target = keyForSlug(targetSlug, all);
	const source = keyForSlug(sourceSlug, all);
	if (!target || !source || target === source) return;
	for (const id of documents.get(source) ?? []) {
		documents.get(target)!.add(id);
		const tf = termFrequencies.get(id)!;
		tf.set(target, (tf.get(target) ?? 0) + (tf.get(source) ?? 0));
		tf.delete(source);
	}
	documents.delete(source);
	surfaces.delete(source);
	candidates.delete(source);
	if (documents.get(target)!.size >= MIN_PAPERS_PER_TOPIC) candidates.add(target);
}

/** Topics a user added, keyed as extraction keys the phrase of their name. */
export function userPhrases(
	overrides: TopicOverrides,
): Map<string, { name: string; phrases: string[] }> {
	return new Map((overrides.add ?? []).map((topic) => [keyOfName(topic.name), topic]));
}

/** The phrase key of a user-given topic name, as extraction would compute it. */
function keyOfName(name: string): string {
	return wordsOf(name)
		.map((w) => w.lemma)
		.join(' ');
}

export function countPhrase(text: string, phrase: string): number {
	const escaped = phrase
		.trim()
		.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
		.replace(/\s+/gu, '\\s+');
	return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))]
		.length;
}

export function overrideName(
	key: string,
	overrides: TopicOverrides,
	added: Map<string, { name: string }>,
): string | undefined {
	return overrides.rename?.[topicSlug(key)] ?? added.get(key)?.name;
}
