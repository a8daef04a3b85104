import { z } from 'astro/zod';
import { calendarDateSchema } from './timestamp';
import { enumOf } from './enum-of';
import { plainText, requiredText } from './text';

/** What a follow-up task does about the incident. */
export const TASK_TYPES = ['mitigate', 'prevent', 'detect', 'process'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** Where a follow-up task stands. `open` and `in-progress` count as outstanding work. */
export const TASK_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A corrective or preventive action that came out of the review. */
export const taskSchema = z.strictObject({
  /** What will be done, as an imperative sentence. Required. */
  title: requiredText('what will be done'),
  /** One of `mitigate`, `prevent`, `detect`, `process`. Required. */
  type: enumOf(TASK_TYPES),
  /** One of `open`, `in-progress`, `done`, `wont-do`. Default `open`. */
  status: enumOf(TASK_STATUSES).default('open'),
  /** The person or team accountable. Optional. */
  owner: plainText().optional(),
  /** Due date, `YYYY-MM-DD`. Optional. */
  due: calendarDateSchema.optional(),
  /** The ticket in your tracker, an http(s) URL. Optional. */
  link: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
});
