/**
 * The share of users an incident affected, from how impact sections say it: "20% of our
 * users", "every user", "all customers", "one in five users", "half of our accounts". Counts
 * of users ("1,200 users") and shares of something else ("20% of requests") are not shares of
 * users, so they give nothing.
 */

/** Nouns that mean the people using the service. */
const PEOPLE =
  '(?:users?|customers?|accounts?|tenants?|members?|people|subscribers?|clients?|mailbox(?:es)?|organi[sz]ations?|teams?|employees|staff)';
/** Words allowed between the share and the noun: "of our active users". */
const FILLER =
  '(?:\\s+(?:of|our|the|all|active|affected|logged-in|signed-in|registered|paying|email|mail|its|their|us)\\b)*';

const FRACTIONS: Record<string, number> = {
  half: 50,
  'a half': 50,
  'a third': 100 / 3,
  'one third': 100 / 3,
  'two thirds': 200 / 3,
  'a quarter': 25,
  'one quarter': 25,
  'three quarters': 75,
  'a fifth': 20,
  'one fifth': 20,
  'a tenth': 10,
  'one tenth': 10,
};

const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
  hundred: 100,
};

const PERCENT = new RegExp(
  `(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b)(?:\\s+of)?${FILLER}\\s+${PEOPLE}\\b`,
  'i',
);
const ALL = new RegExp(
  `\\b(?:(?:all|every(?:\\s+single)?)(?:\\s+of)?${FILLER}\\s+${PEOPLE}|everyone|everybody|company-wide|100\\s*%\\s+of${FILLER}\\s+${PEOPLE})\\b`,
  'i',
);
const ONE_IN = new RegExp(`\\b(one|1)\\s+(?:in|out of)\\s+(\\w+)${FILLER}\\s+${PEOPLE}\\b`, 'i');
const FRACTION = new RegExp(`\\b(${Object.keys(FRACTIONS).join('|')})\\s+of${FILLER}\\s+${PEOPLE}\\b`, 'i');

/** The share found, with the phrase it was read from and whether it is exact or read from words. */
export interface UsersAffected {
  percent: number;
  phrase: string;
  /** `true` for "all users", "one in five", "a third": the importer reports these as guesses. */
  fromWords: boolean;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The share of users the text says were affected, or `undefined` when it says none. */
export function usersAffected(text: string): UsersAffected | undefined {
  const percent = PERCENT.exec(text);
  if (percent?.[1]) {
    const value = Number(percent[1]);
    if (value >= 0 && value <= 100) return { percent: value, phrase: percent[0], fromWords: false };
  }
  const fraction = FRACTION.exec(text);
  if (fraction?.[1]) {
    return {
      percent: round(FRACTIONS[fraction[1].toLowerCase()] ?? 0),
      phrase: fraction[0],
      fromWords: true,
    };
  }
  const oneIn = ONE_IN.exec(text);
  if (oneIn?.[2]) {
    const of = NUMBERS[oneIn[2].toLowerCase()] ?? Number(oneIn[2]);
    if (of > 1) return { percent: round(100 / of), phrase: oneIn[0], fromWords: true };
  }
  const all = ALL.exec(text);
  if (all) return { percent: 100, phrase: all[0], fromWords: true };
  return undefined;
}
