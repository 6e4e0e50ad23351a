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

/**
 * The scripts a page may carry: the site's own bundled modules and Pagefind's result
 * templates. Anything else (an inline script, a script from seed text) is returned.
 */
export function foreignScripts($: cheerio.CheerioAPI): string[] {
	return $('script')
		.filter((_, el) => {
			const script = $(el);
			const ownModule = script.attr('type') === 'module' && /\/_astro\/[\w.-]+\.js$/u.test(script.attr('src') ?? '') && script.text() === '';
			const template = script.attr('type') === 'text/pagefind-template' && script.parents('pagefind-results').length === 1;
			return !ownModule && !template;
		})
		.map((_, el) => $.html(el))
		.get();
}
