/* eslint-disable no-control-regex -- finding control characters is what this module is for */

/**
 * Author-written text on its way into places that take plain text only: the feed, whose XML
 * forbids most control characters (one pasted terminal colour code made the whole `rss.xml`
 * unreadable), and meta tags, which chat apps and search engines show as they are.
 */

/** A terminal escape sequence: a colour such as `ESC[31m`, a cursor move, or a bare ESC. */
const TERMINAL_ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~])?/g;

/**
 * Characters XML 1.0 does not allow and no reader can show: C0 controls but tab, line feed and
 * carriage return, DEL and the C1 controls, the noncharacters U+FFFE and U+FFFF, and halves of
 * surrogate pairs without their other half.
 */
const UNSHOWABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without terminal escape sequences and characters XML forbids; everything else kept. */
export function plainText(text: string): string {
  return text.replace(TERMINAL_ESCAPE, '').replace(UNSHOWABLE, '');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * `text` as HTML that shows it literally. Feed readers render an item's description as HTML,
 * so a summary mentioning `<script>` must reach them escaped, or they would run or hide it.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Names of the control characters people paste by accident, for error messages. */
const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: 'null',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete',
};

/** A control character (not tab, line feed or carriage return) anywhere in text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * What an author must hear about a control character in `text`, or `undefined` when there is
 * none: a terminal colour code is named as one (they come from pasting a terminal's output),
 * any other control character by its code point and name.
 */
export function controlCharacterProblem(text: string): string | undefined {
  const escape = /\u001b\[[0-?]*[ -/]*[@-~]/.exec(text);
  if (escape) {
    const shown = `ESC${escape[0].slice(1)}`;
    return escape[0].endsWith('m')
      ? `contains a terminal colour code (${shown}); paste the text without colours`
      : `contains a terminal escape sequence (${shown}); paste the text without it`;
  }
  const control = CONTROL.exec(text);
  if (!control) return undefined;
  const code = control[0].charCodeAt(0);
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = CONTROL_NAMES[code];
  return `contains the invisible control character U+${hex}${name ? ` (${name})` : ''} at character ${control.index + 1}; delete it`;
}
