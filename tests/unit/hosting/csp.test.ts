import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	allowsInlineScript,
	cspHash,
	cspMetaTag,
	formatPolicy,
	headersFile,
	pagePolicies,
	parsePolicy,
	policyFromHeadersFile,
	unionPolicies,
} from '../../../src/lib/hosting/csp.ts';
import { THEME_SCRIPT } from '../../../src/lib/theme/theme-choice.ts';
import { foreignScripts, loadHtml } from '../../helpers/html.ts';
import { thrown } from '../../helpers/thrown.ts';

const POLICY =
	"default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self';";

describe('cspHash', () => {
	it('is the base64 SHA-256 of the exact UTF-8 text, as browsers compute it for an inline script', () => {
		expect(cspHash('alert(1)')).toBe(
			`sha256-${createHash('sha256').update('alert(1)').digest('base64')}`,
		);
		// One byte more (a trailing newline) is another script.
		expect(cspHash('alert(1)\n')).not.toBe(cspHash('alert(1)'));
		expect(cspHash('é')).toBe(
			`sha256-${createHash('sha256')
				.update(Buffer.from([0xc3, 0xa9]))
				.digest('base64')}`,
		);
	});
});

describe('pagePolicies and cspMetaTag', () => {
	it('reads back the policy a written meta tag carries, quotes and ampersands included', () => {
		const policy = `${POLICY} report-uri /a?b&c="d"`;
		expect(pagePolicies(`<head>${cspMetaTag(policy)}<title>x</title></head>`)).toEqual([policy]);
	});

	it('writes the tag byte for byte as Astro renders it', () => {
		expect(cspMetaTag("default-src 'self'")).toBe(
			`<meta http-equiv="content-security-policy" content="default-src 'self'">`,
		);
	});

	it('finds every policy of a page, and none in a page without one', () => {
		expect(pagePolicies(`${cspMetaTag('a')}${cspMetaTag('b')}`)).toEqual(['a', 'b']);
		expect(pagePolicies('<meta http-equiv="refresh" content="0; url=/x/">')).toEqual([]);
	});
});

describe('parsePolicy and formatPolicy', () => {
	it('splits directives and sources whatever the spacing, the first of a repeated directive counting', () => {
		const directives = parsePolicy(`${POLICY} SCRIPT-SRC 'unsafe-inline'`);
		expect([...directives.keys()]).toEqual([
			'default-src',
			'object-src',
			'script-src',
			'style-src',
		]);
		expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-AAA='"]);
		expect(formatPolicy(directives)).toBe(
			"default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self'",
		);
	});
});

describe('unionPolicies', () => {
	it('is the policy itself when every page has the same one', () => {
		expect(parsePolicy(unionPolicies([POLICY, POLICY]))).toEqual(parsePolicy(POLICY));
	});

	it('allows the hashes of every page when pages differ, each once', () => {
		const other = POLICY.replace("'sha256-AAA='", "'sha256-BBB='");
		expect(parsePolicy(unionPolicies([POLICY, other])).get('script-src')).toEqual([
			"'self'",
			"'wasm-unsafe-eval'",
			"'sha256-AAA='",
			"'sha256-BBB='",
		]);
	});

	it('refuses pages whose directives differ, since one header would loosen some of them', () => {
		expect(thrown(() => unionPolicies([POLICY, `${POLICY} img-src 'self'`])).name).toBe(
			'PolicyDirectivesDiffer',
		);
		expect(thrown(() => unionPolicies([])).name).toBe('PolicyNoneToMerge');
	});
});

describe('headersFile', () => {
	it('is one rule for every path that a host reads back as the same policy', () => {
		const text = headersFile(POLICY);
		expect(text).toBe(`/*\n  Content-Security-Policy: ${POLICY}\n`);
		expect(policyFromHeadersFile(text)).toBe(POLICY);
	});

	it('reads only the /* rule, and refuses a policy that would break the file', () => {
		expect(
			policyFromHeadersFile(
				`/search/*\n  Content-Security-Policy: other\n/*\n  X-Frame-Options: DENY\n`,
			),
		).toBeUndefined();
		expect(thrown(() => headersFile("default-src 'self'\n/evil\n  X: y")).name).toBe(
			'PolicyMultiline',
		);
	});
});

describe('allowsInlineScript', () => {
	it('allows the theme script exactly when its hash is in script-src', () => {
		const policy = `${POLICY.replace("'sha256-AAA='", `'${cspHash(THEME_SCRIPT)}'`)}`;
		expect(allowsInlineScript(policy, THEME_SCRIPT)).toBe(true);
		expect(allowsInlineScript(policy, `${THEME_SCRIPT};`)).toBe(false);
		expect(allowsInlineScript(POLICY, THEME_SCRIPT)).toBe(false);
	});
});

describe("foreignScripts (the build tests' rule for scripts)", () => {
	const page = (policy: string | undefined, body: string) =>
		loadHtml(
			`<!DOCTYPE html><html><head>${policy === undefined ? '' : cspMetaTag(policy)}</head><body>${body}</body></html>`,
		);
	const hashed = `script-src 'self' '${cspHash(THEME_SCRIPT)}'`;

	it("allows an inline script only when its hash is in the page's policy", () => {
		expect(foreignScripts(page(hashed, `<script>${THEME_SCRIPT}</script>`))).toEqual([]);
		expect(foreignScripts(page(hashed, `<script>${THEME_SCRIPT} </script>`))).toHaveLength(1);
		expect(
			foreignScripts(page("script-src 'self'", `<script>${THEME_SCRIPT}</script>`)),
		).toHaveLength(1);
		expect(foreignScripts(page(undefined, `<script>${THEME_SCRIPT}</script>`))).toHaveLength(1);
		expect(
			foreignScripts(page(hashed, `<script type="text/javascript">alert(1)</script>`)),
		).toHaveLength(1);
	});

	it("keeps JSON-LD as data only while it parses, and the site's own modules only as empty external files", () => {
		expect(
			foreignScripts(page(hashed, '<script type="application/ld+json">{"a":1}</script>')),
		).toEqual([]);
		expect(
			foreignScripts(page(hashed, '<script type="application/ld+json">alert(1)</script>')),
		).toHaveLength(1);
		expect(
			foreignScripts(page(hashed, '<script type="module" src="/_astro/a.B1.js"></script>')),
		).toEqual([]);
		expect(
			foreignScripts(
				page(hashed, '<script type="module" src="https://evil.example/a.js"></script>'),
			),
		).toHaveLength(1);
	});
});
