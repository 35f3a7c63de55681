import { describe, expect, it } from 'vitest';
import { handshakeCommandName, handshakeCommands } from './handshake.js';

describe('handshakeCommands', () => {
  it('sends nothing for a RESP2 connection without credentials, name or READONLY', () => {
    expect(handshakeCommands({ protocol: 2, readOnly: false })).toEqual([]);
  });

  it('sends AUTH, CLIENT SETNAME, then READONLY with RESP2', () => {
    expect(handshakeCommands({ protocol: 2, password: 'pw', clientName: 'worker', readOnly: true })).toEqual([
      ['AUTH', 'pw'],
      ['CLIENT', 'SETNAME', 'worker'],
      ['READONLY'],
    ]);
    expect(handshakeCommands({ protocol: 2, username: 'ops', password: 'pw', readOnly: false })).toEqual([
      ['AUTH', 'ops', 'pw'],
    ]);
  });

  it('folds credentials and the name into HELLO 3 with RESP3', () => {
    expect(handshakeCommands({ protocol: 3, password: 'pw', clientName: 'cli', readOnly: true })).toEqual([
      ['HELLO', '3', 'AUTH', 'default', 'pw', 'SETNAME', 'cli'],
      ['READONLY'],
    ]);
    expect(handshakeCommands({ protocol: 3, readOnly: false })).toEqual([['HELLO', '3']]);
  });

  it('names handshake commands without their arguments (which hold credentials)', () => {
    expect(handshakeCommandName(['AUTH', 'secret'])).toBe('AUTH');
    expect(handshakeCommandName(['CLIENT', 'SETNAME', 'x'])).toBe('CLIENT SETNAME');
  });
});
