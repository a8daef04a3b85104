import type { VisibilityConfig } from '../../schemas/visibility';
import { inBuild, type SourcePostmortem } from '../source-postmortems';
import { PASSAGE_WORDS, type Needle, type NeedleKind } from './needle-index';
import { bodyText, textFields, valuesAt, valuesExcept } from './postmortem-text';
import { letterCount, wordList } from './words';

/**
 * A title shorter than this is left out as a whole (its words still count inside passages):
 * "Database outage" is a phrase any postmortem may use, "Quartzmoth ledger replica stalled"
 * is a name.
 */
export const MIN_TITLE_WORDS = 3;

/**
 * An internal-only value (a task owner, an author, a tag, a short `<Internal>` note) shorter
 * than a passage is looked for as a whole when it has at least two words and six letters or
 * digits, one word of three letters or more among them: "Dana Whitfield" and a tracker URL
 * can only appear by being copied, while a single word ("storage", "dana") or a bare date
 * turns up in any site by chance. Single words a team wants kept out belong in
 * `visibility.neverPublish`, which is checked word for word.
 */
export const MIN_VALUE_WORDS = 2;
export const MIN_VALUE_LETTERS = 6;

/** Where the never-publish phrases come from, as reports name it. */
export const NEVER_PUBLISH_SOURCE = 'hindsight({ visibility.neverPublish })';

/** Why a needle must not appear, as the report says it. */
export const REASONS = {
  internal: 'internal: left out of public builds',
  draft: 'a draft: left out of every build',
  internalOnly: 'public, but these parts are internal-only',
  neverPublish: 'never to be published',
} as const;

/** What the check needs of the site's configuration. */
export interface NeedleOptions {
  visibility: Pick<VisibilityConfig, 'default' | 'internalFields' | 'neverPublish'>;
  /**
   * Text every public page may carry besides the public postmortems: the site's title,
   * tagline, organisation and notice, and the taxonomies' labels and descriptions.
   */
  siteText?: readonly string[];
}

/** What a public build must not contain, and what it may. */
export interface Selection {
  needles: Needle[];
  /** Text the build publishes legitimately; passages and internal-only values it contains are no leak. */
  allowed: string[];
  /** Files of the postmortems left out of the build (internal ones and drafts), and of those in it. */
  leftOut: string[];
  included: string[];
  /** Internal-only values too short to look for (see `MIN_VALUE_WORDS`). */
  tooShort: number;
  /** Configuration a check cannot use, one message each. */
  problems: string[];
}

/**
 * Whether a postmortem is in a public build, read from its file: not a draft, and public by
 * its `visibility` or by the site's default. Anything unreadable counts as left out, so it is
 * looked for rather than trusted.
 */
export function inPublicBuild(
  postmortem: SourcePostmortem,
  defaultVisibility: VisibilityConfig['default'],
): boolean {
  return inBuild(postmortem, 'public', defaultVisibility);
}

const hasWords = (text: string) => wordList(text).length > 0;

/** Whether a short value is unlikely to appear anywhere by chance (see `MIN_VALUE_WORDS`). */
export function isDistinctiveValue(text: string): boolean {
  const found = wordList(text);
  return (
    found.length >= MIN_VALUE_WORDS &&
    letterCount(found) >= MIN_VALUE_LETTERS &&
    found.some((word) => /\p{L}{3}/u.test(word))
  );
}

/** Keys whose values are chosen from a short list (a task's type, a timeline kind): never a name. */
const ENUM_KEYS = new Set(['type', 'status', 'kind']);

const titleKey = (title: string) => wordList(title).join(' ');

const passage = (kind: NeedleKind, source: string, reason: string, field: string, text: string): Needle => ({
  kind,
  source,
  reason,
  field,
  text,
  match: 'windows',
  excusable: true,
});

/**
 * Chooses what to look for in a public build, one postmortem at a time so that ten thousand of
 * them need not be held in memory at once (`add`, then `result`):
 *
 * - of every postmortem left out (internal, or a draft of any visibility): its id (as a
 *   whole slug, or as `incidents/<id>` when the id alone is a common word), its title (when at
 *   least `MIN_TITLE_WORDS` words and no public postmortem has the same one), and every run
 *   of `PASSAGE_WORDS` words of its text fields and body;
 * - of every public postmortem in the build: the values of its internal-only fields and the
 *   text of its `<Internal>` blocks;
 * - every never-publish phrase.
 */
export class NeedleSelection {
  private readonly needles: Needle[] = [];
  private readonly allowed: string[];
  private readonly leftOut: string[] = [];
  private readonly included: string[] = [];
  private readonly publicTitles = new Set<string>();
  private tooShort = 0;

  constructor(private readonly options: NeedleOptions) {
    this.allowed = [...(options.siteText ?? [])];
  }

  add(postmortem: SourcePostmortem): void {
    if (inPublicBuild(postmortem, this.options.visibility.default)) this.addIncluded(postmortem);
    else this.addLeftOut(postmortem);
  }

  result(): Selection {
    const problems: string[] = [];
    // A title that a public postmortem also has is published anyway: not a leak by itself.
    const needles = this.needles.filter(
      (needle) => needle.kind !== 'title' || !this.publicTitles.has(titleKey(needle.text)),
    );
    for (const phrase of this.options.visibility.neverPublish) {
      if (!hasWords(phrase)) {
        problems.push(
          `${NEVER_PUBLISH_SOURCE}: "${phrase}" has no letters or digits, and the check compares words; write the name or word it stands for`,
        );
        continue;
      }
      needles.push({
        kind: 'never-publish',
        source: NEVER_PUBLISH_SOURCE,
        reason: REASONS.neverPublish,
        field: 'neverPublish',
        text: phrase,
        match: 'whole',
        excusable: false,
      });
    }
    const { allowed, leftOut, included, tooShort } = this;
    return { needles, allowed, leftOut, included, tooShort, problems };
  }

  private addLeftOut({ file, id, data, body, mdx }: SourcePostmortem) {
    this.leftOut.push(file);
    const reason = data?.['status'] === 'draft' ? REASONS.draft : REASONS.internal;
    const idWords = wordList(id);
    const idIsName = idWords.length >= 3 && idWords.some((word) => /\p{L}{3}/u.test(word));
    this.needles.push({
      kind: 'id',
      source: file,
      reason,
      field: 'id',
      text: idIsName ? id : `incidents/${id}`,
      match: 'whole',
      exact: true,
      excusable: false,
    });
    const title = data?.['title'];
    if (typeof title === 'string' && wordList(title).length >= MIN_TITLE_WORDS) {
      this.needles.push({
        kind: 'title',
        source: file,
        reason,
        field: 'title',
        text: title,
        match: 'whole',
        excusable: false,
      });
    }
    const bodyTexts = bodyText(body, mdx);
    const texts = [
      ...textFields(data),
      ...[...bodyTexts.published, ...bodyTexts.internal].map((text) => ({ field: 'body', text })),
    ];
    for (const item of texts) {
      // Shorter text is left out: a few words in a row turn up in any site (see PASSAGE_WORDS).
      if (wordList(item.text).length >= PASSAGE_WORDS) {
        this.needles.push(passage('passage', file, reason, item.field, item.text));
      }
    }
  }

  private addIncluded({ file, id, data, body, mdx }: SourcePostmortem) {
    this.included.push(file);
    this.publicTitles.add(titleKey(String(data?.['title'] ?? '')));
    const { internalFields } = this.options.visibility;
    for (const path of internalFields) {
      for (const item of valuesAt(data, path))
        this.addInternalOnly('internal-field', file, item.field, item.text);
    }
    const bodyTexts = bodyText(body, mdx);
    for (const text of bodyTexts.internal) this.addInternalOnly('internal-block', file, 'body', text);
    this.allowed.push(id, ...bodyTexts.published);
    for (const item of valuesExcept(data, [...internalFields, 'related'])) this.allowed.push(item.text);
  }

  private addInternalOnly(kind: NeedleKind, source: string, field: string, text: string) {
    const needle = passage(kind, source, REASONS.internalOnly, field, text);
    if (wordList(text).length >= PASSAGE_WORDS) this.needles.push(needle);
    else if (isDistinctiveValue(text)) this.needles.push({ ...needle, match: 'whole' });
    else if (!ENUM_KEYS.has(field.split('.').pop() ?? '') && /\p{L}{3}/u.test(text)) this.tooShort++;
  }
}

/** `NeedleSelection` over a list of postmortems. */
export function selectNeedles(postmortems: Iterable<SourcePostmortem>, options: NeedleOptions): Selection {
  const selection = new NeedleSelection(options);
  for (const postmortem of postmortems) selection.add(postmortem);
  return selection.result();
}
