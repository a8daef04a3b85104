import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/corpus';
import { CAUSES } from '../../bench/corpus/vocabulary';
import { runCheck } from '../../src/lib/check';
import { checkContent } from '../../src/lib/content-check';
import { ids, loadTaxonomy } from '../../src/lib/taxonomy';
import { testTempDir } from '../helpers/build-site';

const tempDir = () => fs.mkdtempSync(path.join(testTempDir(), 'hindsight-bench-corpus-'));

/** The bytes of every file under `dir`, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = fs.readFileSync(file, 'utf8');
  }
  return files;
}

const bodyWords = (text: string) => (text.split(/^---$/m)[2] ?? '').split(/\s+/).filter(Boolean).length;

describe('the benchmark corpus', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', async () => {
    const [first, second, other] = [tempDir(), tempDir(), tempDir()];
    await writeCorpus(first, { count: 30, seed: 7 });
    await writeCorpus(second, { count: 30, seed: 7 });
    await writeCorpus(other, { count: 30, seed: 8 });
    const files = snapshot(first);
    expect(Object.keys(files).filter((name) => name.startsWith('postmortems'))).toHaveLength(30);
    expect(snapshot(second)).toEqual(files);
    expect(snapshot(other)).not.toEqual(files);
  });

  it.each(['mdx', 'md'] as const)(
    'writes %s postmortems that pass the check with no error or warning',
    async (format) => {
      const dir = tempDir();
      const written = await writeCorpus(dir, { count: 50, seed: 3, format });
      expect(written.every((file) => file.endsWith(`.${format}`))).toBe(true);
      const report = runCheck({ contentRoot: dir });
      expect(report.files).toHaveLength(50);
      expect(report.problems).toEqual([]);
      // What the build publishes: every file passes the schema, none is dropped.
      expect(checkContent(dir).postmortems).toHaveLength(50);
    },
  );

  it('uses only root causes of the default taxonomy it writes', async () => {
    const dir = tempDir();
    await writeCorpus(dir, { count: 1, seed: 1 });
    expect(Object.keys(CAUSES).sort()).toEqual(ids(loadTaxonomy(dir).rootCauses).sort());
  });

  it('varies what a collection varies: length, services, severities, links, public ones', () => {
    const files = generateCorpus({ count: 400, seed: 1 });
    const words = files.map((file) => bodyWords(file.text)).sort((a, b) => a - b);
    expect(words[0]).toBeGreaterThanOrEqual(300);
    expect(words.at(-1)).toBeLessThanOrEqual(1200);
    const median = words[words.length / 2] ?? 0;
    expect(median).toBeGreaterThan(560);
    expect(median).toBeLessThan(700);

    const services = files.flatMap(
      (file) => /^services:\n((?:\s+- .+\n)+)/m.exec(file.text)?.[1]?.match(/- (.+)/g) ?? [],
    );
    const uses = new Map<string, number>();
    for (const service of services) uses.set(service, (uses.get(service) ?? 0) + 1);
    const counts = [...uses.values()].sort((a, b) => b - a);
    // Long-tailed: a few services in many incidents, many in one or two.
    expect(uses.size).toBeGreaterThan(60);
    expect(counts[0]).toBeGreaterThan(20);
    expect(counts.filter((count) => count <= 2).length).toBeGreaterThan(20);

    for (const severity of ['SEV1', 'SEV2', 'SEV3', 'SEV4']) {
      expect(files.some((file) => file.text.includes(`\nseverity: ${severity}\n`))).toBe(true);
    }
    expect(files.filter((file) => file.text.includes('\nvisibility: public\n')).length).toBeGreaterThan(20);
    expect(files.filter((file) => file.text.includes('\nrelated:\n')).length).toBeGreaterThan(50);
    expect(files.filter((file) => file.text.includes('kind: misleading')).length).toBeGreaterThan(100);
  });
});
