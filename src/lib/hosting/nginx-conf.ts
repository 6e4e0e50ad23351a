import { isAbsolute } from 'node:path';
import { normalizeBase } from '../site/options.ts';
import { atlasError } from '../errors/atlas-error.ts';
import {
	NginxBaseInvalid,
	NginxRootNotAbsolute,
	NginxTemplatePlaceholder,
	NginxValueInvalid,
	NginxValueNotSingle,
} from '../errors/error-data.ts';

/** What one deployment of a build fills into `docs/hosting/nginx.conf`. */
export interface NginxSite {
	/** Absolute path of the built `dist/` folder on the server. */
	root: string;
	/** Base path the site was built for (`ATLAS_BASE`); normalised like the build's. */
	base: string;
	/** The build's Content-Security-Policy, as `_headers` carries it. */
	policy: string;
	/** nginx `listen` value: a port, or `address:port`. */
	listen: string;
	/** nginx `server_name` value; `_` matches any host. */
	serverName: string;
}

/** Lines of the template that only make sense when the site is not at the host root. */
const UNLESS_ROOT = /[ \t]*# unless base is \/[ \t]*$/u;

/**
 * Fills the nginx template for one build, so that the README's configuration, users'
 * servers and the nginx test are one text. Values are checked rather than escaped:
 * nginx strings have no escape for `$` (it starts a variable) and a base path becomes
 * part of a regular expression, so anything that could change the configuration's
 * meaning is refused with what to give instead.
 */
export function renderNginxConf(template: string, site: NginxSite): string {
	const base = normalizeBase(site.base);
	if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/u.test(base)) {
		throw atlasError(NginxBaseInvalid, [site.base]);
	}
	if (!isAbsolute(site.root)) throw atlasError(NginxRootNotAbsolute, [site.root]);
	for (const [what, value] of [
		['build folder', site.root],
		['Content-Security-Policy', site.policy],
		['listen', site.listen],
		['server name', site.serverName],
	] as const) {
		if (/["\\$\r\n{}]/u.test(value) || value.trim() === '') {
			throw atlasError(NginxValueInvalid, [what, value]);
		}
	}
	if (/[\s;]/u.test(site.listen) || /;/u.test(site.serverName))
		throw atlasError(NginxValueNotSingle, []);
	const root = site.root.replace(/\/+$/u, '');
	const values: Record<string, string> = {
		BASE: base,
		BASE_NO_SLASH: base.slice(0, -1),
		BASE_RE: base.replace(/\./gu, '\\.'),
		ROOT: root,
		CSP: site.policy.trim(),
		LISTEN: site.listen,
		SERVER_NAME: site.serverName,
	};
	const lines = template.split('\n').flatMap((line) => {
		if (!UNLESS_ROOT.test(line)) return [line];
		return base === '/' ? [] : [line.replace(UNLESS_ROOT, '')];
	});
	const text = lines.join('\n').replace(/\{\{([A-Z_]+)\}\}/gu, (placeholder, name: string) => {
		const value = values[name];
		if (value === undefined) throw atlasError(NginxTemplatePlaceholder, [placeholder]);
		return value;
	});
	// Dropped lines leave no run of blank lines behind.
	return text.replace(/\n{3,}/gu, '\n\n');
}
