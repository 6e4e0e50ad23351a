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
