import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { atlasError, terminalSafe } from '../lib/errors/atlas-error.ts';
import { ConfigYamlInvalid, ConfigYamlUnreadable } from '../lib/errors/error-data.ts';

/**
 * Reads a user's YAML configuration file from the seeds folder and validates it. A
 * mistake there is configuration, not seed data, so it fails the build with the file,
 * the key (or line) and what is allowed.
 */
export function parseYamlConfig<T extends z.ZodType>(
	text: string,
	file: string,
	schema: T,
	allowed: string,
): z.infer<T> {
	let data: unknown;
	try {
		data = yaml.load(text) ?? {};
	} catch (error) {
		const line = error instanceof yaml.YAMLException ? `:${error.mark.line + 1}` : '';
		const reason = error instanceof Error ? error.message : String(error);
		// Astro prints the cause too: the parser's excerpt of the file, escaped like the message.
		const cause = Object.assign(new Error(terminalSafe(reason).replace(/\\u0009/gu, '\t')), {
			name: 'YAMLException',
		});
		throw atlasError(
			ConfigYamlUnreadable,
			[`${file}${line}`, reason.split('\n')[0] ?? '', allowed],
			{ cause },
		);
	}
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		// A bad record key carries the key schema's own message one level down.
		const detail =
			issue.code === 'invalid_key'
				? `: expected ${issue.issues.map((inner) => inner.message).join('; ')}`
				: '';
		return `${file}: ${issue.path.length ? issue.path.map(String).join('.') : '(top level)'}: ${issue.message}${detail}`;
	});
	throw atlasError(ConfigYamlInvalid, [problems, file, allowed]);
}
