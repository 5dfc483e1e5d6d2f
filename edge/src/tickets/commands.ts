import type { TeamId, Username } from '../contracts/index.ts';

export type TicketCommand =
  | { type: 'assign'; assignee?: Username; team?: TeamId; note?: string }
  | { type: 'claim'; note?: string }
  | { type: 'accept'; note?: string }
  | { type: 'transfer'; to: Username; note?: string }
  | { type: 'start'; note?: string }
  | { type: 'complete'; note?: string; photos?: string[] }
  | { type: 'approve'; notes?: string }
  | { type: 'reject'; reason: string; notes?: string; photos?: string[] }
  | { type: 'escalate'; reason: string }
  | { type: 'cancel'; reason: string }
  | { type: 'comment'; text: string; internal: boolean };
