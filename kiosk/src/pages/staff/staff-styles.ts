import { css } from 'lit';

/** What every part of the staff page shares: type, buttons and fields sized for a thumb (at least 48 px). */
export const staffBase = css`
  :host { display: block; color: #111; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif; }
  * { box-sizing: border-box; }
  h2, h3, p { margin: 0; }
  button, .button {
    min-height: 48px; min-width: 48px; padding: 10px 18px; font: inherit; font-weight: 700; font-size: 1rem;
    border-radius: 10px; border: 2px solid #111; background: #fff; color: #111; cursor: pointer;
    display: inline-flex; align-items: center; justify-content: center; text-decoration: none; text-align: center;
  }
  button.primary { background: #0b4f9c; border-color: #0b4f9c; color: #fff; }
  button.go { background: #0b5d2a; border-color: #0b5d2a; color: #fff; }
  button[disabled] { opacity: 0.55; cursor: default; }
  button:focus-visible, .button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 3px solid #ffbf00; outline-offset: 2px; }
  label { display: grid; gap: 6px; font-weight: 600; }
  input, textarea, select { font: inherit; font-size: 1rem; min-height: 48px; padding: 10px 12px; border: 2px solid #111; border-radius: 8px; background: #fff; color: #111; width: 100%; }
  .error { color: #a10000; font-weight: 700; }
  .muted { color: #444; }
`;
