import { z } from 'zod';
import { Room } from './domain.ts';

/** The frames `/ws` sends: first a snapshot of the rooms the viewer may see, then each committed event. */
export const LiveSnapshot = z.object({ kind: z.literal('snapshot'), head: z.number().int(), rooms: z.array(Room) });
export const LiveEvent = z.object({
  kind: z.literal('event'), seq: z.number().int(), at: z.string(), type: z.string(), entity: z.string(), state: z.unknown(),
});
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;
export type LiveEvent = z.infer<typeof LiveEvent>;
