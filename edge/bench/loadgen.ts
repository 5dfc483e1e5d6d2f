import { type CannonJob, runCannon } from './cannon.ts';
import { runTap, stopTap, type TapJob } from './tap.ts';

/**
 * The load generator's process: it runs on its own core, so the client's CPU is never
 * taken from the server under test. Jobs arrive over IPC and are answered one by one.
 */
export type Job = CannonJob | TapJob;

process.on('message', (message: { seq: number; job: Job } | { stopTap: string }) => {
  if ('stopTap' in message) return stopTap(message.stopTap);
  const { seq, job } = message;
  const work = job.kind === 'cannon' ? runCannon(job) : runTap(job);
  work.then(
    (result) => process.send!({ seq, result }),
    (error: unknown) => process.send!({ seq, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
