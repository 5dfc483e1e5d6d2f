import type { SessionCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { sessionExpiry } from '../contracts/index.ts';
import { tokenDigest } from './token.ts';

/**
 * A session opened once a password or PIN was checked: the cookie gets a random token, the
 * store only its digest, and the log names who signed in.
 */
export const sessionCommands: CommandModule<SessionCommand> = {
  types: ['open-session'],

  run(_store, { target, command, at, newToken }) {
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
