import { css } from 'lit';

/** Shared look of the cross-site view: system fonts, high contrast, 44 px touch targets. */
export const centralStyles = css`
  :host { display: block; color: #111; font-family: system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif; font-size: 1rem; }
  button, select, input { font: inherit; min-height: 44px; box-sizing: border-box; border-radius: 8px; }
  button { padding: 0 1rem; border: 2px solid #0b3d91; background: #fff; color: #0b3d91; font-weight: 700; cursor: pointer; }
  button.primary { background: #0b3d91; color: #fff; }
  button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #ffbf00; outline-offset: 2px; }
  select, input { border: 2px solid #555; background: #fff; color: #111; padding: 0 0.6rem; min-width: 0; }
  label { display: grid; gap: 0.25rem; font-weight: 600; }
  .card { background: #fff; border: 1px solid #c8ccd2; border-radius: 12px; padding: 1rem; }
  .muted { color: #444; }
  .bad { color: #a10000; font-weight: 700; }
  .good { color: #0b5d2a; font-weight: 700; }
  .error { color: #a10000; font-weight: 700; margin: 0; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #d5d8dd; vertical-align: top; }
  th { font-size: 0.9rem; color: #333; }
  .scroll { overflow-x: auto; }
  .filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.75rem; align-items: end; }
  h2 { font-size: 1.3rem; margin: 0 0 0.75rem; }
  h3 { font-size: 1.1rem; margin: 0; }
`;
