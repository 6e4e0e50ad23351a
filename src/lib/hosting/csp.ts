import { createHash } from 'node:crypto';
import { atlasError } from '../errors/atlas-error.ts';
import {
	PolicyDirectivesDiffer,
	PolicyMultiline,
	PolicyNoneToMerge,
} from '../errors/error-data.ts';

/**
 * The site's Content-Security-Policy as text: Astro renders it into every page's
 * `<meta http-equiv>`, and the build repeats it in the pages Astro does not render
 * (short links) and in `_headers`, so a server can send the very same policy as a
 * header. Everything here reads or writes policy text; nothing decides what is allowed
 * (that is `astro.config.mjs`).
 */

/** The value a CSP hash source holds for an inline script or style: `sha256-<base64>`, without quotes. */
export function cspHash(source: string): string {
	return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}

/** HTML attribute escaping as Astro applies it, so a written meta tag is byte-identical to a rendered one. */
export function escapeAttribute(text: string): string {
	return text.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');
}

function unescapeAttribute(text: string): string {
	return text
		.replace(/&quot;/gu, '"')
		.replace(/&#39;/gu, "'")
		.replace(/&amp;/gu, '&');
}

/** The tag Astro writes at the top of its head content, for a page Astro does not render. */
export function cspMetaTag(policy: string): string {
	return `<meta http-equiv="content-security-policy" content="${escapeAttribute(policy)}">`;
}

const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/giu;

/**
 * Every policy a page's `<meta http-equiv>` tags declare. A browser enforces each of
 * them, so more than one is a mistake that tests should see, not a choice to merge.
 */
export function pagePolicies(html: string): string[] {
	return [...html.matchAll(META)].map((match) => unescapeAttribute(match[1] ?? ''));
}

/** A policy's directives by name (lower-cased), each with its sources, in the order written. */
export function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/u).filter(Boolean);
		// A repeated directive is ignored by browsers: the first one counts.
		if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

/** Writes directives back as one policy line, in the order given. */
export function formatPolicy(directives: ReadonlyMap<string, readonly string[]>): string {
	return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy that allows what each of the given page policies allows: the union of
 * each directive's sources. It is what a site-wide header must be when pages carry
 * different hashes; the page's own meta policy then still narrows it (a browser
 * enforces both). Directives must be the same on every page: a directive only some
 * pages declare would loosen the others, so that is an error.
 */
export function unionPolicies(policies: readonly string[]): string {
	const [first, ...rest] = policies.map(parsePolicy);
	if (!first) throw atlasError(PolicyNoneToMerge, []);
	const union = new Map([...first].map(([name, sources]) => [name, [...sources]]));
	for (const directives of rest) {
		const names = [...directives.keys()].sort().join(', ');
		if (names !== [...union.keys()].sort().join(', ')) {
			throw atlasError(PolicyDirectivesDiffer, [names, [...union.keys()].sort().join(', ')]);
		}
		for (const [name, sources] of directives) {
			const merged = union.get(name)!;
			for (const source of sources) if (!merged.includes(source)) merged.push(source);
		}
	}
	return formatPolicy(union);
}

/**
 * `_headers` in the convention of Netlify and Cloudflare Pages (and read by our nginx
 * configuration): one rule for every path, carrying the site-wide policy.
 */
export function headersFile(policy: string): string {
	if (/[\r\n]/u.test(policy)) throw atlasError(PolicyMultiline, []);
	return `/*\n  Content-Security-Policy: ${policy}\n`;
}

/** The policy of the `/*` rule of a `_headers` file, if it has one. */
export function policyFromHeadersFile(text: string): string | undefined {
	let inAllRule = false;
	for (const line of text.split(/\r?\n/u)) {
		if (!/^\s/u.test(line)) inAllRule = line.trim() === '/*';
		else if (inAllRule) {
			const header = /^\s+content-security-policy:\s*(.+)$/iu.exec(line);
			if (header) return header[1]!.trim();
		}
	}
	return undefined;
}

/** Whether a policy's script-src lets the given inline script run (by hash; this site never allows 'unsafe-inline'). */
export function allowsInlineScript(policy: string, source: string): boolean {
	const directives = parsePolicy(policy);
	const sources =
		directives.get('script-src-elem') ??
		directives.get('script-src') ??
		directives.get('default-src') ??
		[];
	return sources.includes(`'${cspHash(source)}'`);
}
