import iconv from 'iconv-lite';

/** The result of turning a seed file's bytes into text. */
export interface DecodedSeed {
	text: string;
	encoding: 'utf-8' | 'windows-1252';
	/** 1-based line of the first byte that is not valid UTF-8, when the file is not UTF-8. */
	invalidUtf8Line?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Seeds come from scrapers and editors of every kind. Valid UTF-8 (with or without a
 * byte-order mark) is read as is; anything else is almost always Windows-1252 or
 * Latin-1 from an old tool, so it is decoded that way rather than dropped, and the
 * caller warns with the line where UTF-8 first broke.
 */
export function decodeSeed(bytes: Uint8Array): DecodedSeed {
	try {
		return { text: utf8.decode(bytes), encoding: 'utf-8' };
	} catch {
		const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
		return {
			text: iconv.decode(Buffer.from(hasBom ? bytes.subarray(3) : bytes), 'windows-1252'),
			encoding: 'windows-1252',
			invalidUtf8Line: firstInvalidUtf8Line(bytes),
		};
	}
}

/** Counts lines as the parser does: CRLF, lone CR and LF each end a line. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
	let line = 1;
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		const endsLine = i === bytes.length || bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a);
		if (!endsLine) continue;
		try {
			utf8.decode(bytes.subarray(start, i));
		} catch {
			return line;
		}
		line++;
		start = i + 1;
	}
	return 1;
}
