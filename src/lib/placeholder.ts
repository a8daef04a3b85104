/**
 * Placeholders: values that `hindsight new` and `hindsight import` write where a person still
 * has to fill something in. They read as instructions (`TODO: name the incident`) and fail the
 * check, so a half-written postmortem cannot be published by accident.
 */

/** What every placeholder starts with. */
const PLACEHOLDER_PREFIX = 'TODO';

/** A placeholder with a hint of what belongs there: `TODO: when impact began`. */
export const placeholder = (hint: string) => `${PLACEHOLDER_PREFIX}: ${hint}`;

/** Whether a value is still a placeholder (`TODO`, `TODO: …`, any case). */
export const isPlaceholder = (value: unknown): value is string =>
  typeof value === 'string' && /^\s*todo\b/i.test(value);
