import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
	/** Origin, e.g. http://127.0.0.1:41234 */
	origin: string;
	/** Origin plus base: where the site's home page is. */
	home: string;
	close(): Promise<void>;
}

/**
 * Serves a build on 127.0.0.1 under its base path, as a static host would, so that
 * browser tests see the same URLs as readers: a URL under the base that names no file
 * gets the build's `404.html` with status 404, as nginx's `error_page` and static
 * hosts give it.
 */
export async function serveStatic(outDir: string, base = '/'): Promise<StaticServer> {
	const files = sirv(outDir, { dev: true, etag: false });
	const notFoundPage = join(outDir, '404.html');
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith(base)) {
			res.statusCode = 404;
			res.end('not under the base path');
			return;
		}
		req.url = `/${url.slice(base.length)}`;
		files(req, res, () => {
			res.statusCode = 404;
			if (existsSync(notFoundPage)) {
				res.setHeader('Content-Type', 'text/html; charset=utf-8');
				res.end(readFileSync(notFoundPage));
			} else {
				res.end('not found');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		home: `${origin}${base}`,
		close: () =>
			new Promise((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			),
	};
}
