import { closeAll, openConnections, runStorm, type StormJob } from './storm-signs.ts';

/**
 * The storm's client process (forked by storm-client.ts), so the 2,000 signs use the other
 * core, not the broker's. It keeps its connections open between requests: storm, count, close.
 */
type Request = { seq: number } & ({ cmd: 'storm'; job: StormJob } | { cmd: 'count' } | { cmd: 'close' });

process.on('message', (request: Request) => {
  const work = request.cmd === 'storm' ? runStorm(request.job) : request.cmd === 'count' ? Promise.resolve(openConnections()) : closeAll();
  work.then(
    (result) => process.send!({ seq: request.seq, result }),
    (error: unknown) => process.send!({ seq: request.seq, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
