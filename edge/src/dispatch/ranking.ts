import type { Suggestion, SuggestionReason } from '../contracts/index.ts';

/** Where a job is: its room's floor and zone. */
export interface Place { floor: number; zone: string }

/** A person who may hold the job, with what dispatch weighs. */
export interface Candidate {
  user: string;
  name: string;
  onDuty: boolean;
  /** The categories they are qualified for; empty: any category of their teams. */
  skills: readonly string[];
  /** Tickets they hold and have not finished. */
  open: number;
  /** Where the jobs they have under way are. */
  working: readonly Place[];
  /** Visits booked on tickets they hold. */
  visits: readonly { ticket: string; at: string }[];
}

export interface Job { category: string; place: Place; visitAt?: string | undefined }

/** How much each thing weighs; a score starts at 100. */
export const weights = { perOpenTicket: 10, sameFloor: 15, sameZone: 10, clash: 40 } as const;
/** Two visits closer than this clash: the person cannot be at both. */
export const CLASH_MS = 60 * 60 * 1000;

const qualified = (candidate: Candidate, category: string) => candidate.skills.length === 0 || candidate.skills.includes(category);

function assess(job: Job, candidate: Candidate): Suggestion {
  const reasons: SuggestionReason[] = [];
  let score = 100 - weights.perOpenTicket * candidate.open;
  reasons.push({ code: 'LOAD', params: { open: candidate.open } });
  if (candidate.skills.includes(job.category)) reasons.push({ code: 'SKILL', params: { category: job.category } });
  if (candidate.working.some((p) => p.floor === job.place.floor)) {
    score += weights.sameFloor;
    reasons.push({ code: 'SAME_FLOOR', params: { floor: job.place.floor } });
  }
  if (job.place.zone && candidate.working.some((p) => p.zone === job.place.zone)) {
    score += weights.sameZone;
    reasons.push({ code: 'SAME_ZONE', params: { zone: job.place.zone } });
  }
  if (job.visitAt) {
    const at = Date.parse(job.visitAt);
    const clash = candidate.visits.find((v) => Math.abs(Date.parse(v.at) - at) < CLASH_MS);
    if (clash) {
      score -= weights.clash;
      reasons.push({ code: 'CLASH', params: { at: clash.at, ticket: clash.ticket } });
    }
  }
  return { user: candidate.user, name: candidate.name, score, reasons };
}

/**
 * Who should take the job, best first: only people on duty with the skill; fewer open
 * tickets first, then a job under way near it, and a booked visit that clashes pushes a
 * person down. Equal scores go to the lighter load, then by name, so the order is stable.
 */
export function rank(job: Job, candidates: readonly Candidate[]): Suggestion[] {
  const open = new Map(candidates.map((c) => [c.user, c.open]));
  return candidates
    .filter((c) => c.onDuty && qualified(c, job.category))
    .map((c) => assess(job, c))
    .sort((a, b) => b.score - a.score || open.get(a.user)! - open.get(b.user)! || a.name.localeCompare(b.name) || a.user.localeCompare(b.user));
}
