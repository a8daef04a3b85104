import { AstroError } from 'astro/errors';

/**
 * An error Astro reports as a message and a hint, named so tests and tools can tell it apart,
 * and without a stack trace: the message already says where to look, and a trace into the
 * integration's hook would only bury it.
 */
export function explainedError(name: string, message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.name = name;
  error.stack = '';
  return error;
}
