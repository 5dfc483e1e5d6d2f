import { css } from 'lit';

/** What every dashboard panel shares: readable type, high contrast, targets of at least 44 px. */
export const dashBase = css`
  :host { display: block; color: #111; font-family: system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', sans-serif; font-size: 1rem; line-height: 1.4; }
  * { box-sizing: border-box; }
  h2 { margin: 0 0 12px; font-size: 1.3rem; }
  h3 { margin: 0 0 8px; font-size: 1.05rem; }
  p { margin: 0; }
  button, .button, select, input {
    min-height: 44px; font: inherit; border-radius: 8px; border: 2px solid #1d1d1d; background: #fff; color: #111; padding: 6px 12px;
  }
  button, .button { cursor: pointer; font-weight: 600; display: inline-flex; align-items: center; justify-content: center; text-decoration: none; }
  button.primary, .button.primary { background: #0b3d91; border-color: #0b3d91; color: #fff; }
  button:disabled { opacity: 0.6; cursor: default; }
  :is(button, .button, select, input, a, [tabindex]):focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
  label { display: grid; gap: 4px; font-weight: 600; font-size: 0.9rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #c8c8c8; vertical-align: top; }
  th { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.03em; color: #333; }
  .muted { color: #444; }
  .error { color: #8a0010; font-weight: 700; }
  .row { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; }
  .scroll { overflow-x: auto; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
