import { css } from 'lit';
import { SignInForm } from '../../components/sign-in-form.ts';
import { staffBase } from './staff-styles.ts';

/** The staff queue's sign-in form. */
export class DsStaffSignIn extends SignInForm {
  static override styles = [staffBase, css`
    form { display: grid; gap: 18px; max-width: 420px; margin: 0 auto; padding: 8px 0; }
    h2 { font-size: 1.4rem; }
    button { width: 100%; }
  `];

  protected readonly texts = {
    title: 'staff.signInTitle', username: 'staff.username', password: 'staff.password', signIn: 'staff.signIn', signingIn: 'staff.signingIn',
  } as const;
}

customElements.define('ds-staff-sign-in', DsStaffSignIn);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-sign-in': DsStaffSignIn }
}
