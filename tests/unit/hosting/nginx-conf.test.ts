import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNginxConf, type NginxSite } from '../../../src/lib/hosting/nginx-conf.ts';
import { thrown } from '../../helpers/thrown.ts';

const TEMPLATE = readFileSync(new URL('../../../docs/hosting/nginx.conf', import.meta.url), 'utf8');
const SITE: NginxSite = {
	root: '/srv/atlas/dist/',
	base: '/atlas/',
	policy: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc+/='",
	listen: '8080',
	serverName: 'atlas.intranet',
};

describe('renderNginxConf', () => {
	it('fills every placeholder of the shipped template, serving the build under its base with its policy', () => {
		const conf = renderNginxConf(TEMPLATE, SITE);
		expect(conf).not.toMatch(/\{\{|\}\}|unless base/u);
		expect(conf).toContain('location ^~ /atlas/ {');
		expect(conf).toContain('alias "/srv/atlas/dist/";');
		expect(conf).toContain('error_page 404 /atlas/404.html;');
		expect(conf).toContain('location = /atlas { return 301 /atlas/; }');
		expect(conf).toContain(`add_header Content-Security-Policy "${SITE.policy}" always;`);
		expect(conf).toContain('listen 8080;');
		expect(conf).toContain('server_name atlas.intranet;');
	});

	it('at the host root drops the redirect to the base and the catch-all, which would clash with the site', () => {
		const conf = renderNginxConf(TEMPLATE, { ...SITE, base: '' });
		expect(conf).toContain('location ^~ / {');
		expect(conf).toContain('error_page 404 /404.html;');
		expect(conf).not.toMatch(/location \/ \{|return 301/u);
		expect(conf).not.toMatch(/\n\n\n/u);
	});

	it('escapes a dot of the base in the caching patterns, which are regular expressions', () => {
		expect(renderNginxConf(TEMPLATE, { ...SITE, base: 'v1.2' })).toContain('"~^/v1\\.2/_astro/"');
	});

	it.each<[string, Partial<NginxSite>, string]>([
		['a base with a space', { base: '/my atlas/' }, 'NginxBaseInvalid'],
		['a base with a brace', { base: '/a{b}/' }, 'NginxBaseInvalid'],
		['a relative root', { root: 'dist' }, 'NginxRootNotAbsolute'],
		['a policy with a $', { policy: "script-src 'self' $evil" }, 'NginxValueInvalid'],
		['a policy with a double quote', { policy: 'default-src "self"' }, 'NginxValueInvalid'],
		[
			'a policy over two lines',
			{ policy: "default-src 'self'\nscript-src 'none'" },
			'NginxValueInvalid',
		],
		['an empty policy', { policy: ' ' }, 'NginxValueInvalid'],
		[
			'a listen value with a directive',
			{ listen: '80; include /etc/passwd' },
			'NginxValueNotSingle',
		],
	])('refuses %s, saying what is wrong and what to give', (_, change, name) => {
		const error = thrown(() => renderNginxConf(TEMPLATE, { ...SITE, ...change }));
		expect(error.name).toBe(name);
		expect(error.hint).toBeTruthy();
	});
});
