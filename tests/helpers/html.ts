import * as cheerio from 'cheerio';

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

/**
 * The scripts a page may carry: the site's own bundled modules, Pagefind's result
 * templates and JSON-LD. Anything else (an inline script, a script from seed text) is returned.
 */
export function foreignScripts($: cheerio.CheerioAPI): string[] {
	return $('script')
		.filter((_, el) => {
			const script = $(el);
			const ownModule = script.attr('type') === 'module' && /\/_astro\/[\w.-]+\.js$/u.test(script.attr('src') ?? '') && script.text() === '';
			const template = script.attr('type') === 'text/pagefind-template' && script.parents('pagefind-results').length === 1;
			return !ownModule && !template && !isJsonData(script.attr('type'), script.text());
		})
		.map((_, el) => $.html(el))
		.get();
}
