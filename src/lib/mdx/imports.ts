import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

/**
 * What Vite tries, in order, for an import without an extension. MDX modules are compiled as
 * TypeScript (`lang: 'ts'`), so `./x.js` may also name `./x.ts`, as in Vite.
 */
const EXTENSIONS = ['.mjs', '.js', '.mts', '.ts', '.jsx', '.tsx', '.json'];
const TS_FOR_JS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
};

const isFile = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
const isDirectory = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;

function fileExists(target: string): boolean {
  if (isFile(target)) return true;
  const ext = path.extname(target);
  const base = target.slice(0, target.length - ext.length);
  if ((TS_FOR_JS[ext] ?? []).some((alt) => isFile(base + alt))) return true;
  if (EXTENSIONS.some((alt) => isFile(target + alt))) return true;
  return (
    isDirectory(target) &&
    ['package.json', ...EXTENSIONS.map((e) => `index${e}`)].some((f) => isFile(path.join(target, f)))
  );
}

function packageInstalled(specifier: string, fromFile: string): boolean {
  try {
    createRequire(fromFile).resolve(specifier);
    return true;
  } catch (error) {
    // Installed, but only for `import`: require cannot follow its exports, Vite can.
    return (error as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
}

/**
 * Why `specifier`, imported by the MDX file `fromFile`, would not resolve in the build, or
 * undefined when it would. Follows Vite's rules for files (extensions, `index` files, `/` from
 * the project root) and Node's for packages; `astro:` modules are Astro's own.
 */
export function importProblem(specifier: string, fromFile: string, projectRoot: string): string | undefined {
  const bare = specifier.replace(/[?#].*$/, '');
  if (bare.startsWith('astro:') || bare.startsWith('node:') || builtinModules.includes(bare))
    return undefined;
  const dir = path.dirname(fromFile);
  const shown = (target: string) => path.relative(process.cwd(), target) || target;
  if (bare.startsWith('.')) {
    const target = path.resolve(dir, bare);
    if (fileExists(target)) return undefined;
    return `cannot import "${specifier}": there is no ${shown(target)}. A path starting with ./ or ../ is relative to this file's folder`;
  }
  if (bare.startsWith('/')) {
    const fromRoot = path.join(projectRoot, bare);
    if (fileExists(fromRoot) || fileExists(bare)) return undefined;
    return `cannot import "${specifier}": there is no ${shown(fromRoot)}. A path starting with / is relative to the project folder`;
  }
  // @astrojs/mdx tries a bare name as a relative path when no package has it.
  if (packageInstalled(bare, fromFile) || fileExists(path.resolve(dir, bare))) return undefined;
  return `cannot import "${specifier}": no package of that name is installed and there is no such file next to this one. Add the package to package.json, or import a file with a path starting with ./ or ../`;
}
