import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../../../src/lib/seeds/decode-seed.ts';
import { fixtureBytes, fixtureText } from '../../helpers/fixtures.ts';

describe('decodeSeed', () => {
	it('reads UTF-8 as is, with no invalid line', () => {
		expect(decodeSeed(fixtureBytes('duplicates.txt'))).toEqual({ text: fixtureText('duplicates.txt'), encoding: 'utf-8' });
	});

	it('drops a UTF-8 byte-order mark', () => {
		const decoded = decodeSeed(fixtureBytes('bom.txt'));
		expect(decoded.encoding).toBe('utf-8');
		expect(decoded.text).toBe(fixtureText('abstract-lines.txt'));
		expect(decoded.invalidUtf8Line).toBeUndefined();
	});

	it('reads a non-UTF-8 file as Windows-1252 and names the line of the first bad byte', () => {
		const decoded = decodeSeed(fixtureBytes('windows-1252.txt'));
		expect(decoded.encoding).toBe('windows-1252');
		expect(decoded.invalidUtf8Line).toBe(3);
		expect(decoded.text.split('\n')[2]).toBe('Abstract: Café owners use “smart” quotes and charge €5.');
	});

	it('counts lines in CRLF files', () => {
		const latin1 = 'Abstract: one\r\nAbstract: two\r\nAbstract: caf\u00e9\r\n';
		const bytes = Uint8Array.from(latin1, (ch) => ch.charCodeAt(0));
		expect(decodeSeed(bytes)).toMatchObject({ encoding: 'windows-1252', invalidUtf8Line: 3 });
	});

	// parseSeed splits on CRLF, lone CR and LF; the warning's line must match.
	it('counts lines in old-Mac (CR-only) files the way parseSeed does', () => {
		const decoded = decodeSeed(fixtureBytes('cr-only-windows-1252.txt'));
		expect(decoded.encoding).toBe('windows-1252');
		expect(decoded.text.split('\r')[2]).toBe('Abstract: Café owners saved this file on an old Mac.');
		expect(decoded.invalidUtf8Line).toBe(3);
	});

	// Decoded as Windows-1252, the BOM would read "ï»¿" and hide the first "Abstract:" line.
	it('drops a UTF-8 byte-order mark even when the rest of the file is Windows-1252', () => {
		const decoded = decodeSeed(fixtureBytes('bom-windows-1252.txt'));
		expect(decoded.encoding).toBe('windows-1252');
		expect(decoded.invalidUtf8Line).toBe(2);
		expect(decoded.text).toBe(
			'Abstract: The first abstract is plain ASCII after a byte-order mark.\nAbstract: Café owners saved this line from an old tool.\n',
		);
	});
});
