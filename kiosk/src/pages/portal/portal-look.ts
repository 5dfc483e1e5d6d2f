import { css } from 'lit';
import { occupantLook } from '../report/occupant-look.ts';

/** The portal's look: the occupant pages' phone-first base, with cards for its sections. */
export const portalLook = [occupantLook, css`
  section.card { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.75rem; background: #fff; }
  h2 { font-size: 1.25rem; }
  h3 { font-size: 1.05rem; }
  ul.plain { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
  .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .badge { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px; border: 2px solid #1d1d1d; font-size: 0.85rem; font-weight: 700; background: #f3f3f3; }
  .muted { color: #444; font-size: 0.9rem; }
  select { width: 100%; font: inherit; min-height: 48px; padding: 0.5rem; border: 2px solid #555; border-radius: 0.5rem; background: #fff; color: #111; }
  select:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; }
`];
