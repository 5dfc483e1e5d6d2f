import { LogGenerator } from './log-generator.ts';

/**
 * The bench's load, in a child process on the other core, speaking HTTP like the agent:
 *   catch-up: the whole queued log of one site, made before the clock starts, sent one
 *             batch in flight at a time;
 *   live:     another site's small batches every 100 ms until told to stop, each timed.
 * Reports to the parent over IPC.
 */
interface Args { mode: 'catch-up' | 'live'; url: string; site: string; key: string; total: number; batch: number; head?: { seq: number; hash: string } }

const args = JSON.parse(process.argv[2]!) as Args;

async function postBody(body: string | Uint8Array<ArrayBuffer>): Promise<{ status: number; body: string }> {
  const response = await fetch(`${args.url}/api/sites/${args.site}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${args.key}` },
    body,
  });
  return { status: response.status, body: await response.text() };
}

const post = (events: unknown[], after: number, head: unknown) => postBody(JSON.stringify({ after, events, head }));

async function catchUp(): Promise<void> {
  // The gateway already holds the whole log: every batch body is made before the clock starts,
  // so the client's own hashing and serialising never paces the server.
  const head = args.head!;
  const gen = new LogGenerator(args.site);
  const utf8 = new TextEncoder();
  const bodies: Uint8Array<ArrayBuffer>[] = [];
  for (let after = 0; after < args.total; after += args.batch) {
    bodies.push(utf8.encode(JSON.stringify({ after, events: gen.next(Math.min(args.batch, args.total - after)), head })));
  }
  process.send!({ kind: 'ready' });
  await new Promise((resolve) => process.once('message', resolve));
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  for (const [i, body] of bodies.entries()) {
    const answer = await postBody(body);
    if (answer.status !== 200) throw new Error(`batch ${i}: ${answer.status} ${answer.body.slice(0, 300)}`);
    bodies[i] = new Uint8Array(0);
  }
  const cpu = process.cpuUsage(cpu0);
  process.send!({ kind: 'done', seconds: (performance.now() - started) / 1000, events: args.total, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
}

async function live(): Promise<void> {
  const gen = new LogGenerator(args.site);
  const latencies: number[] = [];
  let stop = false;
  process.on('message', () => { stop = true; });
  process.send!({ kind: 'ready' });
  while (!stop) {
    const after = gen.head.seq;
    const events = gen.next(1 + (after % 3));
    const t0 = performance.now();
    const answer = await post(events, after, gen.head);
    latencies.push(performance.now() - t0);
    if (answer.status !== 200) throw new Error(`live batch after ${after}: ${answer.status} ${answer.body.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.send!({ kind: 'done', latencies, events: gen.head.seq });
}

await (args.mode === 'catch-up' ? catchUp() : live());
process.disconnect?.();
