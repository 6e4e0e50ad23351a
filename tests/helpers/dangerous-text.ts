import fc from 'fast-check';

/** Characters that mean something to HTML, JSX, MDX, Markdown, YAML, LaTeX or templates. */
export const DANGEROUS_ALPHABET = [...'{}<>[]()*_#$\\`!|-~&;\'"/=: ', '\n', 'a', 'z', '0', 'import ', 'export ', '<script>', '</', '{{', '${', '---', '&lt;'];

/**
 * Random seed text built from the dangerous alphabet. Every string that a seed can
 * carry must reach the reader unchanged (up to folded whitespace).
 */
export const dangerousText = fc
	.array(fc.constantFrom(...DANGEROUS_ALPHABET), { minLength: 1, maxLength: 60 })
	.map((parts) => parts.join(''));

/** Fixed by default so CI is reproducible; set FC_SEED to explore. */
export const PROPERTY_SEED = Number(process.env['FC_SEED'] ?? 20261123);
