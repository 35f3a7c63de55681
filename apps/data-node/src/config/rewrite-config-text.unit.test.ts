import { describe, expect, it } from 'vitest';
import { ConfigStore } from './config-store.js';
import { REWRITE_SIGNATURE, rewriteConfigText } from './rewrite-config-text.js';

describe('rewriteConfigText', () => {
  it('keeps comments, unknown lines and order, updating known lines in place', () => {
    const config = new ConfigStore();
    config.set('port', '7000', true);
    config.set('maxmemory', '1mb');
    const old = '# my node\nport 6379\nsome-module-option 42\n\n# memory\nmaxmemory 0\n';
    expect(rewriteConfigText(old, config)).toBe(
      '# my node\nport 7000\nsome-module-option 42\n\n# memory\nmaxmemory 1048576\n',
    );
  });

  it('appends changed directives that were not in the file after the signature, once', () => {
    const config = new ConfigStore();
    config.set('timeout', '30');
    const once = rewriteConfigText('port 6379\n', config);
    expect(once).toBe(`port 6379\n${REWRITE_SIGNATURE}\ntimeout 30\n`);
    config.set('hz', '20');
    expect(rewriteConfigText(once, config)).toBe(`port 6379\n${REWRITE_SIGNATURE}\ntimeout 30\nhz 20\n`);
  });

  it('blanks out later duplicates and maps aliases to their directive', () => {
    const config = new ConfigStore();
    config.set('replica-read-only', 'no');
    expect(rewriteConfigText('slave-read-only yes\nreplica-read-only yes\n', config)).toBe(
      'replica-read-only no\n',
    );
  });

  it('quotes string values and writes multi-word values bare', () => {
    const config = new ConfigStore();
    config.set('requirepass', 'a b"c');
    config.set('save', '3600 1 300 100');
    config.set('client-output-buffer-limit', 'pubsub 1 2 3');
    expect(rewriteConfigText('', config)).toBe(
      [
        REWRITE_SIGNATURE,
        'requirepass "a b\\"c"',
        'client-output-buffer-limit normal 0 0 0 slave 268435456 67108864 60 pubsub 1 2 3',
        'save 3600 1 300 100',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing for a default configuration and an empty file', () => {
    expect(rewriteConfigText('', new ConfigStore())).toBe('');
  });
});
