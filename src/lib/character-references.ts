/** A character reference: numeric (`&#233;`, `&#xE9;`) or named (`&eacute;`). */
const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * The HTML character references in `text`, decoded once: a numeric one to its code point, a
 * named one by `named`. Each reader decides what the rest become (`otherwise`, given the
 * reference as written): the leak check reads words and wants a space, the verification reads
 * attribute values as a browser does and keeps them.
 */
export function decodeCharacterReferences(
  text: string,
  named: (name: string) => string | undefined,
  otherwise: (reference: string) => string,
): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference, name: string) => {
    if (name[0] !== '#') return named(name) ?? otherwise(reference);
    const hex = name[1] === 'x' || name[1] === 'X';
    const code = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : otherwise(reference);
  });
}
