import { loadAgentConfig } from './config.ts';
import { SyncAgent } from './sync-agent.ts';

const config = loadAgentConfig();
if ('problems' in config) {
  console.error(`doorside sync agent: the configuration is not valid:\n  ${config.problems.join('\n  ')}`);
  process.exit(2);
}

const agent = new SyncAgent(config, { say: config.log ? (line) => console.log(`${new Date().toISOString()} ${line}`) : () => {} });
console.log(`Doorside sync agent for site "${config.site}": gateway ${config.gatewayUrl} -> central ${config.centralUrl}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await agent.stop();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
await agent.start();
