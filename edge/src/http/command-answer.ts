import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';

/**
 * The serializer for a command's 200 answer: it is built by the gateway itself from the
 * command's typed result (the ticket just written, the room, what the policy triggered), so
 * it is written with `JSON.stringify` alone. Validating it again with the response schema
 * cost about 55 µs of CPU per rejection, seven times the `JSON.stringify`. Every other
 * status (the error bodies) keeps the checking serializer. `test/action-answers.test.ts`
 * holds the answers to the contract, byte for byte after a parse.
 */
export function commandAnswer<S>(route: Parameters<FastifySerializerCompiler<S>>[0]): (data: unknown) => string {
  return route.httpStatus === '200' ? (data) => JSON.stringify(data) : serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
}
