import type { OpenTicketCommand, Priority, TicketCommand, TicketKind } from '../src/contracts/index.ts';
import type { CommandHandler } from '../src/commands/handler.ts';
import type { Actor } from '../src/rights/actor.ts';

/** The bench's shorthand over the command handler: each call is one command in its own transaction. */
export class BenchTickets {
  constructor(private readonly commands: CommandHandler) {}

  create(actor: Actor, body: { kind: TicketKind; category: string; room: string; priority: Priority; description: string; assignee?: string; title?: string }) {
    const { room, ...rest } = body;
    const command: OpenTicketCommand = { type: 'open-ticket', ...rest };
    return this.commands.run(actor, { room }, command).ticket;
  }

  act(actor: Actor, id: string, command: TicketCommand) {
    return this.commands.run(actor, { ticket: id }, command);
  }
}
