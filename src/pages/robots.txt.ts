import type { APIRoute } from 'astro';
import { withBase } from '../lib/site/options.ts';

/** Crawlers may read everything; with a site URL they are pointed at the sitemap. */
export const GET: APIRoute = ({ site }) => {
	const sitemap = site ? `Sitemap: ${new URL(withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site).href}\n` : '';
	return new Response(`User-agent: *\nAllow: /\n${sitemap}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
