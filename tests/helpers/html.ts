import * as cheerio from 'cheerio';
import { allowsInlineScript, pagePolicies } from '../../src/lib/hosting/csp.ts';

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
			const ownModule =
				type === 'module' &&
				/\/_astro\/[\w.-]+\.js$/u.test(script.attr('src') ?? '') &&
				script.text() === '';
			const hashedInline =
				RUNNABLE.test(type) &&
				script.attr('src') === undefined &&
				policies.length === 1 &&
				allowsInlineScript(policies[0]!, script.text());
			const template =
				type === 'text/pagefind-template' && script.parents('pagefind-results').length === 1;
			return !ownModule && !hashedInline && !template && !isJsonData(type, script.text());
		})
		.map((_, el) => $.html(el))
		.get();
}

/** MathML elements a typeset fragment may contain (Temml's output). */
const MATHML =
	/^(math|semantics|mrow|mi|mn|mo|ms|mtext|mspace|msub|msup|msubsup|munder|mover|munderover|mfrac|msqrt|mroot|mstyle|mpadded|mphantom|menclose|mtable|mtr|mtd|mlabeledtr|mmultiscripts|mprescripts|none|merror)$/u;

export interface FoundElement {
	tag: string;
	attributes: Record<string, string>;
	/** Inside a `span.math`, i.e. typesetter output. */
	insideMath: boolean;
	/** Has no child element. */
	empty: boolean;
}

/**
 * Why an element inside `.abstract` (or a title) should not be there, or '' when it may
 * be: seed text may only become paragraphs, emphasis, http(s) links from `\url` and the
 * typesetter's MathML, never an element or attribute of its own.
 */
export function unexpectedInAbstract({ tag, attributes, insideMath, empty }: FoundElement): string {
	const names = Object.keys(attributes);
	const described = `<${tag}${names.map((name) => ` ${name}=${JSON.stringify(attributes[name])}`).join('')}>`;
	if (
		names.some(
			(name) =>
				/^on|^(src|xlink:href|action|formaction)$/iu.test(name) || (name === 'href' && tag !== 'a'),
		)
	)
		return described;
	if (insideMath) return MATHML.test(tag) ? '' : described;
	const only = (...allowed: string[]) =>
		names.every((name) => allowed.includes(name)) ? '' : described;
	switch (tag) {
		case 'p':
		case 'em':
		case 'strong':
			return only();
		case 'a':
			return /^https?:\/\//u.test(attributes['href'] ?? '') &&
				attributes['rel'] === 'nofollow noopener'
				? only('href', 'rel')
				: described;
		case 'span':
			return /^math math-(inline|display)$/u.test(attributes['class'] ?? '')
				? only('class')
				: described;
		case 'code':
			return attributes['class'] === 'math-error' && empty ? only('class') : described;
		default:
			return described;
	}
}
