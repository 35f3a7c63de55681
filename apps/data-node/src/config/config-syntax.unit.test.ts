import { describe, expect, it } from 'vitest';
import { parseConfigText, splitConfigLine } from './config-syntax.js';
import { quote } from './rewrite-config-text.js';

describe('splitConfigLine', () => {
  it('splits on spaces and honours both kinds of quotes', () => {
    expect(splitConfigLine('save 3600 1  300 100')).toEqual(['save', '3600', '1', '300', '100']);
    expect(splitConfigLine('requirepass "a b\\"c"')).toEqual(['requirepass', 'a b"c']);
    expect(splitConfigLine("dir '/tmp/it\\'s'")).toEqual(['dir', "/tmp/it's"]);
    expect(splitConfigLine('logfile ""')).toEqual(['logfile', '']);
  });

  it('decodes C escapes and \\xHH in double quotes', () => {
    expect(splitConfigLine('x "\\n\\t\\x41\\x7e"')).toEqual(['x', '\n\tA~']);
  });

  it('rejects unbalanced quotes and text glued to a closing quote', () => {
    expect(splitConfigLine('requirepass "abc')).toBeNull();
    expect(splitConfigLine('requirepass "abc"def')).toBeNull();
  });

  it('reads back what quote() writes, for any bytes', () => {
    for (let c = 0; c < 256; c++) {
      const value = `a${String.fromCharCode(c)}b`;
      expect(splitConfigLine(`requirepass ${quote(value)}`)).toEqual(['requirepass', value]);
    }
  });
});

describe('parseConfigText', () => {
  it('skips comments and blank lines and reports the line of unbalanced quotes', () => {
    expect(parseConfigText('# comment\n\nport 7000\r\nbind 127.0.0.1 ::1\n', 'f')).toEqual([
      ['port', '7000'],
      ['bind', '127.0.0.1', '::1'],
    ]);
    expect(() => parseConfigText('port 1\nrequirepass "x\n', 'redis.conf')).toThrow(
      'redis.conf:2: Unbalanced quotes in configuration line',
    );
  });
});
