import fc from 'fast-check';
import { eitherWay, type Hints, type Schema } from './openapi-arbitraries.ts';

interface Parameter { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema }
interface Operation { parameters?: Parameter[]; requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> } }
export interface OpenApiDoc { paths: Record<string, Record<string, Operation>> }

/** How a role signs its requests, and the real values it knows (a QR code, a tracking link...). */
export interface Role { cookie?: string; headers?: Record<string, string>; hints?: Hints }

export interface Failure { role: string; operation: string; url: string; status: number; answer: string; body: string }
export interface FuzzResult { requests: number; operations: number; roles: number; statuses: Record<string, number>; failures: Failure[]; seconds: number }

interface Case { path: Record<string, { valid: boolean; value: unknown }>; query: Record<string, { valid: boolean; value: unknown }>; body: { kind: 'json' | 'raw' | 'multipart' | 'none'; value: unknown } }

const rawBodies = ['', '{', 'null', '[]', '"text"', '{"a":', '\u0000', 'not json at all', '{"__proto__":{"x":1}}', '9'.repeat(400), `{"text":"${'\u200b'.repeat(10)}"}`];

function caseOf(op: Operation, hints: Hints): fc.Arbitrary<Case> {
  const params = op.parameters ?? [];
  const group = (where: 'path' | 'query') => {
    const model: Record<string, fc.Arbitrary<{ valid: boolean; value: unknown }>> = {};
    for (const p of params.filter((x) => x.in === where)) model[p.name] = eitherWay(p.schema, hints, p.name);
    const required = params.filter((x) => x.in === where && (where === 'path' || x.required)).map((x) => x.name);
    return fc.record(model, { requiredKeys: required });
  };
  const content = op.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  const multipart = content['multipart/form-data']?.schema;
  const bodies: fc.Arbitrary<Case['body']>[] = [fc.constant({ kind: 'none' as const, value: undefined })];
  if (json) bodies.push(...Array.from({ length: 3 }, () => eitherWay(json, hints).map((b) => ({ kind: 'json' as const, value: b.value }))));
  bodies.push(fc.constantFrom(...rawBodies).map((value) => ({ kind: 'raw' as const, value })));
  if (multipart) bodies.push(eitherWay(multipart, hints).map((b) => ({ kind: 'multipart' as const, value: b.value })));
  return fc.record({ path: group('path'), query: group('query'), body: fc.oneof(...bodies) });
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

function requestOf(base: string, template: string, method: string, c: Case, role: Role, operation: string): { url: string; init: RequestInit; shown: string } {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(text(c.path[name]?.value ?? 'x')));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(c.query)) if (v !== undefined) query.append(k, text(v.value));
  const url = `${base}${path}${query.size ? `?${query}` : ''}`;
  // Signing out would end the role's session for the rest of the run: it signs out a session of its own.
  const cookie = operation === 'POST /api/auth/logout' ? 'ds_session=fuzz-session' : role.cookie;
  const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...role.headers };
  let body: BodyInit | undefined;
  if (c.body.kind === 'json') { headers['content-type'] = 'application/json'; body = JSON.stringify(c.body.value ?? null); }
  if (c.body.kind === 'raw') { headers['content-type'] = 'application/json'; body = String(c.body.value); }
  if (c.body.kind === 'multipart') {
    const form = new FormData();
    if (c.body.value && typeof c.body.value === 'object' && !Array.isArray(c.body.value)) {
      for (const [k, v] of Object.entries(c.body.value as Record<string, unknown>)) form.append(k, text(v));
    }
    body = form;
  }
  const withBody = method !== 'get' && body !== undefined;
  return { url, init: { method: method.toUpperCase(), headers, ...(withBody ? { body } : {}) }, shown: withBody ? (typeof body === 'string' ? body : c.body.kind) : '' };
}

/**
 * Every operation of the document, as every role, `cases` generated requests each (valid
 * and invalid path params, queries and bodies). Answers every status seen and every answer
 * >= 500 (or no answer), which is what the gateway must never give.
 */
export async function fuzzApi(options: { base: string; doc: OpenApiDoc; roles: Record<string, Role>; hints: Hints; cases: number; seed: number; concurrency?: number; skip?: (operation: string) => boolean; deadline?: number }): Promise<FuzzResult> {
  const started = performance.now();
  const jobs: { role: string; operation: string; method: string; template: string; c: Case }[] = [];
  let operations = 0;
  let n = 0;
  for (const [template, ops] of Object.entries(options.doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const operation = `${method.toUpperCase()} ${template}`;
      if (options.skip?.(operation)) continue;
      operations += 1;
      for (const [role, auth] of Object.entries(options.roles)) {
        const hints = { ...options.hints, ...auth.hints };
        for (const c of fc.sample(caseOf(op, hints), { numRuns: options.cases, seed: options.seed + n++ })) jobs.push({ role, operation, method, template, c });
      }
    }
  }
  // Interleaved, so no one operation's side effects come in a block.
  const order = fc.sample(fc.shuffledSubarray(jobs.map((_, i) => i), { minLength: jobs.length, maxLength: jobs.length }), { numRuns: 1, seed: options.seed })[0]!;
  const statuses: Record<string, number> = {};
  const failures: Failure[] = [];
  let next = 0;
  let requests = 0;
  const worker = async () => {
    while (next < order.length && (options.deadline === undefined || performance.now() < options.deadline)) {
      const job = jobs[order[next++]!]!;
      const req = requestOf(options.base, job.template, job.method, job.c, options.roles[job.role]!, job.operation);
      let status = 0;
      let answer = '';
      try {
        const res = await fetch(req.url, { ...req.init, signal: AbortSignal.timeout(15_000) });
        status = res.status;
        answer = await res.text();
      } catch (error) {
        answer = `no answer: ${(error as Error).message}`;
      }
      requests += 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 500 || status === 0) {
        failures.push({ role: job.role, operation: job.operation, url: req.url.slice(options.base.length, options.base.length + 300), status, answer: answer.slice(0, 300), body: req.shown.slice(0, 300) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return { requests, operations, roles: Object.keys(options.roles).length, statuses, failures, seconds: (performance.now() - started) / 1000 };
}
