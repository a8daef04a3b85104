import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteTimeZone, timeZoneInConfigSource } from '../../src/lib/check/site-time-zone';
import { testTempDir } from '../helpers/build-site';

const config = (options: string) =>
  `import { defineConfig } from 'astro/config';\nimport { hindsight } from './src/integrations/hindsight.ts';\n\nexport default defineConfig({\n  integrations: [\n    hindsight(${options}),\n  ],\n});\n`;

describe('timeZoneInConfigSource', () => {
  it('reads a literal timezone option of hindsight(), however it is quoted', () => {
    expect(timeZoneInConfigSource(config("{ title: 'Acme', timezone: 'Europe/Berlin' }"))).toBe(
      'Europe/Berlin',
    );
    expect(timeZoneInConfigSource(config('{ "timezone": "America/New_York" }'))).toBe('America/New_York');
  });

  it('finds nothing when the option is missing, computed, or the file is not plain JavaScript', () => {
    expect(timeZoneInConfigSource(config("{ title: 'Acme' }"))).toBeUndefined();
    expect(timeZoneInConfigSource(config(''))).toBeUndefined();
    expect(timeZoneInConfigSource(config('{ timezone: process.env.TZ }'))).toBeUndefined();
    expect(timeZoneInConfigSource(config('{ timezone: `Asia/Tokyo` }'))).toBeUndefined();
    expect(timeZoneInConfigSource(config("{ timezone: 'UTC' as string }"))).toBeUndefined();
    expect(timeZoneInConfigSource("other({ timezone: 'Europe/Paris' })")).toBeUndefined();
  });
});

describe('siteTimeZone', () => {
  const project = (file: string, text: string) => {
    const dir = fs.mkdtempSync(path.join(testTempDir(), 'site-zone-'));
    fs.writeFileSync(path.join(dir, file), text);
    return dir;
  };

  it("is the zone in the project's astro.config.mjs or .js", () => {
    expect(siteTimeZone(project('astro.config.mjs', config("{ timezone: 'Europe/Berlin' }")))).toBe(
      'Europe/Berlin',
    );
    expect(siteTimeZone(project('astro.config.js', config("{ timezone: 'Asia/Kolkata' }")))).toBe(
      'Asia/Kolkata',
    );
  });

  it('is UTC, the option default, without a config, without the option, or with a zone that does not exist', () => {
    expect(siteTimeZone(fs.mkdtempSync(path.join(testTempDir(), 'site-zone-')))).toBe('UTC');
    expect(siteTimeZone(project('astro.config.mjs', config('{}')))).toBe('UTC');
    expect(siteTimeZone(project('astro.config.mjs', config("{ timezone: 'Mars/Olympus' }")))).toBe('UTC');
  });
});
