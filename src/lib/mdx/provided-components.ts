/**
 * The components every postmortem body may use without importing them. This is the one list:
 * the content check reads it to know which capitalised tags are defined, and
 * `src/components/mdx/index.ts` must map exactly these names (its type says so), so a component
 * cannot be added to the site and forgotten by the check, or the other way round.
 */
export const CALLOUT_TYPES = ['note', 'warning', 'lesson'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

export interface ProvidedComponent {
  /** Attributes the component cannot render without. */
  required: readonly string[];
  /** Attributes that only take one of a few words, when written as a plain string. */
  oneOf: Readonly<Record<string, readonly string[]>>;
}

export const PROVIDED_COMPONENTS = {
  Callout: { required: [], oneOf: { type: CALLOUT_TYPES } },
  Figure: { required: ['caption'], oneOf: {} },
  Internal: { required: [], oneOf: {} },
} as const satisfies Record<string, ProvidedComponent>;

export type ProvidedComponentName = keyof typeof PROVIDED_COMPONENTS;

export const PROVIDED_COMPONENT_NAMES = Object.keys(PROVIDED_COMPONENTS) as ProvidedComponentName[];

export function isProvidedComponent(name: string): name is ProvidedComponentName {
  return Object.hasOwn(PROVIDED_COMPONENTS, name);
}
