import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, StorageFull } from '../domain-error.ts';

/** One place maps refusals to HTTP: `{error, message, details?}`, and never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | DomainError, request, reply) => {
    // A full disk (SQLite's SQLITE_FULL, a file's ENOSPC) rolls the write back: a refusal to retry later, not a failure.
    const err = StorageFull.is(thrown) ? new StorageFull() : thrown;
    if (err instanceof DomainError) {
      const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry !== undefined) reply.header('retry-after', String(retry));
      return reply.code(err.status).send({ error: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' }));
      const where = err.validationContext ?? 'request';
      return reply.code(400).send({
        error: 'INVALID', message: `the ${where} is not valid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`.slice(0, 500), details: issues,
      });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: err.code ?? 'BAD_REQUEST', message: err.message });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'INTERNAL', message: 'something went wrong on the gateway; the change was not made' });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
