import { css } from 'lit';

/**
 * The occupant pages' shared look: a phone first, readable in sunlight, thumb-sized targets
 * (at least 48 px) and nothing wider than the screen at 360 px.
 */
export const occupantLook = css`
  :host { display: block; color: #111; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif; font-size: 1rem; line-height: 1.45; }
  * { box-sizing: border-box; }
  h1, h2, h3, p { margin: 0; overflow-wrap: anywhere; }
  button, .button {
    display: inline-flex; align-items: center; justify-content: center; gap: 0.5rem; min-height: 48px; padding: 0.6rem 1.1rem;
    font: inherit; font-weight: 700; text-decoration: none; border-radius: 0.6rem; border: 2px solid #1d1d1d; background: #fff; color: #111; cursor: pointer;
  }
  button.primary, .button.primary { background: #0b4f9c; border-color: #0b4f9c; color: #fff; }
  button.danger { background: #a4000f; border-color: #a4000f; color: #fff; }
  button[disabled] { opacity: 0.65; cursor: default; }
  button:focus-visible, .button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
  label.field { display: grid; gap: 0.35rem; font-weight: 600; }
  input[type='text'], input[type='email'], input:not([type]), textarea {
    width: 100%; font: inherit; font-size: 1rem; font-weight: 400; padding: 0.7rem; min-height: 48px;
    border: 2px solid #555; border-radius: 0.5rem; background: #fff; color: #111;
  }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .hint { font-size: 0.9rem; color: #333; font-weight: 400; }
  .error { color: #a10000; font-weight: 700; }
  .alert { border: 2px solid #a10000; background: #fff4f4; color: #6e0000; padding: 0.75rem; border-radius: 0.5rem; font-weight: 600; }
  .ok { border: 2px solid #0b5d2a; background: #f1fbf4; color: #063d1b; padding: 0.75rem; border-radius: 0.5rem; font-weight: 600; }
`;
