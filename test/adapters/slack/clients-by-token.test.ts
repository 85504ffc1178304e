import { describe, expect, it } from 'vitest';
import { ClientsByToken } from '../../../adapters/slack/clients-by-token.js';

describe('Web API clients kept by token', () => {
  it("builds a workspace's client once and gives the same one back for its next messages", () => {
    const built: string[] = [];
    const clients = new ClientsByToken((token) => (built.push(token), { token }));
    const first = clients.get('xoxb-team-1');
    expect(clients.get('xoxb-team-1')).toBe(first);
    expect(clients.get('xoxb-team-2')).not.toBe(first);
    expect(built).toEqual(['xoxb-team-1', 'xoxb-team-2']);
  });

  it('keeps at most its limit, dropping the token used longest ago (a reinstall brings a new token)', () => {
    const built: string[] = [];
    const clients = new ClientsByToken((token) => (built.push(token), { token }), 2);
    clients.get('a');
    clients.get('b');
    clients.get('a'); // used again: now b is the oldest
    clients.get('c');
    clients.get('a');
    clients.get('b');
    expect(built).toEqual(['a', 'b', 'c', 'b']);
  });
});
