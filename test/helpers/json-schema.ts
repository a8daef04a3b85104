/**
 * Validates JSON against the JSON Schemas the site publishes, with Ajv's draft 2020-12 build
 * (the draft zod 4 writes). Ajv ships no format checks; the ones our schemas use are defined
 * here, strictly, so a timestamp without a zone or a made-up date fails.
 */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const isDate = (text: string) => {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
};

const FORMATS = {
  date: isDate,
  'date-time': (text: string) =>
    DATE_TIME.test(text) && isDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text)),
  uri: (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text),
};

/** A validator for `schema`; its `errors` after a failed call say where and why. */
export function validatorFor(schema: object) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: FORMATS });
  return ajv.compile(schema);
}

/** Ajv's errors as `path: message` lines, for readable test failures. */
export const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? ''}`);
