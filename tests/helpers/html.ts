import * as cheerio from 'cheerio';
import { allowsInlineScript, pagePolicies } from '../../src/lib/csp.ts';

/** Loads a built page for assertions about what a reader sees. */
export function loadHtml(html: string): cheerio.CheerioAPI {
	return cheerio.load(html);
}

/** Text as a reader sees it: whitespace folded. */
export function visibleText(html: string, selector = 'body'): string {
	const $ = loadHtml(html);
	$('script, style').remove();
	return fold($(selector).text());
}

export function fold(text: string): string {
	return text.replace(/\s+/gu, ' ').trim();
}

/** Structured data (JSON-LD) is data, not code, as long as it parses as JSON. */
function isJsonData(type: string | undefined, text: string): boolean {
	if (type !== 'application/ld+json') return false;
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** Script types a browser runs (an empty or absent type is JavaScript). */
const RUNNABLE = /^(|module|(text|application)\/(java|ecma)script)$/iu;

/**
 * The scripts a page may carry: the site's own bundled modules, inline scripts whose
 * hash the page's one Content-Security-Policy lists (the theme script), Pagefind's result
 * templates and JSON-LD, which are data a browser never runs. Anything else (an inline
 * script the policy would refuse, a script from seed text) is returned.
 */
export function foreignScripts($: cheerio.CheerioAPI): string[] {
	const policies = pagePolicies($.html());
	return $('script')
		.filter((_, el) => {
			const script = $(el);
			const type = script.attr('type')?.trim() ?? '';
			const ownModule = type === 'module' && /\/_astro\/[\w.-]+\.js$/u.test(script.attr('src') ?? '') && script.text() === '';
			const hashedInline =
				RUNNABLE.test(type) && script.attr('src') === undefined && policies.length === 1 && allowsInlineScript(policies[0]!, script.text());
			const template = type === 'text/pagefind-template' && script.parents('pagefind-results').length === 1;
			return !ownModule && !hashedInline && !template && !isJsonData(type, script.text());
		})
		.map((_, el) => $.html(el))
		.get();
}
