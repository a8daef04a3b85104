import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { contentDir } from '../content-dir';
import { ContentError, fieldPath, type Problem } from '../problems';
import { allowedKeysAt, didYouMean } from '../schema-shape';
import { parseYamlSource } from '../yaml-source';
import { phraseProblem } from './phrase';

/** Where a team tunes the rules, relative to the content folder. */
export const TEAM_RULES_PATH = path.join('style', 'blameless.yaml');

/** The rules that ship with Hindsight, next to this module. */
export const DEFAULT_RULES_FILE = fileURLToPath(new URL('./default-rules.yaml', import.meta.url));

/** A rule as the lint applies it: every field resolved, defaults and team changes merged. */
export interface LintRule {
  id: string;
  /** `blame`, `counterfactual`, `minimiser`, `person`, or a team's own; disables a group at once. */
  category: string;
  /** Phrase patterns (see `phrase.ts`): words, `word*`, `{person}`, `{person}'s`. */
  phrases: string[];
  /** Why the phrase hurts a blameless review; follows the quoted phrase in the report. */
  message: string;
  /** An example rewrite. */
  suggestion?: string;
  /** Phrases right before the match that make it harmless ("not just"). */
  unlessPrecededBy: string[];
  /** Phrases right after the match that make it harmless ("just before"). */
  unlessFollowedBy: string[];
  /** When set, the match counts only right after one of these ("we could have"). */
  onlyPrecededBy?: string[];
}

/** The rule set in force: the shipped defaults with a team's `style/blameless.yaml` applied. */
export interface LintRules {
  rules: LintRule[];
  /** Names that always count as a person, from the rules files (`people:`). */
  people: string[];
  /** Capitalised words that never count as a person (`notPeople:`). */
  notPeople: string[];
  /** The files the rules came from, defaults first, for messages. */
  files: string[];
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_HINT = 'lowercase words joined by hyphens, such as blame-human-error';

const text = (what: string) =>
  z
    .string({ error: `must be text: ${what}` })
    .trim()
    .min(1, `must not be empty: ${what}`);
const phraseList = (what: string) =>
  z
    .array(text(what), { error: `must be a list of phrases: ${what}` })
    .min(1, `must list at least one phrase: ${what}`);
const wordList = (what: string) => z.array(text(what), { error: `must be a list: ${what}` });

const ruleSchema = z.strictObject({
  id: z.string({ error: `is required: the rule's id, ${ID_HINT}` }).regex(RULE_ID, `must be ${ID_HINT}`),
  category: z
    .string({ error: 'must be text' })
    .regex(RULE_ID, `must be ${ID_HINT}, such as minimiser`)
    .optional(),
  phrases: phraseList('what to flag, such as "human error" or "careless*"').optional(),
  addPhrases: phraseList("phrases to flag in addition to the rule's own").optional(),
  message: text('why the phrase hurts a blameless review').optional(),
  suggestion: text('an example rewrite').optional(),
  unlessPrecededBy: phraseList('phrases before the match that make it harmless').optional(),
  unlessFollowedBy: phraseList('phrases after the match that make it harmless').optional(),
  onlyPrecededBy: phraseList('phrases the match must follow').optional(),
});

/** The format of both rules files; the defaults are the same format as a team's changes. */
const rulesFileSchema = z
  .strictObject({
    /** Word lists to reuse with YAML anchors and aliases; the lint does not read them. */
    lists: z.record(z.string(), z.unknown()).optional(),
    /** Rule ids or categories to turn off. */
    disable: wordList('rule ids or categories to turn off').optional(),
    /** Names that always count as a person for `{person}`. */
    people: wordList('names of people, such as "Dana Whitfield"').optional(),
    /** Capitalised words that never count as a person. */
    notPeople: wordList('capitalised words that are not people, such as Terraform').optional(),
    /** New rules, or changes to rules with the same id. */
    rules: z.array(ruleSchema, { error: 'must be a list of rules, each with an id' }).optional(),
  })
  .nullable();

type RulesFile = NonNullable<z.output<typeof rulesFileSchema>>;
type RuleInput = z.output<typeof ruleSchema>;

const PHRASE_FIELDS = [
  'phrases',
  'addPhrases',
  'unlessPrecededBy',
  'unlessFollowedBy',
  'onlyPrecededBy',
] as const;

/** Reads one rules file, returning its content or every problem with its line and field. */
function readRulesFile(file: string): { data?: RulesFile; problems: Problem[]; position: PositionOf } {
  const source = parseYamlSource(fs.readFileSync(file, 'utf8'));
  const position: PositionOf = (p, key = false) => source.positionOf(p, { key }) ?? { line: 1, column: 1 };
  if (source.errors.length) {
    return {
      problems: source.errors.map((error) => ({
        file,
        ...error,
        field: '',
        message: `is not valid YAML: ${error.message}`,
      })),
      position,
    };
  }
  const result = rulesFileSchema.safeParse(source.data);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue): Problem[] => {
      if (issue.code === 'unrecognized_keys') {
        const known = allowedKeysAt(rulesFileSchema, issue.path) ?? [];
        return issue.keys.map((key) => ({
          file,
          ...position([...issue.path, key], true),
          field: fieldPath([...issue.path, key]),
          message: `is not a known field.${didYouMean(key, known)} Allowed here: ${known.join(', ')}`,
        }));
      }
      const message =
        issue.code === 'invalid_type' && issue.path.length === 0
          ? `must be a set of fields (${ALLOWED_TOP.join(', ')})`
          : issue.message;
      return [{ file, ...position(issue.path), field: fieldPath(issue.path), message }];
    });
    return { problems, position };
  }
  const data = result.data ?? {};
  const problems: Problem[] = [];
  data.rules?.forEach((rule, index) => {
    for (const key of PHRASE_FIELDS) {
      rule[key]?.forEach((phrase, at) => {
        const wrong = phraseProblem(phrase);
        if (wrong) {
          problems.push({
            file,
            ...position(['rules', index, key, at]),
            field: `rules.${index}.${key}.${at}`,
            message: `"${phrase}" ${wrong}`,
          });
        }
      });
    }
  });
  return { data, problems, position };
}

type PositionOf = (p: readonly PropertyKey[], key?: boolean) => { line: number; column: number };

const ALLOWED_TOP = allowedKeysAt(rulesFileSchema, []) ?? [];

/** A new rule needs everything; a change to an existing one only what it changes. */
function mergeRule(base: LintRule | undefined, input: RuleInput): LintRule | string {
  if (!base && !input.phrases && !input.addPhrases) {
    return 'is a new rule (no rule has this id) and needs phrases: the words to flag';
  }
  if (!base && !input.message) {
    return 'is a new rule (no rule has this id) and needs a message: why the phrase hurts a blameless review';
  }
  const phrases = [...(input.phrases ?? base?.phrases ?? []), ...(input.addPhrases ?? [])];
  const onlyPrecededBy = input.onlyPrecededBy ?? base?.onlyPrecededBy;
  const suggestion = input.suggestion ?? base?.suggestion;
  return {
    id: input.id,
    category: input.category ?? base?.category ?? 'custom',
    phrases,
    message: input.message ?? base?.message ?? '',
    ...(suggestion === undefined ? {} : { suggestion }),
    unlessPrecededBy: input.unlessPrecededBy ?? base?.unlessPrecededBy ?? [],
    unlessFollowedBy: input.unlessFollowedBy ?? base?.unlessFollowedBy ?? [],
    ...(onlyPrecededBy === undefined ? {} : { onlyPrecededBy }),
  };
}

/** Applies one file's rules, `people`, `notPeople` and `disable` on top of `base`. */
function applyRulesFile(
  base: LintRules,
  file: string,
  data: RulesFile,
  position: PositionOf,
): { rules: LintRules; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map(base.rules.map((rule) => [rule.id, rule]));
  const seen = new Map<string, number>();
  data.rules?.forEach((input, index) => {
    const earlier = seen.get(input.id);
    if (earlier !== undefined) {
      problems.push({
        file,
        ...position(['rules', index, 'id']),
        field: `rules.${index}.id`,
        message: `"${input.id}" is already defined at rules.${earlier}; give each rule one entry`,
      });
      return;
    }
    seen.set(input.id, index);
    const merged = mergeRule(byId.get(input.id), input);
    if (typeof merged === 'string') {
      problems.push({
        file,
        ...position(['rules', index, 'id']),
        field: `rules.${index}.id`,
        message: `"${input.id}" ${merged}.${didYouMean(input.id, [...byId.keys()])}`,
      });
      return;
    }
    byId.set(input.id, merged);
  });

  const known = [...byId.keys()];
  const categories = [...new Set([...byId.values()].map((rule) => rule.category))];
  const off = new Set<string>();
  data.disable?.forEach((name, index) => {
    if (byId.has(name) || categories.includes(name)) {
      off.add(name);
      return;
    }
    problems.push({
      file,
      ...position(['disable', index]),
      field: `disable.${index}`,
      message: `"${name}" is not a rule id or category.${didYouMean(name, [...known, ...categories])} Rule ids: ${known.join(', ')}; categories: ${categories.join(', ')}`,
    });
  });

  return {
    rules: {
      rules: [...byId.values()].filter((rule) => !off.has(rule.id) && !off.has(rule.category)),
      people: [...base.people, ...(data.people ?? [])],
      notPeople: [...base.notPeople, ...(data.notPeople ?? [])],
      files: [...base.files, file],
    },
    problems,
  };
}

const EMPTY: LintRules = { rules: [], people: [], notPeople: [], files: [] };

/** Reads a rules file and applies it to `base`; problems name the file, line, column and field. */
function applyRules(base: LintRules, file: string): { rules: LintRules; problems: Problem[] } {
  const read = readRulesFile(file);
  if (!read.data) return { rules: base, problems: inFileOrder(read.problems) };
  const applied = applyRulesFile(base, file, read.data, read.position);
  return { rules: applied.rules, problems: inFileOrder([...read.problems, ...applied.problems]) };
}

/** Problems top to bottom, the order an author fixes them in. */
const inFileOrder = (problems: Problem[]) =>
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));

let defaults: LintRules | undefined;

/** The shipped rules. They are tested like any rules file, so a problem here is Hindsight's bug. */
export function defaultRules(): LintRules {
  if (!defaults) {
    const { rules, problems } = applyRules(EMPTY, DEFAULT_RULES_FILE);
    if (problems.length) throw new ContentError(problems);
    defaults = rules;
  }
  return defaults;
}

/**
 * The defaults with the team's `style/blameless.yaml` under `contentRoot` applied, when it
 * exists; an invalid team file gives its problems and the defaults alone.
 */
export function readLintRules(contentRoot: string = contentDir()): { rules: LintRules; problems: Problem[] } {
  const file = path.join(contentRoot, TEAM_RULES_PATH);
  if (!fs.existsSync(file)) return { rules: defaultRules(), problems: [] };
  return applyRules(defaultRules(), file);
}

/** Like `readLintRules`, but throws a `ContentError` listing the problems of an invalid team file. */
export function loadLintRules(contentRoot?: string): LintRules {
  const { rules, problems } = readLintRules(contentRoot);
  if (problems.length) throw new ContentError(problems);
  return rules;
}
