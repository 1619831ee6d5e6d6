// The one text decoder for files people bring (import of a report's text, app and CLI) (a report's text saved from a web page, WPS or Notepad), used
// by the app and the command line alike: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (Notepad's
// “Unicode”), and GB18030 (a superset of GBK, as Chinese Windows editors save “ANSI” text) for anything
// that is not UTF-8. A file cut off inside its last character (a truncated copy) keeps its encoding.

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedText {
  /** Without the byte order mark. */
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 'utf-16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 'utf-16be'), encoding: 'UTF-16BE' };
  const utf8 = new TextDecoder('utf-8', { fatal: true }); // strips a BOM
  try {
    return { text: utf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Cut off inside the last character: the tail is a lead byte followed by fewer continuation bytes than
    // it announces. Decoded as GB18030 the whole text would turn into nonsense.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      const tail = bytes.subarray(bytes.length - cut);
      if (tail[0]! < 0xc2 || tail[0]! > 0xf4 || tail.subarray(1).some((b) => b < 0x80 || b > 0xbf)) continue;
      try {
        return { text: utf8.decode(bytes.subarray(0, bytes.length - cut)), encoding: 'UTF-8' };
      } catch {
        // try a shorter tail
      }
    }
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  // An odd byte at the end is half a character cut off: dropped, like a cut UTF-8 tail.
  const whole = bytes.length % 2 === 1 ? bytes.subarray(0, bytes.length - 1) : bytes;
  const text = new TextDecoder(label).decode(whole); // strips the BOM
  // A surrogate pair cut in half at the end (U+FFFD in place of the high surrogate) is dropped too.
  const last = whole.length >= 2 ? (label === 'utf-16le' ? whole[whole.length - 1]! : whole[whole.length - 2]!) : 0;
  return last >= 0xd8 && last <= 0xdb && text.endsWith('\ufffd') ? text.slice(0, -1) : text;
}
