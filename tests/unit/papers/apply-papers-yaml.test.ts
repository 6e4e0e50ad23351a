import { describe, expect, it } from 'vitest';
import { applyMetadata } from '../../../src/lib/papers/apply-papers-yaml.ts';
import { parsePapersMetadata } from '../../../src/schemas/papers-yaml.ts';
import { makePaper } from '../../helpers/collections.ts';
import { thrown } from '../../helpers/thrown.ts';

describe('applyMetadata', () => {
	it('sets a metadata title without touching the slug, and re-sorts by title', () => {
		const a = makePaper({ id: 'aaaaaaaaaaaa', title: 'Zebra' });
		const b = makePaper({ id: 'bbbbbbbbbbbb', title: 'Mango' });
		const [first, second] = applyMetadata(
			[b, a],
			{ aaaaaaaaaaaa: { title: 'Apple', authors: ['Ann'], year: 2020 } },
			'papers.yaml',
		);
		expect(first).toMatchObject({
			id: 'aaaaaaaaaaaa',
			title: 'Apple',
			titleSource: 'metadata',
			authors: ['Ann'],
			year: 2020,
			slug: a.slug,
		});
		expect(second).toBe(b);
	});

	it('reads a title with math as plain text, keeping its LaTeX for the page and BibTeX; names lose their TeX accents', () => {
		const paper = makePaper({ id: 'aaaaaaaaaaaa', title: 'Old', titleTex: 'Old $x$' });
		const [withMath] = applyMetadata(
			[paper],
			{ aaaaaaaaaaaa: { title: 'From dyadic $\\Lambda_{\\alpha}$', authors: ["C. Bal\\'azs"] } },
			'papers.yaml',
		);
		expect(withMath).toMatchObject({
			title: 'From dyadic Λ_α',
			titleTex: 'From dyadic $\\Lambda_{\\alpha}$',
			authors: ['C. Balázs'],
		});
		const [plain] = applyMetadata(
			[paper],
			{ aaaaaaaaaaaa: { title: 'A plain title' } },
			'papers.yaml',
		);
		expect(plain).toMatchObject({ title: 'A plain title' });
		expect(plain).not.toHaveProperty('titleTex');
	});

	it('refuses an id that names no paper, naming the file and the fix', () => {
		const error = thrown(() =>
			applyMetadata([makePaper()], { cccccccccccc: { year: 2020 } }, 'papers.yaml'),
		);
		expect(error.name).toBe('PapersYamlUnknownId');
		expect(error.message).toBe('papers.yaml: "cccccccccccc": no paper has this id.');
		expect(error.hint).toMatch(/^Use the "id" of a paper in papers\.json/u);
	});
});

describe('parsePapersMetadata', () => {
	it('accepts every documented field', () => {
		const text =
			'abcdefabcdef:\n  title: T\n  authors: [A, B]\n  year: 2023\n  venue: NeurIPS\n  doi: 10.48550/arXiv.2305.19947\n  pdf: https://arxiv.org/pdf/2305.19947\n  arxiv: 2305.19947v2\n';
		expect(parsePapersMetadata(text)).toEqual({
			abcdefabcdef: {
				title: 'T',
				authors: ['A', 'B'],
				year: 2023,
				venue: 'NeurIPS',
				doi: '10.48550/arXiv.2305.19947',
				pdf: 'https://arxiv.org/pdf/2305.19947',
				arxiv: '2305.19947v2',
			},
		});
	});

	it.each([
		[
			'a key that is not an id',
			'not-an-id:\n  year: 2020\n',
			'ConfigYamlInvalid',
			/papers\.yaml: not-an-id: .*12 hex characters/su,
		],
		[
			'a DOI with its resolver',
			'abcdefabcdef:\n  doi: https://doi.org/10.1/x\n',
			'ConfigYamlInvalid',
			/papers\.yaml: abcdefabcdef\.doi: a DOI such as/u,
		],
		[
			'a non-http PDF',
			'abcdefabcdef:\n  pdf: javascript:alert(1)\n',
			'ConfigYamlInvalid',
			/papers\.yaml: abcdefabcdef\.pdf: an http\(s\) URL/u,
		],
		[
			'broken YAML',
			'abcdefabcdef: [\n',
			'ConfigYamlUnreadable',
			/papers\.yaml:\d+: not valid YAML/u,
		],
	])('rejects %s with the file, the key and what is allowed', (_, text, name, message) => {
		const error = thrown(() => parsePapersMetadata(text));
		expect(error.name).toBe(name);
		expect(error.message).toMatch(message);
		expect(error.hint).toMatch(/Allowed\b.*\btitle\b/u);
	});

	it('quotes a key from the file with its control characters escaped, so it cannot drive the terminal', () => {
		const error = thrown(() => parsePapersMetadata('"\\e[31mred\\u0007":\n  year: 2020\n'));
		expect(error.message).toContain('papers.yaml: \\u001b[31mred\\u0007: ');
		expect(error.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/u);
	});
});
