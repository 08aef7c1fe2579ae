/**
 * The text of a library file before any reader sees it, kept apart from the readers so that
 * the library page (which decodes the file) does not load the parsers.
 */

/**
 * The text as every reader takes it: without a byte-order mark, with `\n` line ends (Windows
 * and old Mac ones turned), and without NUL characters, which no reference holds.
 */
export function cleanLibraryText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '');
}

/**
 * The text of a library file's bytes: UTF-16 when it starts with a UTF-16 byte-order mark (as
 * some Windows tools write), else UTF-8.
 */
export function decodeLibraryBytes(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
