/**
 * Every error that stops a build or a tool, in one catalogue, after Astro's own
 * `errors-data.ts`: a stable `name` that tests, the README and a user's search can hold
 * on to while the wording improves, a short `title`, the `message` (what happened and
 * why) and a `hint` (what to do). Plain data: pure code throws an entry as an
 * `AtlasError`, and the Astro side turns it into Astro's own error so the terminal
 * prints `[Name] message` and the hint under it.
 *
 * A name is never reused or renamed. None may be one of Astro's own error names: Astro
 * would print a link to its documentation of a different error (a test checks).
 */
export interface ErrorData<Args extends readonly unknown[] = never[]> {
	name: string;
	title: string;
	message: (...args: Args) => string;
	hint: string | ((...args: Args) => string);
}

// Configuration (environment variables, astro.config.mjs, the loader's options).

export const AtlasBaseInvalid = {
	name: 'AtlasBaseInvalid',
	title: 'ATLAS_BASE leaves the site root.',
	message: (base: string) => `ATLAS_BASE "${base}" contains "..".`,
	hint: 'Give a path such as /atlas/.',
} satisfies ErrorData<[string]>;

export const AtlasSiteNotUrl = {
	name: 'AtlasSiteNotUrl',
	title: 'ATLAS_SITE is not a URL.',
	message: (site: string) => `ATLAS_SITE "${site}" is not a URL.`,
	hint: "Give the site's origin, such as https://atlas.example.org.",
} satisfies ErrorData<[string]>;

export const AtlasSiteNotHttp = {
	name: 'AtlasSiteNotHttp',
	title: 'ATLAS_SITE is not an http(s) origin.',
	message: (site: string) => `ATLAS_SITE "${site}" must start with http:// or https://.`,
	hint: "Give the site's origin, such as https://atlas.example.org.",
} satisfies ErrorData<[string]>;

export const LoaderSeedsOptionInvalid = {
	name: 'LoaderSeedsOptionInvalid',
	title: 'The abstracts loader has no seeds folder.',
	message: () => 'abstractsLoader: `seeds` must name a folder of .txt files.',
	hint: 'Pass one, e.g. abstractsLoader({ seeds: "seeds", … }).',
} satisfies ErrorData<[]>;

export const LoaderPathOutsideRoot = {
	name: 'LoaderPathOutsideRoot',
	title: 'An abstracts loader path is outside the project.',
	message: (key: string, value: unknown) =>
		`abstractsLoader: \`${key}\` must be a path inside the project root; got ${JSON.stringify(value)}. Vite only compiles files under the root.`,
	hint: 'Give a relative path such as ".atlas" or "src/components/AbstractBody.astro".',
} satisfies ErrorData<[string, unknown]>;

export const PaperBodyParagraphsMissing = {
	name: 'PaperBodyParagraphsMissing',
	title: "A paper's MDX was rendered without its abstract.",
	message: () =>
		'AbstractBody got no paragraphs: the generated MDX carries no seed text and passes on what the page hands to <Content>.',
	hint: "Render a paper's MDX as <Content paragraphs={entry.data.paragraphs} />.",
} satisfies ErrorData<[]>;

// The seeds folder and its configuration files.

export const SeedsFolderMissing = {
	name: 'SeedsFolderMissing',
	title: 'The seeds folder does not exist.',
	message: (folder: string) => `The seeds folder ${folder} does not exist.`,
	hint: 'Create it with your .txt abstracts, or point ATLAS_SEEDS at a folder that has them.',
} satisfies ErrorData<[string]>;

export const ConfigYamlUnreadable = {
	name: 'ConfigYamlUnreadable',
	title: 'A configuration file is not valid YAML.',
	message: (where: string, problem: string, _allowed: string) =>
		`${where}: not valid YAML (${problem}).`,
	hint: (_where: string, _problem: string, allowed: string) => `Allowed: ${allowed}.`,
} satisfies ErrorData<[string, string, string]>;

export const ConfigYamlInvalid = {
	name: 'ConfigYamlInvalid',
	title: 'A configuration file has an unknown key or a wrong value.',
	message: (problems: readonly string[], _file: string, _allowed: string) => problems.join('\n'),
	hint: (_problems: readonly string[], file: string, allowed: string) =>
		`Allowed in ${file}: ${allowed}.`,
} satisfies ErrorData<[readonly string[], string, string]>;

export const PapersYamlUnknownId = {
	name: 'PapersYamlUnknownId',
	title: 'papers.yaml names a paper that does not exist.',
	message: (file: string, ids: readonly string[]) =>
		`${file}: ${ids.map((id) => `"${id}"`).join(', ')}: no paper has this id.`,
	hint: 'Use the "id" of a paper in papers.json (the first 12 hex characters of its abstract\'s SHA-256), or remove the entry.',
} satisfies ErrorData<[string, readonly string[]]>;

export const StrictWarnings = {
	name: 'StrictWarnings',
	title: 'ATLAS_STRICT is set and the seeds gave warnings.',
	message: (count: number) =>
		`ATLAS_STRICT is set and the seeds gave ${count} warning(s), listed above with file and line.`,
	hint: 'Fix those seed files, or unset ATLAS_STRICT to build anyway.',
} satisfies ErrorData<[number]>;

// Between the loader and the end of the build.

export const LoaderCollectionUnreadable = {
	name: 'LoaderCollectionUnreadable',
	title: "The loader's export of the collection cannot be read.",
	message: (path: string) => `The abstracts loader left no readable collection at ${path}.`,
	hint: 'Delete .astro/ and the generated folder, then build again.',
} satisfies ErrorData<[string]>;

export const LoaderReportUnreadable = {
	name: 'LoaderReportUnreadable',
	title: "The loader's build report cannot be read.",
	message: (path: string) => `The abstracts loader left no readable report at ${path}.`,
	hint: 'Delete .astro/ and the generated folder, then build again.',
} satisfies ErrorData<[string]>;

// Content-Security-Policy.

export const PagePolicyMissing = {
	name: 'PagePolicyMissing',
	title: 'A built page does not carry exactly one Content-Security-Policy.',
	message: (page: string, found: number) =>
		`Expected one Content-Security-Policy in ${page}, found ${found}.`,
	hint: 'Check that security.csp is set in astro.config.mjs.',
} satisfies ErrorData<[string, number]>;

export const PolicyNoneToMerge = {
	name: 'PolicyNoneToMerge',
	title: 'No Content-Security-Policy to merge.',
	message: () => 'No policy to merge: the build wrote no page with a Content-Security-Policy.',
	hint: 'Check that security.csp is set in astro.config.mjs.',
} satisfies ErrorData<[]>;

export const PolicyDirectivesDiffer = {
	name: 'PolicyDirectivesDiffer',
	title: 'Pages declare different CSP directives.',
	message: (names: string, others: string) =>
		`Pages declare different CSP directives (${names} against ${others}); one header cannot serve them all.`,
	hint: 'Give every page the same directives (security.csp in astro.config.mjs).',
} satisfies ErrorData<[string, string]>;

export const PolicyMultiline = {
	name: 'PolicyMultiline',
	title: 'A Content-Security-Policy spans lines.',
	message: () => 'A Content-Security-Policy cannot span lines.',
	hint: 'Write the policy on one line: a line break would start another header.',
} satisfies ErrorData<[]>;

// Styles written as classes (the policy allows no style attribute).

export const CodeThemeStyleUnknown = {
	name: 'CodeThemeStyleUnknown',
	title: 'Shiki wrote a style with no class.',
	message: (property: string, value: string) =>
		`Shiki wrote a style this site has no class for: ${property}:${value}.`,
	hint: 'Regenerate src/styles/code-theme.css (see src/lib/theme/code-theme.ts).',
} satisfies ErrorData<[string, string]>;

// Search.

export const PagefindNoIndex = {
	name: 'PagefindNoIndex',
	title: 'Pagefind returned no index.',
	message: () => 'Pagefind returned no index and no error.',
	hint: 'Reinstall the pagefind package (npm install) and build again.',
} satisfies ErrorData<[]>;

export const PagefindFailed = {
	name: 'PagefindFailed',
	title: 'Pagefind could not build the search index.',
	message: (doing: string, errors: readonly string[]) =>
		`Pagefind could not ${doing}: ${errors.join('; ')}.`,
	hint: 'Check that the build finished and the output folder is writable, then build again.',
} satisfies ErrorData<[string, readonly string[]]>;

// `npm run nginx-conf`.

export const NginxBaseInvalid = {
	name: 'NginxBaseInvalid',
	title: 'The base path has characters nginx would read as syntax.',
	message: (base: string) => `Base path "${base}" has characters nginx would read as syntax.`,
	hint: 'Use letters, digits, ".", "_", "~" and "-" between slashes, as in /atlas/.',
} satisfies ErrorData<[string]>;

export const NginxRootNotAbsolute = {
	name: 'NginxRootNotAbsolute',
	title: 'The build folder is not an absolute path.',
	message: (root: string) =>
		`The build folder "${root}" must be an absolute path, as nginx's alias needs.`,
	hint: 'Give --root as an absolute path, such as /srv/atlas/dist.',
} satisfies ErrorData<[string]>;

export const NginxValueInvalid = {
	name: 'NginxValueInvalid',
	title: 'A value has a character nginx would read as syntax.',
	message: (what: string, value: string) =>
		`The ${what} "${value}" is empty or has a character nginx would read as syntax (" \\ $ { } or a line break).`,
	hint: 'Give a value without those characters.',
} satisfies ErrorData<[string, string]>;

export const NginxValueNotSingle = {
	name: 'NginxValueNotSingle',
	title: 'listen or the server name is not a single nginx value.',
	message: () => 'listen and server name must be single nginx values, without ";".',
	hint: 'Give one value each, such as --listen 8080 --server-name atlas.intranet.',
} satisfies ErrorData<[]>;

export const NginxTemplatePlaceholder = {
	name: 'NginxTemplatePlaceholder',
	title: 'The nginx template has an unknown placeholder.',
	message: (placeholder: string) => `The nginx template has an unknown placeholder ${placeholder}.`,
	hint: 'Use only the placeholders src/lib/hosting/nginx-conf.ts fills, or restore docs/hosting/nginx.conf.',
} satisfies ErrorData<[string]>;

/** The catalogue by name: what the README's table and the tests read. */
export const ATLAS_ERRORS = {
	AtlasBaseInvalid,
	AtlasSiteNotUrl,
	AtlasSiteNotHttp,
	LoaderSeedsOptionInvalid,
	LoaderPathOutsideRoot,
	PaperBodyParagraphsMissing,
	SeedsFolderMissing,
	ConfigYamlUnreadable,
	ConfigYamlInvalid,
	PapersYamlUnknownId,
	StrictWarnings,
	LoaderCollectionUnreadable,
	LoaderReportUnreadable,
	PagePolicyMissing,
	PolicyNoneToMerge,
	PolicyDirectivesDiffer,
	PolicyMultiline,
	CodeThemeStyleUnknown,
	PagefindNoIndex,
	PagefindFailed,
	NginxBaseInvalid,
	NginxRootNotAbsolute,
	NginxValueInvalid,
	NginxValueNotSingle,
	NginxTemplatePlaceholder,
} as const;
