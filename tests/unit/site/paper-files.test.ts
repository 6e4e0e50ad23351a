import { describe, expect, it } from 'vitest';
import { bibtexEntry } from '../../../src/lib/cite/bibtex.ts';
import { risRecord } from '../../../src/lib/cite/ris.ts';
import { cspMetaTag, pagePolicies } from '../../../src/lib/hosting/csp.ts';
import { paperFiles, redirectPage } from '../../../src/lib/site/paper-files.ts';
import { makePaper } from '../../helpers/collections.ts';

describe('redirectPage', () => {
	it('escapes the title as text and the target as an attribute, as a rendered page would', () => {
		const html = redirectPage(`<script>alert("x")</script> & 'co'`, '/papers/a-"b"&c/', undefined);
		expect(html).toContain(
			'<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; · Abstract Atlas</title>',
		);
		expect(html).toContain(
			'<meta http-equiv="refresh" content="0; url=/papers/a-&quot;b&quot;&amp;c/">',
		);
		expect(html).not.toContain('<script>');
	});

	it('gives an absolute canonical link only when the site is known', () => {
		expect(redirectPage('T', '/atlas/papers/x/', 'https://atlas.example.org')).toContain(
			'<link rel="canonical" href="https://atlas.example.org/atlas/papers/x/">',
		);
		expect(redirectPage('T', '/atlas/papers/x/', undefined)).toContain(
			'<link rel="canonical" href="/atlas/papers/x/">',
		);
	});

	it('carries the site policy in the head, before anything it governs, and none in dev', () => {
		const policy = "default-src 'self'; script-src 'self'";
		const html = redirectPage('T', '/papers/x/', undefined, { policy });
		expect(pagePolicies(html)).toEqual([policy]);
		expect(html.indexOf(cspMetaTag(policy))).toBeLessThan(html.indexOf('<title>'));
		expect(pagePolicies(redirectPage('T', '/papers/x/', undefined))).toEqual([]);
	});
});

describe('paperFiles', () => {
	it('writes a short link, a .bib and a .ris per paper, from the citation functions, under the base', () => {
		const paper = makePaper({ id: 'abcdefabcdef', slug: 'a-paper-abcdefab', title: 'A Paper' });
		const files = [...paperFiles([paper], { base: '/atlas/', site: 'https://atlas.example.org' })];
		const url = 'https://atlas.example.org/atlas/papers/a-paper-abcdefab/';
		expect(files.map((f) => f.path)).toEqual([
			'p/abcdefabcdef/index.html',
			'papers/a-paper-abcdefab.bib',
			'papers/a-paper-abcdefab.ris',
		]);
		expect(files[0]!.body).toContain('url=/atlas/papers/a-paper-abcdefab/');
		// The site's icon under the base, so browsers do not ask the host root for /favicon.ico.
		expect(files[0]!.body).toContain(
			'<link rel="icon" href="/atlas/favicon.svg" type="image/svg+xml">',
		);
		expect(files[1]!.body).toBe(bibtexEntry(paper, { url }));
		expect(files[2]!.body).toBe(risRecord(paper, { url }));
	});

	it('gives the short link the policy it is handed', () => {
		const paper = makePaper({ id: 'abcdefabcdef', slug: 'a-paper-abcdefab', title: 'A Paper' });
		const [shortLink] = paperFiles(
			[paper],
			{ base: '/', site: undefined },
			{ policy: "default-src 'self'" },
		);
		expect(pagePolicies(shortLink!.body)).toEqual(["default-src 'self'"]);
	});
});
