import { agentKills } from './agent-kills.ts';
import { crashSoak } from './crash-soak.ts';
import { dayOffline } from './day-offline.ts';
import { Figures, runSection, sized } from './figures.ts';
import { fullDisk } from './full-disk.ts';
import { reportFlood } from './report-flood.ts';

/**
 * `npm run soak`: the long-running reliability sections, loopback only, bounded in count
 * and time (under ten minutes on two cores): a full disk, an anonymous report flood, a day
 * offline, SIGKILLs of the sync agent and of the gateway. Counts can be lowered for a
 * short run (SOAK_GATEWAY_KILLS, SOAK_AGENT_KILLS, SOAK_OFFLINE_EVENTS, SOAK_FLOOD_BROWSERS).
 * Exits 1 when a figure misses its target.
 */
const BUDGET_MS = 560_000;
const started = performance.now();
const left = () => BUDGET_MS - (performance.now() - started);
const figures = new Figures();

await runSection(figures, '9', 'A full disk under the data folder', () => fullDisk(figures));
await runSection(figures, '7', 'Anonymous QR report flood while staff work', () => reportFlood(figures, sized('SOAK_FLOOD_BROWSERS', 500), 10));
await runSection(figures, '5', 'A day offline, time compressed', () => dayOffline(figures, sized('SOAK_OFFLINE_EVENTS', 50_000)));
await runSection(figures, '4', 'SIGKILL of the sync agent with replays and reorders', () => agentKills(figures, sized('SOAK_AGENT_KILLS', 100), Math.min(200_000, left() - 330_000)));
await runSection(figures, '3', 'SIGKILL of the gateway under parallel writers', () => crashSoak(figures, sized('SOAK_GATEWAY_KILLS', 200), left() - 10_000));

figures.print('Doorside soak: figures');
process.exit(figures.failed ? 1 : 0);
