import { describe, expect, it } from 'vitest';
import { globMatch } from './glob-match.js';

describe('globMatch', () => {
  it('matches *, ? and literal bytes', () => {
    expect(globMatch('h*llo', 'heeeello')).toBe(true);
    expect(globMatch('h*llo', 'hllo')).toBe(true);
    expect(globMatch('h?llo', 'hello')).toBe(true);
    expect(globMatch('h?llo', 'hllo')).toBe(false);
    expect(globMatch('*', 'anything')).toBe(true);
    expect(globMatch('a*b*c', 'aXbYc')).toBe(true);
    expect(globMatch('a*b*c', 'aXbY')).toBe(false);
    expect(globMatch('abc', 'abcd')).toBe(false);
  });

  it('matches classes, negated classes and ranges', () => {
    expect(globMatch('h[ae]llo', 'hallo')).toBe(true);
    expect(globMatch('h[ae]llo', 'hillo')).toBe(false);
    expect(globMatch('h[^e]llo', 'hallo')).toBe(true);
    expect(globMatch('h[^e]llo', 'hello')).toBe(false);
    expect(globMatch('h[a-b]llo', 'hbllo')).toBe(true);
    expect(globMatch('h[b-a]llo', 'hallo')).toBe(true);
    expect(globMatch('[\\]]', ']')).toBe(true);
  });

  it('keeps Redis quirks: empty strings, unterminated classes, [a-] ranges, signed bytes', () => {
    expect(globMatch('*', '')).toBe(false);
    expect(globMatch('', '')).toBe(true);
    expect(globMatch('[abc', 'c')).toBe(true);
    expect(globMatch('[', '[')).toBe(false);
    expect(globMatch('[^', 'x')).toBe(true);
    expect(globMatch('[a-]x', ']x')).toBe(false); // the range a..] swallows the ']' and 'x'
    expect(globMatch('[a-]', 'b')).toBe(false);
    expect(globMatch('[a-]', '\\')).toBe(false);
    expect(globMatch('x[a-\u00ff]', 'xb')).toBe(false); // 0xff is -1 as a C char: the range is -1..'a'
    expect(globMatch('x[\u0080-\u00ff]', 'x\u00e0')).toBe(true);
    expect(globMatch('a\\', 'a\\')).toBe(true);
    expect(globMatch('\\*', '*')).toBe(true);
    expect(globMatch('\\*', 'x')).toBe(false);
  });

  it('compares case-insensitively on request, ASCII only, escapes inside classes excepted', () => {
    expect(globMatch('HeLLo', 'hello', true)).toBe(true);
    expect(globMatch('[A-C]', 'b', true)).toBe(true);
    expect(globMatch('\u00c0', '\u00e0', true)).toBe(false);
    expect(globMatch('[\\A]', 'a', true)).toBe(false);
  });

  it('gives up past 1000 nested stars, as Redis 7.0 does', () => {
    const text = 'a'.repeat(1100);
    expect(globMatch('*a'.repeat(1000), text)).toBe(true);
    expect(globMatch('*a'.repeat(1001), text)).toBe(false);
    expect(globMatch('*' + '?*'.repeat(1000), text)).toBe(true);
    expect(globMatch('a*'.repeat(1001), text)).toBe(true);
  });

  it('answers hostile patterns (CVE-2022-36021) without backtracking blow-up', () => {
    const text = 'a'.repeat(5000);
    expect(globMatch('*a'.repeat(200) + 'b', text)).toBe(false);
    expect(globMatch('*a]'.repeat(500), 'a]'.repeat(2000))).toBe(true);
    expect(globMatch('*[a]*[a]*[a]*[a]*[a]*[a]*[a]*[a]*[a]*b', text)).toBe(false);
  });
});
