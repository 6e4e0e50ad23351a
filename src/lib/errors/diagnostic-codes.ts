/**
 * The stable code of every seed warning. A warning's message says what to fix in
 * words that may improve; its code never changes, so tests, `ATLAS_STRICT` users'
 * scripts reading the build report and the README's table of seed problems can rely on
 * it. Codes are only ever added.
 */
export const DIAGNOSTIC_CODES = [
	'EmptySeed',
	'EmptyAbstract',
	'InvalidUtf8',
	'LongAbstract',
	'UnparseableBlock',
	'TextOutsideAbstract',
	'AuthorPageWithoutAuthors',
	'MathNotTypeset',
	'UnknownTopicSlug',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
