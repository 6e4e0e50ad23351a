/** Bumped whenever the generated file's shape changes, so cached entries are rewritten. */
export const GENERATED_MDX_VERSION = 2;

/**
 * The source of every paper's MDX file: the same bytes for every paper. Seed text is
 * code if it reaches MDX source (`{process.exit(3)}` would run), so it never does: the
 * paper page hands the entry's paragraphs to `<Content paragraphs={…} />` and the body
 * passes them on to an Astro component, which escapes them. Carrying no text also
 * makes the modules small: Vite parses and bundles one per paper (issue 10).
 */
export function generatedMdx(componentImport: string): string {
	return [
		`import AbstractBody from ${JSON.stringify(componentImport)};`,
		'',
		'<AbstractBody paragraphs={props.paragraphs} />',
		'',
	].join('\n');
}
