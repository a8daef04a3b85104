/**
 * The questions `hindsight new` asks in a terminal for what the flags did not give. Each answer
 * is checked as the flag would be, so a typo is caught while the question is still on screen.
 */
import { cancel, intro, isCancel, select, text } from '@clack/prompts';
import { dateProblem, slugProblem, splitServices, titleProblem } from '../lib/scaffold-input';
import type { Taxonomy } from '../lib/taxonomy';
import type { TaxonomyEntry } from '../schemas/taxonomy';
import { CliError } from './errors';
import type { NewOptions } from './commands/new';

/** The answer, or a clean stop when the person pressed Ctrl-C or Escape. */
function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) {
    cancel('Cancelled; nothing was written.');
    throw new CliError('cancelled; nothing was written');
  }
  return value as Exclude<T, symbol>;
}

/** A choice from a taxonomy, or "later", which leaves a TODO in the file. */
async function choose(message: string, entries: readonly TaxonomyEntry[]): Promise<string | undefined> {
  const LATER = '';
  const value = answered(
    await select<string>({
      message,
      options: [
        ...entries.map((entry) => ({ value: entry.id, label: entry.label, hint: entry.description })),
        { value: LATER, label: 'Decide later', hint: 'leaves a TODO in the file' },
      ],
    }),
  );
  return value === LATER ? undefined : value;
}

/** Asks for every field the flags left out, and returns the flags completed with the answers. */
export async function askForMissing(
  options: NewOptions,
  taxonomy: Taxonomy,
  today: string,
): Promise<NewOptions> {
  intro('New postmortem');
  const title =
    options.title ??
    answered(
      await text({
        message: 'Title: what broke, as a reader would search for it',
        placeholder: 'Checkout errors after the flag rollout',
        validate: (value) => titleProblem(value ?? ''),
      }),
    );
  const date =
    options.date ??
    answered(
      await text({
        message: 'The day it started (YYYY-MM-DD)',
        initialValue: today,
        validate: (value) => dateProblem(value ?? ''),
      }),
    );
  const severity = options.severity ?? (await choose('Severity', taxonomy.severities));
  const category = options.category ?? (await choose('Root-cause category', taxonomy.rootCauses));
  const service = options.service?.length
    ? options.service
    : splitServices(
        answered(
          await text({
            message: 'Affected services, as lowercase slugs separated by commas (empty for later)',
            placeholder: 'email, mail-relay',
            validate: (value) =>
              splitServices(value ?? '')
                .map(slugProblem)
                .find(Boolean),
          }),
        ) ?? '',
      );
  return {
    ...options,
    title,
    date,
    service,
    ...(severity === undefined ? {} : { severity }),
    ...(category === undefined ? {} : { category }),
  };
}
