import type { SessionCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { sessionExpiry } from '../contracts/index.ts';
import { tokenDigest } from './token.ts';

/**
 * A session opened once a password or PIN was checked: the cookie gets a random token, the
 * store only its digest, and the log names who signed in. Signing out ends it the same way,
 * so whoever holds a socket opened by that session hears of it after the commit.
 */
export const sessionCommands: CommandModule<SessionCommand> = {
  types: ['open-session', 'close-session'],

  run(store, { target, command, at, newToken }) {
    if (command.type === 'close-session') {
      // The token is the proof: whoever holds it may end its session; an unknown one ends nothing.
      const session = store.sessions.find(command.token, at);
      if (!session) return { changes: [], result: { closed: false } };
      const state = session.kind === 'panel' ? { kind: 'panel' as const, role: 'panel', room: session.room ?? '' } : { kind: session.kind, role: session.role };
      return {
        changes: [{ entity: 'session', type: 'session-closed', state, session: { subject: session.subject, tokenDigest: tokenDigest(command.token) } }],
        result: { closed: true },
      };
    }
    const subject = 'user' in target ? target.user : (target as { panel: string }).panel;
    const token = newToken(32);
    const expiresAt = sessionExpiry(command.kind, at);
    const state = command.kind === 'panel' ? { kind: 'panel' as const, role: 'panel', room: subject } : { kind: 'user' as const, role: command.role };
    return {
      changes: [{ entity: 'session', type: 'session-opened', state, session: { subject, tokenDigest: tokenDigest(token), expiresAt } }],
      result: { token, expiresAt },
    };
  },
};
