import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

/**
 * The serializer for a command's 200 answer: it is built by the gateway itself from the
 * command's typed result (the ticket just written, the room, what the policy triggered), so
 * it is written with `JSON.stringify` alone. Validating it again with the response schema
 * cost about 0.2 ms of CPU per rejection, more than the rest of the answer. Every other
 * status (the error bodies) keeps the checking serializer. `test/action-answers.test.ts`
 * holds the answers to the contract, byte for byte after a parse.
 */
export const commandAnswer: FastifySerializerCompiler<ZodType> = (route) =>
  route.httpStatus === '200' ? (data: unknown) => JSON.stringify(data) : serializerCompiler(route);
