import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../src/lib/leak-check/site-files';

/** Every file of a built folder with a hash of its bytes. */
export function siteTree(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** The files that differ between two built folders, each said in a line. */
export function treeDifferences(first: Map<string, string>, second: Map<string, string>): string[] {
  return [...new Set([...first.keys(), ...second.keys()])]
    .filter((file) => first.get(file) !== second.get(file))
    .map((file) =>
      first.has(file) && second.has(file)
        ? `${file} differs`
        : `${file} is only in the ${first.has(file) ? 'first' : 'second'} build`,
    );
}
