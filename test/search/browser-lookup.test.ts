import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_PATHS, findBrowser, INSTALL_HELP } from '../helpers/browser';
import { testTempDir } from '../helpers/build-site';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-browsers-'));
});
const fake = (name: string, mode = 0o755) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, mode);
  return file;
};
afterAll(() => fs.rmSync(dir, { recursive: true }));

describe('findBrowser', () => {
  it('looks where Debian, Ubuntu and Chrome install, in that order', () => {
    expect(BROWSER_PATHS).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
    ]);
  });

  it('prefers CHROME_PATH', () => {
    const chrome = fake('chrome');
    expect(findBrowser({ CHROME_PATH: chrome }, [fake('chromium')])).toEqual({ path: chrome });
  });

  it('reports a CHROME_PATH that is not there instead of falling back', () => {
    const result = findBrowser({ CHROME_PATH: path.join(dir, 'missing') }, [fake('other')]);
    expect(result.path).toBeUndefined();
    expect(result.problem).toContain('CHROME_PATH is set to');
    expect(result.problem).toContain(INSTALL_HELP);
  });

  it('takes the first candidate that is an executable file', () => {
    const notExecutable = fake('plain', 0o644);
    const second = fake('chromium-browser');
    expect(findBrowser({}, [path.join(dir, 'absent'), notExecutable, dir, second])).toEqual({ path: second });
  });

  it('says how to install a browser when there is none', () => {
    const result = findBrowser({}, [path.join(dir, 'absent')]);
    expect(result).toEqual({ problem: INSTALL_HELP });
    expect(INSTALL_HELP).toMatch(/apt-get install chromium/);
    expect(INSTALL_HELP).toMatch(/CHROME_PATH/);
  });
});
