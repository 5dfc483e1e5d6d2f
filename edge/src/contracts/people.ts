import { z } from 'zod';
import { TeamId, Username } from './ids.ts';
import { Role } from './domain.ts';

/** One signed-in person as pages name them: the full name, with the username beside it. */
export const Person = z.object({ id: Username, username: Username, fullName: z.string(), role: Role, teams: z.array(TeamId) });
export type Person = z.infer<typeof Person>;

export const PeopleList = z.object({ people: z.array(Person) });
export type PeopleList = z.infer<typeof PeopleList>;
