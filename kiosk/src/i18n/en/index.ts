import { common } from './common.ts';
import { sign } from './sign.ts';
import { panel } from './panel.ts';
import { report } from './report.ts';
import { track } from './track.ts';
import { staff } from './staff.ts';
import { dashboard } from './dashboard.ts';
import { dashboardShell } from './dashboard-shell.ts';
import { central } from './central.ts';
import { panelReview } from './panel-review.ts';
import { phrases } from './phrases.ts';
import { inquiries } from './inquiries.ts';
import { dashboardWords } from './dashboard-words.ts';
import { install } from './install.ts';
import { centralAlerts } from './central-alerts.ts';
import { signExtra } from './sign-extra.ts';
import { queueCards } from './queue-cards.ts';
import { mailFlags } from './mail-flags.ts';
import { directoryForms } from './directory-forms.ts';
import { moreWords } from './more-words.ts';
import { peopleLinks } from './people-links.ts';
import { dispatchSuggest } from './dispatch-suggest.ts';
import { centralLink } from './central-link.ts';
import { pay } from './pay.ts';
import { payDashboard } from './pay-dashboard.ts';
import { stockDashboard } from './stock-dashboard.ts';
import { orders } from './orders.ts';
import { vendor } from './vendor.ts';
import { servicesDashboard } from './services-dashboard.ts';
import { documentsSurveys } from './documents-surveys.ts';
import { jobSupplies } from './job-supplies.ts';
import { portal } from './portal.ts';
import { announcements } from './announcements.ts';

/** English: the reference catalog. Every other language has exactly these keys and placeholders. One file per page area. */
export const en = { ...common, ...sign, ...panel, ...report, ...track, ...staff, ...dashboard, ...dashboardShell, ...central, ...panelReview, ...phrases, ...inquiries, ...dashboardWords, ...install, ...centralAlerts, ...signExtra, ...queueCards, ...mailFlags, ...directoryForms, ...moreWords, ...peopleLinks, ...dispatchSuggest, ...centralLink, ...pay, ...payDashboard, ...stockDashboard, ...orders, ...vendor, ...servicesDashboard, ...documentsSurveys, ...jobSupplies, ...portal, ...announcements } as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
