import { css } from 'lit';
import { SignInForm } from '../../components/sign-in-form.ts';
import { dashBase } from './dashboard-styles.ts';

/** The dashboard's sign-in form. */
export class DsDashSignIn extends SignInForm {
  static override styles = [dashBase, css`
    form { display: grid; gap: 18px; max-width: 420px; margin: 8vh auto 0; padding: 28px; background: #fff; border: 2px solid #1d1d1d; border-radius: 12px; }
    h2 { font-size: 1.5rem; }
    input { width: 100%; }
  `];

  protected readonly texts = {
    title: 'dash.signInTitle', username: 'dash.username', password: 'dash.password', signIn: 'dash.signIn', signingIn: 'dash.signingIn',
  } as const;
}

customElements.define('ds-dash-sign-in', DsDashSignIn);

declare global {
  interface HTMLElementTagNameMap { 'ds-dash-sign-in': DsDashSignIn }
}
