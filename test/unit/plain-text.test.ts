import { describe, expect, it } from 'vitest';
import { controlCharacterProblem, escapeHtml, plainText } from '../../src/lib/plain-text';

describe('plainText', () => {
  it('drops terminal colour codes whole, not just their escape character', () => {
    expect(plainText('Disk \u001b[31mFAILED\u001b[0m on node 3')).toBe('Disk FAILED on node 3');
    expect(plainText('bold \u001b[1;32mgreen\u001b[m')).toBe('bold green');
  });

  it('drops the control characters XML forbids and keeps tab, line feed and carriage return', () => {
    expect(plainText('a\u0000b\u0007c\u000bd\u000ce\u001ff\u007fg\u0085h')).toBe('abcdefgh');
    expect(plainText('one\ttwo\nthree\r\nfour')).toBe('one\ttwo\nthree\r\nfour');
  });

  it('drops the noncharacters U+FFFE and U+FFFF and unpaired surrogate halves', () => {
    expect(plainText('a\ufffeb\uffffc')).toBe('abc');
    expect(plainText('lone \ud800 high, lone \udc00 low')).toBe('lone  high, lone  low');
  });

  it('keeps markup, quotes, right-to-left text and emoji, joiners and all', () => {
    const text = `<script>alert(1)</script> & "q" 'q' انقطاع תקלה 👩🏽‍💻 \u200f`;
    expect(plainText(text)).toBe(text);
  });
});

describe('escapeHtml', () => {
  it('escapes what could open a tag, an entity or end an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & &amp;`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; &amp;amp;',
    );
  });

  it('leaves other text as it is', () => {
    expect(escapeHtml('Mail 📧 down for an hour')).toBe('Mail 📧 down for an hour');
  });
});

describe('controlCharacterProblem', () => {
  it('names a terminal colour code as one, as the author would see it', () => {
    expect(controlCharacterProblem('Disk \u001b[31mFAILED\u001b[0m')).toBe(
      'contains a terminal colour code (ESC[31m); paste the text without colours',
    );
  });

  it('names another terminal escape sequence', () => {
    expect(controlCharacterProblem('progress\u001b[2K done')).toBe(
      'contains a terminal escape sequence (ESC[2K); paste the text without it',
    );
  });

  it('names any other control character by code point, name and place', () => {
    expect(controlCharacterProblem('ding\u0007')).toBe(
      'contains the invisible control character U+0007 (bell) at character 5; delete it',
    );
    expect(controlCharacterProblem('a\u0085b')).toBe(
      'contains the invisible control character U+0085 at character 2; delete it',
    );
  });

  it('accepts tab, line breaks, right-to-left text and emoji', () => {
    expect(controlCharacterProblem('one\ttwo\nthree\r\n انقطاع 👩🏽‍💻')).toBeUndefined();
  });
});
