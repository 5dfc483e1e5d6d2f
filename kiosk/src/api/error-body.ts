import { ErrorBody } from '@doorside/edge/occupant-contracts';
import { partial } from 'zod/mini';

const Loose = partial(ErrorBody);

/** The gateway's error body as far as it is one: anything else (an empty answer, a proxy's page) reads as no fields. */
export function readErrorBody(body: unknown): Partial<ErrorBody> {
  const parsed = Loose.safeParse(body);
  return parsed.success ? parsed.data : {};
}
