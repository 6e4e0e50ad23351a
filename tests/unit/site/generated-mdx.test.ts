import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { frontmatterJson, generatedMdx } from '../../../src/lib/site/generated-mdx.ts';

const COMPONENT = '../../src/components/AbstractBody.astro';
/** Characters YAML refuses raw or reads as line breaks, plus some it must keep. */
const AWKWARD = 'nel \u0085 c1 \u009f del \u007f ls \u2028 ps \u2029 nonchar \ufffe \uffff emoji 😀 nul \u0000 tab \t end';
const HOSTILE = [
	'{process.exit(3)}',
	"import fs from 'node:fs'",
	"---\nimport fs from 'node:fs';\nexport const pwned = fs.readdirSync('/');\n---",
	'<script>alert(1)</script> {alert(1)}',
	AWKWARD,
];

describe('frontmatterJson', () => {
	it('escapes DEL, C1 controls, line/paragraph separators and non-characters', () => {
		expect(frontmatterJson({ s: '\u007f\u0080\u0085\u009f\u2028\u2029\ufffe\uffff' })).toBe(
			'{"s":"\\u007f\\u0080\\u0085\\u009f\\u2028\\u2029\\ufffe\\uffff"}',
		);
	});

	it('leaves ordinary text, accents and emoji raw', () => {
		expect(frontmatterJson({ s: 'Café 😀 “quoted”' })).toBe('{"s":"Café 😀 “quoted”"}');
	});

	it('is still JSON for the same data', () => {
		expect(JSON.parse(frontmatterJson({ paragraphs: HOSTILE }))).toEqual({ paragraphs: HOSTILE });
	});
});

describe('generatedMdx', () => {
	const mdx = generatedMdx(HOSTILE, COMPONENT);
	const lines = mdx.split('\n');

	it('puts all seed text on the single frontmatter line and nothing after it', () => {
		expect(lines.slice(0, 3).map((l, i) => (i === 1 ? 'JSON' : l))).toEqual(['---', 'JSON', '---']);
		expect(lines.slice(3).join('\n')).toBe(
			`import AbstractBody from "${COMPONENT}";\n\n<AbstractBody paragraphs={frontmatter.paragraphs} />\n`,
		);
		for (const needle of ['process.exit', 'node:fs', 'pwned', 'alert']) {
			expect(lines.filter((l) => l.includes(needle))).toEqual([lines[1]]);
		}
	});

	it('has the same body whatever the paragraphs are', () => {
		const body = (m: string) => m.split('\n').slice(2).join('\n');
		expect(body(mdx)).toBe(body(generatedMdx(['Plain text.'], COMPONENT)));
	});

	it('writes no control, separator or non-character raw into the frontmatter line', () => {
		expect(lines[1]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/u);
	});

	it('has frontmatter that YAML loads back to exactly the same paragraphs', () => {
		expect(yaml.load(lines[1] ?? '')).toEqual({ paragraphs: HOSTILE });
		expect(yaml.load(lines[1] ?? '')).toEqual(JSON.parse(lines[1] ?? ''));
	});
});
