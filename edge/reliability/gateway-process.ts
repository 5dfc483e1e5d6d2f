import { startGateway } from '../src/gateway.ts';
import type { ReportLimits } from '../src/rooms/report-rate-limit.ts';

/**
 * A gateway in its own process (forked by gateway-child.ts), so a run can kill it with
 * SIGKILL or read its memory apart from the load. Options arrive as JSON in argv[2].
 * Over IPC it answers `info` (its addresses and credentials) and `memory` (after a full GC:
 * started with --expose-gc).
 */
/** `reportLimits`: the gateway's own defaults when 'default', generous ones when absent (so load is not refused). */
interface Options { dataDir: string; reportLimits?: ReportLimits | 'default'; httpPort?: number; mqttPort?: number }

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const generous: ReportLimits = { perBrowser: { max: 1_000_000, windowMs: 60_000 }, perQrCode: { max: 1_000_000, windowMs: 60_000 } };
const gateway = await startGateway({
  site: 'demo', host: '127.0.0.1', httpPort: options.httpPort ?? 0, mqttPort: options.mqttPort ?? 0,
  dataDir: options.dataDir, ...(options.reportLimits === 'default' ? {} : { reportLimits: options.reportLimits ?? generous }),
});

type Request = { seq: number; cmd: 'info' | 'memory' | 'close' };

process.on('message', (request: Request) => {
  const answer = async () => {
    switch (request.cmd) {
      case 'info': return { http: gateway.http, mqtt: gateway.mqtt, credentials: gateway.credentials, pid: process.pid };
      case 'memory': {
        const gc = (globalThis as { gc?: () => void }).gc;
        for (let i = 0; i < 3; i++) { gc?.(); await new Promise((r) => setTimeout(r, 50)); }
        return { ...process.memoryUsage(), gc: gc !== undefined };
      }
      case 'close': await gateway.close(); return true;
    }
  };
  answer().then(
    (result) => process.send!({ seq: request.seq, result }),
    (error: unknown) => process.send!({ seq: request.seq, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
process.on('disconnect', () => { void gateway.close().finally(() => process.exit(0)); });
process.send!({ ready: true });
