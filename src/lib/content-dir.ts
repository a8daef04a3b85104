import path from 'node:path';

/**
 * The folder that holds `postmortems/` and `taxonomy/`. `content/` in the project, unless
 * `HINDSIGHT_CONTENT_DIR` points elsewhere (the build tests point it at fixture sites).
 */
export function contentDir(cwd = process.cwd()): string {
  return path.resolve(cwd, process.env['HINDSIGHT_CONTENT_DIR'] ?? 'content');
}

export const postmortemsDir = (root: string) => path.join(root, 'postmortems');
export const taxonomyDir = (root: string) => path.join(root, 'taxonomy');

/** Postmortems are Markdown or MDX files; the file name without extension is the id. */
export const POSTMORTEM_EXTENSIONS = ['.mdx', '.md'] as const;
export const POSTMORTEM_GLOB = '*.{md,mdx}';

export function postmortemIdFromPath(file: string): string {
  return path.basename(file).replace(/\.(mdx|md)$/i, '');
}
