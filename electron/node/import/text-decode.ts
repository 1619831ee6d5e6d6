// The one decoder of text files people save by hand (a pasted report, a .txt): see decodeText.

/** Text pasted into a file by hand: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK as
 *  Chinese Windows editors save it. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    // A UTF-8 file cut off inside its last character (a truncated copy) is still UTF-8: decoded as
    // GB18030 the whole text would turn into nonsense.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      // The cut-off bytes must be the start of a multi-byte character: a lead byte, then continuation bytes.
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
