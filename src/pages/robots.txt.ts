import type { APIRoute } from 'astro';
import { withBase } from '../lib/site/options.ts';
import { absoluteUrl } from '../lib/site/urls.ts';

/** Crawlers may read everything; with a site URL they are pointed at the sitemap. */
export const GET: APIRoute = ({ site }) => {
	const sitemap = site
		? `Sitemap: ${absoluteUrl(withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site)}\n`
		: '';
	return new Response(`User-agent: *\nAllow: /\n${sitemap}`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
};
