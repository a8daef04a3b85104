import { z } from 'astro/zod';
import { timestampSchema } from './timestamp';
import { enumOf } from './enum-of';
import { requiredText } from './text';

/**
 * What a timeline entry records. `misleading` marks a path the responders followed that turned
 * out wrong (the pages mark it visibly, because that is where the next responder loses time);
 * `escalation` marks a hand-off to another team or a higher severity.
 */
export const TIMELINE_KINDS = [
  'detection',
  'action',
  'misleading',
  'escalation',
  'mitigation',
  'resolution',
  'note',
] as const;

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEntrySchema = z.strictObject({
  /** When it happened. Required. */
  at: timestampSchema,
  /** One of `TIMELINE_KINDS`. Default `note`. */
  kind: enumOf(TIMELINE_KINDS).default('note'),
  /** What happened, in a sentence or two. Required. */
  text: requiredText('what happened at this time'),
});
