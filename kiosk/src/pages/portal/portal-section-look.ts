import { css } from 'lit';
import { occupantLook } from '../report/occupant-look.ts';

/** The look of the portal's documents and surveys: the occupant pages' phone-first base, as cards. */
export const portalSectionLook = [occupantLook, css`
  section.card { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.75rem; background: #fff; }
  h2 { font-size: 1.25rem; }
  h3 { font-size: 1.05rem; }
  ul.plain { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
  .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .muted { color: #444; font-size: 0.9rem; }
  .problem { color: #8a0010; font-weight: 700; }
  a.open { display: inline-flex; align-items: center; min-height: 48px; padding: 0.5rem 1rem; border: 2px solid #1d1d1d; border-radius: 0.5rem; color: #111; font-weight: 700; text-decoration: none; }
  a.open:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
  fieldset { border: 2px solid #c8c8c8; border-radius: 0.5rem; margin: 0; padding: 0.5rem 0.75rem; display: grid; gap: 0.25rem; }
  legend { font-weight: 700; padding: 0 0.25rem; }
  .choices { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
  .choices label { display: inline-flex; align-items: center; gap: 0.4rem; min-height: 48px; min-width: 48px; }
  .choices input { width: 1.3rem; height: 1.3rem; margin: 0; }
  textarea { width: 100%; font: inherit; min-height: 5rem; padding: 0.5rem; border: 2px solid #555; border-radius: 0.5rem; }
  textarea:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; }
`];
