/** Bumped whenever the generated file's shape changes, so cached entries are rewritten. */
export const GENERATED_MDX_VERSION = 1;

/**
 * JSON is valid YAML, but YAML refuses some characters JSON lets through raw (DEL, C1
 * controls, U+FFFE/U+FFFF). Escaping them keeps any seed byte loadable as frontmatter.
 */
export function frontmatterJson(data: unknown): string {
	return JSON.stringify(data).replace(
		/[\u007f-\u009f\u2028\u2029\ufffe\uffff]/gu,
		(ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

/**
 * The source of one paper's MDX file. Seed text is code if it reaches MDX source
 * (`{process.exit(3)}` would run), so it only ever travels inside the JSON
 * frontmatter; the body is fixed and hands the data to an Astro component, which
 * escapes it.
 */
export function generatedMdx(paragraphs: readonly string[], componentImport: string): string {
	return [
		'---',
		frontmatterJson({ paragraphs }),
		'---',
		`import AbstractBody from ${JSON.stringify(componentImport)};`,
		'',
		'<AbstractBody paragraphs={frontmatter.paragraphs} />',
		'',
	].join('\n');
}
