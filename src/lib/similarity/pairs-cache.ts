import fs from 'node:fs';
import { writeAtomically } from '../cache-files';
import { ScoredPairs, type PairsCache } from './similar';

/**
 * The last build's similar-incident pairs, in one file under Astro's cache folder: a line of
 * JSON (the key and the number of pairs), then the four columns as raw bytes. Only the newest
 * pairs are kept; a key that differs, a short file or a foreign one reads as nothing, so the
 * pairs are computed again.
 */
export function pairsCacheFile(file: string): PairsCache {
  return {
    read(key) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        return undefined;
      }
      const end = bytes.indexOf(0x0a);
      if (end < 0) return undefined;
      let header: unknown;
      try {
        header = JSON.parse(bytes.subarray(0, end).toString('utf8'));
      } catch {
        return undefined;
      }
      if (!isHeader(header) || header.key !== key) return undefined;
      const n = header.pairs;
      const body = bytes.subarray(end + 1);
      if (body.length !== n * BYTES_PER_PAIR) return undefined;
      // Copied into fresh buffers, which are aligned for 8-byte numbers; the file's bytes need not be.
      const column = (from: number, size: number) => {
        const copy = new Uint8Array(n * size);
        copy.set(body.subarray(from, from + n * size));
        return copy.buffer;
      };
      return ScoredPairs.fromColumns({
        a: new Int32Array(column(0, 4)),
        b: new Int32Array(column(n * 4, 4)),
        score: new Float64Array(column(n * 8, 8)),
        text: new Float64Array(column(n * 16, 8)),
      });
    },
    write(key, pairs) {
      const { a, b, score, text } = pairs.columns();
      const header = Buffer.from(`${JSON.stringify({ format: FORMAT, key, pairs: a.length })}\n`);
      const columns = [a, b, score, text].map((column) =>
        Buffer.from(column.buffer, column.byteOffset, column.byteLength),
      );
      writeAtomically(file, Buffer.concat([header, ...columns]));
    },
  };
}

const FORMAT = 'hindsight-similarity-pairs/1';
/** Two 4-byte incident numbers and two 8-byte scores. */
const BYTES_PER_PAIR = 4 + 4 + 8 + 8;

function isHeader(value: unknown): value is { format: string; key: string; pairs: number } {
  if (!value || typeof value !== 'object') return false;
  const { format, key, pairs } = value as Record<string, unknown>;
  return format === FORMAT && typeof key === 'string' && Number.isInteger(pairs) && (pairs as number) >= 0;
}
