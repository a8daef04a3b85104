import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** A built file as the check reads it. */
export interface SiteFile {
  /** Path relative to the built site, with `/` separators, such as `pagefind/fragment/en_1.pf_fragment`. */
  path: string;
  /** Its text, decompressed when it was compressed. */
  text: string;
  /** How it was stored, when not as plain bytes: `gzip` (Pagefind's index files) or `brotli`. */
  compression?: 'gzip' | 'brotli';
}

/** gzip's magic bytes. Pagefind's `.pf_fragment`, `.pf_index`, `.pf_filter` and `.pf_meta` start with them. */
const isGzip = (bytes: Buffer) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Nested compression deeper than this is not unpacked further; a real site has one level
 * (Pagefind), so a deeper one is not hidden by it either: its bytes are still read.
 */
const MAX_LAYERS = 3;

/**
 * The bytes a file stands for. gzip is recognised by its magic bytes whatever the name (a
 * fragment's `.pf_fragment`, a host's pre-compressed `.gz`); brotli has none, so `.br` files
 * are tried by name. Bytes that do not decompress are read as they are.
 */
export function unpack(bytes: Buffer, name: string): { bytes: Buffer; compression?: 'gzip' | 'brotli' } {
  let current = bytes;
  let compression: 'gzip' | 'brotli' | undefined;
  if (name.endsWith('.br')) {
    try {
      current = zlib.brotliDecompressSync(current);
      compression = 'brotli';
    } catch {
      // Not brotli after all: read the bytes themselves.
    }
  }
  for (let layer = 0; layer < MAX_LAYERS && isGzip(current); layer++) {
    try {
      current = zlib.gunzipSync(current);
      compression ??= 'gzip';
    } catch {
      break;
    }
  }
  return compression ? { bytes: current, compression } : { bytes: current };
}

/** Every file under `dir`, relative and with `/` separators, in name order. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    const entries = fs.readdirSync(path.join(dir, relative), { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      // A symbolic link is followed for files only, so a link to a parent cannot loop.
      const stat = entry.isSymbolicLink() ? fs.statSync(path.join(dir, child)) : entry;
      if (stat.isDirectory() && !entry.isSymbolicLink()) visit(child);
      else if (stat.isFile()) found.push(child);
    }
  };
  visit('');
  return found;
}

/** Reads one built file (see `unpack`); images and other binaries come back as mostly noise. */
export function readSiteFile(dir: string, relative: string): SiteFile {
  const unpacked = unpack(fs.readFileSync(path.join(dir, relative)), relative);
  const text = unpacked.bytes.toString('utf8');
  return unpacked.compression
    ? { path: relative, text, compression: unpacked.compression }
    : { path: relative, text };
}
