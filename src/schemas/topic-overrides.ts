import { z } from 'astro/zod';
import { parseYamlConfig } from './yaml-config.ts';

const slug = z
	.string()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		'a topic slug such as "federated-learning" (lower case, digits and dashes)',
	);

/**
 * `topics.yaml` in the seeds folder: the user's corrections to the derived taxonomy.
 * Keys are topic slugs as they appear in URLs and `topics.json`.
 */
const TopicOverridesSchema = z.strictObject({
	/** Shows a topic under another name; its slug (and URL) stays. */
	rename: z.record(slug, z.string().trim().min(1, 'a non-empty name')).optional(),
	/** Folds the listed topics into the key topic. */
	merge: z.record(slug, z.array(slug).min(1, 'at least one topic slug to merge in')).optional(),
	/** Removes topics from every page and list. */
	hide: z.array(slug).optional(),
	/**
	 * Puts topics under a broader one, `child: parent`, over the derived tree. One level:
	 * a parent cannot itself be put under another topic.
	 */
	parent: z
		.record(slug, slug)
		.superRefine((parents, context) => {
			for (const [child, parent] of Object.entries(parents)) {
				if (child === parent)
					context.addIssue({
						code: 'custom',
						path: [child],
						message: 'a topic cannot be its own parent',
					});
				else if (parent in parents)
					context.addIssue({
						code: 'custom',
						path: [child],
						message: `"${parent}" is itself put under a parent; topics have one level of parents`,
					});
			}
		})
		.optional(),
	/** Adds topics the text does not surface, matched by the given phrases (case-insensitive). */
	add: z
		.array(
			z.strictObject({
				name: z.string().trim().min(1, 'a non-empty name'),
				phrases: z.array(z.string().trim().min(1)).min(1, 'at least one phrase to match'),
			}),
		)
		.optional(),
});

export type TopicOverrides = z.infer<typeof TopicOverridesSchema>;

export const TOPIC_OVERRIDES_FILE = 'topics.yaml';

const ALLOWED =
	'rename: { slug: name }, merge: { slug: [slug, …] }, hide: [slug, …], parent: { child-slug: parent-slug }, add: [{ name, phrases: [phrase, …] }]';

/** Reads and validates `topics.yaml`; see parseYamlConfig for how mistakes are reported. */
export function parseTopicOverrides(text: string, file = TOPIC_OVERRIDES_FILE): TopicOverrides {
	return parseYamlConfig(text, file, TopicOverridesSchema, ALLOWED);
}
