import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { int, ms, sleep, summarize } from '../bench/stats.ts';
import { checkAfterCrash } from './crash-check.sqlite.ts';
import type { Figures } from './figures.ts';
import { GatewayChild } from './gateway-child.ts';
import { call, signIn } from './http-call.ts';

/**
 * Section 3: the gateway process killed with SIGKILL again and again while parallel HTTP
 * writers open tickets and comment on them. After every kill the database file is opened as
 * the next start would: integrity check ok, hash chain intact, and every write the gateway
 * had answered 2xx is there. Then the gateway starts again on the same folder.
 */
export async function crashSoak(figures: Figures, kills: number, budgetMs: number, writers = 4): Promise<void> {
  const deadline = performance.now() + budgetMs;
  let rounds = 0;
  const dir = mkdtempSync(join(tmpdir(), 'doorside-soak-crash-'));
  const file = join(dir, 'demo.sqlite');
  let acked = 0;
  let lost = 0;
  let badIntegrity = 0;
  let badChain = 0;
  let afterSeq = 0;
  let head = 0;
  const restartMs: number[] = [];
  const firstProblems: string[] = [];
  let cookie = '';
  const rooms = ['r101', 'r102', 'r103', 'r104', 'r105', 'r201', 'r202', 'r203'];
  try {
    for (let round = 0; round < kills && performance.now() < deadline; round++) {
      rounds = round + 1;
      const started = performance.now();
      const gw = await GatewayChild.start({ dataDir: dir });
      restartMs.push(performance.now() - started);
      const base = gw.info.http;
      const hanna = gw.info.credentials.users.find((u) => u.username === 'hanna')!;
      // Sessions live in the database, so the cookie outlives a kill; sign in again only when refused.
      if (!cookie || (await call(base, 'GET', '/api/auth/session', { cookie })).status !== 200) cookie = await signIn(base, 'hanna', hanna.password);

      const done = { tickets: [] as string[], comments: [] as string[] };
      let running = true;
      let killing = false;
      const writer = async (w: number) => {
        let ticket: string | null = null;
        for (let i = 0; running; i++) {
          try {
            if (ticket === null || i % 4 === 0) {
              const res = await call(base, 'POST', '/api/tickets', {
                cookie, body: { kind: 'task', category: 'supplies', room: rooms[(w + i) % rooms.length], description: `Soak ${round}.${w}.${i}` },
              });
              if (res.status !== 201) throw new Error(`create answered ${res.status}: ${JSON.stringify(res.body)}`);
              ticket = res.body.id as string;
              done.tickets.push(ticket);
            } else {
              const text = `soak-${round}-${w}-${i}`;
              const res = await call(base, 'POST', `/api/tickets/${ticket}/comment`, { cookie, body: { text } });
              if (res.status !== 200) throw new Error(`comment answered ${res.status}: ${JSON.stringify(res.body)}`);
              done.comments.push(text);
            }
          } catch (error) {
            // A refused connection or a reset is the kill landing: that write was never acknowledged.
            if (killing) return;
            if (firstProblems.length < 5) firstProblems.push(`round ${round}: ${(error as Error).message}`);
          }
        }
      };
      const work = Array.from({ length: writers }, (_, w) => writer(w));
      await sleep(100 + Math.random() * 250);
      killing = true;
      await gw.kill('SIGKILL');
      running = false;
      await Promise.all(work);

      const after = checkAfterCrash(file, done, afterSeq);
      acked += done.tickets.length + done.comments.length;
      lost += after.missingTickets.length + after.missingComments.length;
      if (after.integrity !== 'ok') badIntegrity += 1;
      if (!after.chain.ok) badChain += 1;
      if ((after.integrity !== 'ok' || !after.chain.ok || after.missingTickets.length + after.missingComments.length > 0) && firstProblems.length < 5) {
        firstProblems.push(`round ${round}: integrity ${after.integrity}, chain ${JSON.stringify(after.chain)}, missing ${[...after.missingTickets, ...after.missingComments].slice(0, 5).join(' ')}`);
      }
      afterSeq = after.head;
      head = after.head;
      if ((round + 1) % 20 === 0) console.log(`  ${round + 1} kills: ${int(acked)} writes acknowledged, ${lost} lost, log head ${int(head)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const problem of firstProblems) console.log(`  problem: ${problem}`);
  const restart = summarize(restartMs);
  const section = '3';
  figures.add({ section, measure: `SIGKILLs of the gateway under ${writers} parallel HTTP writers`, value: `${int(rounds)}${rounds < kills ? ` (time budget of ${budgetMs / 1000} s reached)` : ''}`, target: '200', pass: rounds >= 200 });
  figures.add({ section, measure: 'acknowledged writes lost', value: `${lost} of ${int(acked)}`, target: '0', pass: lost === 0 });
  figures.add({ section, measure: 'PRAGMA integrity_check not ok', value: `${badIntegrity} of ${rounds}`, target: '0', pass: badIntegrity === 0 });
  figures.add({ section, measure: 'hash chain verify failed', value: `${badChain} of ${rounds} (final log ${int(head)} events)`, target: '0', pass: badChain === 0 });
  figures.add({ section, measure: 'gateway restart time (p50 / max)', value: `${ms(restart.p50, 0)} / ${ms(restart.max, 0)}`, target: 'recorded', pass: null });
}
