import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const run = promisify(execFile);
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

/** The shell block of the README's "Try it by hand", one command per entry (continuation lines joined). */
function handCommands(): string[] {
  const section = readme.slice(readme.indexOf('## Try it by hand'), readme.indexOf('## The pages'));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const walk = blocks.find((b) => b.includes('curl'))!;
  return walk.replace(/\\\n\s*/g, ' ').split('\n').filter((line) => line.trim().startsWith('curl'));
}

/** Splits one README command line into curl's arguments, honouring its single and double quotes. */
function argv(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!).slice(1);
}

describe.skipIf(process.platform === 'win32')('the README walk-through, as written, on the demo site', { timeout: 60_000 }, () => {
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway({ demoInquiries: true }); });
  afterAll(async () => { await gw?.stop(); });

  it('reports, assigns, works and rejects the ticket the report opened, and the room goes Do Not Use', async () => {
    const commands = handCommands();
    expect(commands.length).toBeGreaterThanOrEqual(7);
    const password = (user: string) => gw.creds.users.find((u) => u.username === user)!.password;
    const answers: unknown[] = [];
    for (const line of commands) {
      const login = /"username":"(\w+)"/.exec(line)?.[1];
      const filled = line
        .replace('<reportApi of r102>', gw.creds.rooms.find((r) => r.id === 'r102')!.reportApi)
        .replace('<pw>', login ? password(login) : '')
        .replace('<pin>', gw.creds.panels.find((p) => p.room === 'r102')!.pin)
        .replaceAll('http://127.0.0.1:8080', gw.http);
      const { stdout } = await run('curl', argv(filled), { cwd: gw.dir });
      answers.push(JSON.parse(stdout));
    }
    const opened = (answers[0] as { ticket: { id: string } }).ticket.id;
    const rejected = answers.at(-1) as { ticket: { id: string; status: string }; room: { status: string; ticket: string } };
    expect(rejected.ticket.id).toBe(opened);
    expect(rejected.ticket.status).toBe('escalated');
    expect(rejected.room).toMatchObject({ status: 'do_not_use', ticket: opened });
  });
});
