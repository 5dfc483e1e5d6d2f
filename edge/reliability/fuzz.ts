import { int } from '../bench/stats.ts';
import { startTestGateway } from '../src/test-support/test-gateway.ts';
import { Figures, runSection, sized } from './figures.ts';
import { logTamper } from './log-tamper.ts';
import { mqttFuzz } from './mqtt-fuzz.ts';
import { fuzzApi, type OpenApiDoc } from './openapi-fuzz.ts';
import { rolesAndHints } from './openapi-roles.ts';
import { uploadCheck } from './upload-check.ts';

/**
 * `npm run fuzz`: generated and mutated input against every edge of the gateway, loopback
 * only, bounded in count and time (under ten minutes on two cores): the OpenAPI document's
 * operations as every role, mutated MQTT packets, tampering with a copy of the log, and a
 * hostile upload corpus. Counts can be lowered (FUZZ_API_CASES, FUZZ_MQTT_PACKETS,
 * FUZZ_TAMPERS); FUZZ_SEED repeats a run. Exits 1 when a figure misses its target.
 */
const BUDGET_MS = 560_000;
const started = performance.now();
const seed = sized('FUZZ_SEED', Date.now() % 1_000_000);
const figures = new Figures();
console.log(`seed ${seed}`);

await runSection(figures, '1', 'OpenAPI-driven fuzz: every operation, every role', async () => {
  const gw = await startTestGateway();
  try {
    const doc = (await gw.call('GET', '/api/openapi.json')).body as OpenApiDoc;
    const { roles, hints } = await rolesAndHints(gw.http, gw.creds);
    const cases = sized('FUZZ_API_CASES', 150);
    const result = await fuzzApi({ base: gw.http, doc, roles, hints, cases, seed, deadline: started + 240_000 });
    const health = await gw.call('GET', '/health');
    const verify = gw.store.log.verify();
    for (const f of result.failures.slice(0, 20)) console.log(`  >= 500: ${JSON.stringify(f)}`);
    console.log(`  answers: ${JSON.stringify(result.statuses)}`);
    const planned = result.operations * result.roles * cases;
    figures.add({ section: '1', measure: `generated requests (${result.operations} operations x ${result.roles} roles x ${cases})`, value: `${int(result.requests)} of ${int(planned)} in ${result.seconds.toFixed(0)} s`, target: 'all', pass: result.requests === planned });
    figures.add({ section: '1', measure: 'answers >= 500 (or none)', value: String(result.failures.length), target: '0', pass: result.failures.length === 0 });
    figures.add({ section: '1', measure: 'gateway afterwards: health, chain', value: `${health.status}, ok=${verify.ok} (${int(verify.checked)} events)`, target: '200, ok', pass: health.status === 200 && verify.ok });
  } finally {
    await gw.stop();
  }
});
await runSection(figures, '2', 'Mutated MQTT packets', () => mqttFuzz(figures, sized('FUZZ_MQTT_PACKETS', 150_000), seed));
await runSection(figures, '6', 'Tampering with a copy of the log', () => logTamper(figures, sized('FUZZ_TAMPERS', 10_000)));
await runSection(figures, '8', 'Upload corpus', () => uploadCheck(figures));

figures.print('Doorside fuzz: figures');
process.exit(figures.failed ? 1 : 0);
