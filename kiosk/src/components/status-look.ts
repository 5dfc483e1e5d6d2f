import { svg, type SVGTemplateResult } from 'lit';
import type { RoomStatus } from '@doorside/edge/contracts';

export interface StatusLook {
  /** Solid colours with at least 7:1 contrast; the shape and band tell states apart in greyscale. */
  background: string;
  foreground: string;
  /** The band around the word: solid, dotted, thin stripes, wide stripes, hazard stripes. */
  band: string;
  icon: SVGTemplateResult;
}

const stripes = (a: string, b: string, width: number) =>
  `repeating-linear-gradient(45deg, ${a} 0 ${width}px, ${b} ${width}px ${width * 2}px)`;

export const statusLooks: Record<RoomStatus, StatusLook> = {
  available: {
    background: '#0b5d2a', foreground: '#ffffff', band: '#0b5d2a',
    icon: svg`<circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" stroke-width="10"/><path d="M28 52l15 15 30-32" fill="none" stroke="currentColor" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>`,
  },
  service_due: {
    background: '#ffd60a', foreground: '#111111', band: 'radial-gradient(circle, #111 30%, #ffd60a 32%) 0 0 / 24px 24px',
    icon: svg`<path d="M50 8L94 88H6z" fill="none" stroke="currentColor" stroke-width="9" stroke-linejoin="round"/><path d="M50 36v24" stroke="currentColor" stroke-width="10" stroke-linecap="round"/><circle cx="50" cy="74" r="6" fill="currentColor"/>`,
  },
  in_service: {
    background: '#0b3d91', foreground: '#ffffff', band: stripes('#0b3d91', '#ffffff', 6),
    icon: svg`<circle cx="50" cy="50" r="20" fill="none" stroke="currentColor" stroke-width="10"/><path d="M50 6v16M50 78v16M6 50h16M78 50h16M19 19l11 11M70 70l11 11M19 81l11-11M70 30l11-11" stroke="currentColor" stroke-width="10" stroke-linecap="round"/>`,
  },
  pending_recovery: {
    background: '#ff9f1c', foreground: '#111111', band: stripes('#111111', '#ff9f1c', 18),
    icon: svg`<path d="M22 8h56M22 92h56M28 8c0 30 44 30 44 42S28 62 28 92M72 8c0 30-44 30-44 42s44 12 44 42" fill="none" stroke="currentColor" stroke-width="9" stroke-linecap="round"/>`,
  },
  do_not_use: {
    background: '#a4000f', foreground: '#ffffff', band: stripes('#000000', '#ffffff', 22),
    icon: svg`<circle cx="50" cy="50" r="42" fill="none" stroke="currentColor" stroke-width="12"/><path d="M22 50h56" stroke="currentColor" stroke-width="16" stroke-linecap="round"/>`,
  },
};
