import type { ProvidedComponentName } from '../../lib/mdx/provided-components';
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import Internal from './Internal.astro';

/**
 * The components every postmortem body may use without importing them, as `<Content>` gets
 * them. The names are declared in `src/lib/mdx/provided-components.ts`, which the content check
 * reads; `satisfies` makes a name missing here, or one here that is not declared there, a type
 * error.
 */
export const providedComponents = { Callout, Figure, Internal } satisfies Record<
  ProvidedComponentName,
  unknown
>;
