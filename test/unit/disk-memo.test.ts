import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskMemo } from '../../src/lib/disk-memo';
import { testTempDir } from '../helpers/build-site';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const folder = () => (dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-memo-')));

describe('DiskMemo', () => {
  it('computes a text once, then reads the result back in a later build', () => {
    const at = folder();
    let calls = 0;
    const upper = (text: string) => () => (calls++, { upper: text.toUpperCase() });
    const first = new DiskMemo<{ upper: string }>(at, 'v1');
    expect(first.get('disk', upper('disk'))).toEqual({ upper: 'DISK' });
    const second = new DiskMemo<{ upper: string }>(at, 'v1');
    expect(second.get('disk', upper('disk'))).toEqual({ upper: 'DISK' });
    expect(second.get('pool', upper('pool'))).toEqual({ upper: 'POOL' });
    expect(calls).toBe(2);
    expect([second.hits, second.misses]).toEqual([1, 1]);
  });

  it('computes again under another version, and prunes what a build did not ask for', () => {
    const at = folder();
    const first = new DiskMemo<number>(at, 'v1');
    first.get('a', () => 1);
    first.get('b', () => 2);
    const next = new DiskMemo<number>(at, 'v2');
    expect(next.get('a', () => 10)).toBe(10);
    next.prune();
    expect(fs.readdirSync(at)).toHaveLength(1);
  });

  it('computes again when a kept result cannot be read', () => {
    const at = folder();
    new DiskMemo<number>(at, 'v1').get('a', () => 1);
    for (const name of fs.readdirSync(at)) fs.writeFileSync(path.join(at, name), '{broken');
    expect(new DiskMemo<number>(at, 'v1').get('a', () => 2)).toBe(2);
  });
});
