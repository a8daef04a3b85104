import { decodeCharacterReferences } from '../character-references';

/**
 * Turning a built file's text into the text a reader (or a search index) would get from it, so
 * that escapes and markup cannot hide a passage from the leak check: JSON string escapes,
 * HTML entities (also when escaped twice, as in a feed's HTML descriptions), URL encoding and
 * tags. Each view is split into words afterwards (`words.ts`), which also drops punctuation
 * and case.
 */

/** `\"`, `\\`, `\/`, `\u00e9` become what they stand for; `\n`, `\t` and the like a space. */
export function decodeJsonEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_all, escape: string) => {
    if (escape[0] === 'u') return String.fromCharCode(parseInt(escape.slice(1), 16));
    return '"\\/'.includes(escape) ? escape : ' ';
  });
}

/**
 * Named entities that serialisers emit. Any other named entity becomes a space: it stands for
 * a symbol, never for a letter inside a word, except the accented letters `ACCENTS` covers.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  thorn: 'þ',
  eth: 'ð',
  shy: '',
};

/** `&eacute;`: a letter and a combining mark, composed by NFC. */
const ACCENTS: Readonly<Record<string, string>> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  ring: '\u030a',
  cedil: '\u0327',
};

function namedText(name: string): string | undefined {
  const named = NAMED[name];
  if (named !== undefined) return named;
  const accent = /^([A-Za-z])(acute|grave|circ|uml|tilde|ring|cedil)$/.exec(name);
  return accent ? `${accent[1]}${ACCENTS[accent[2] ?? ''] ?? ''}`.normalize('NFC') : undefined;
}

/** HTML character references, numeric and named, decoded once; any other becomes a space. */
export const decodeEntities = (text: string): string => decodeCharacterReferences(text, namedText, () => ' ');

/** Runs of `%XX` decoded as UTF-8; a run that is not valid UTF-8 stays as written. */
export function decodeUrlEscapes(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** A tag (from `<` and a letter, `/`, `!` or `?` to `>`) or a comment. */
const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z!?][^<>]*>/g;

/** Tags and comments replaced by a space, so the text around them reads on. */
export function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(TAG, ' ');
}

/** The tags and comments alone, one a line: attribute values, comments, tag names. */
const tagsOf = (text: string) => (text.match(TAG) ?? []).join('\n');

const decodeAll = (text: string) => decodeUrlEscapes(decodeEntities(decodeEntities(text)));

/** An HTML page, where `<` in text is always escaped, so removing tags never removes text. */
const isHtml = (text: string) => /^\s*<(?:!doctype html|html)[\s>]/i.test(text);

/**
 * The readings of a built file that the check splits into words, each once:
 *
 * - tags removed, then decoded: the page as read, where inline markup (`<strong>`, a link)
 *   would otherwise split a sentence;
 * - for an HTML page, its tags and comments: attribute values (a `title`, a meta description,
 *   a `data-pagefind-meta`) and anything hidden in a comment;
 * - for any other file, everything decoded with tags kept: text in JSON and JavaScript, and
 *   prose with a literal `<` in it;
 * - when decoding revealed tags (a feed's escaped HTML), those removed too.
 */
export function textViews(text: string): string[] {
  const json = decodeJsonEscapes(text);
  const read = decodeAll(stripTags(json));
  const views = isHtml(json) ? [read, decodeAll(tagsOf(json))] : [decodeAll(json), read];
  const unescaped = stripTags(read);
  if (unescaped !== read) views.push(unescaped);
  return [...new Set(views)];
}
