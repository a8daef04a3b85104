/**
 * The content model in one place. Each concept has its own small file; this module is what the
 * content collection, the pre-build check and tests import.
 */
export { postmortemSchema, POSTMORTEM_STATUSES } from './postmortem';
export type { Postmortem, PostmortemInput, PostmortemSchemaOptions, PostmortemStatus } from './postmortem';
export { TIMELINE_KINDS, timelineEntrySchema, type TimelineKind } from './timeline';
export { TASK_STATUSES, TASK_TYPES, taskSchema, type TaskStatus, type TaskType } from './task';
export { taxonomyEntrySchema, taxonomyFileSchema, type TaxonomyEntry } from './taxonomy';
export { SLUG } from './slug';
export {
  AUDIENCES,
  VISIBILITIES,
  INTERNAL_FIELD_PATHS,
  type Audience,
  type Visibility,
  type InternalFieldPath,
  type VisibilityConfig,
} from './visibility';
