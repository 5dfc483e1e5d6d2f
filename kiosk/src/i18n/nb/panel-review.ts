import type { panelReview as english } from '../en/panel-review.ts';

/** Norsk bokmål: gjennomgang av en fullført tjeneste, på dørpanelet og fra rommets QR-side. */
export const panelReview: Record<keyof typeof english, string> = {
  'review.before': 'Meldt',
  'review.after': 'Utført',
  'review.noNote': 'Ingen merknad fra den som utførte jobben.',
  'review.noPhotos': 'Ingen bilder.',
  'review.photoBefore': 'Bilde fra meldingen, {n} av {count}',
  'review.photoAfter': 'Bilde av utført arbeid, {n} av {count}',
  'review.timeSpent': 'Tidsbruk: {duration}',
  'review.timeUnknown': 'Tidsbruk: ikke registrert',
  'review.underMinute': 'under ett minutt',
  'review.minutes.one': '{count} minutt',
  'review.minutes.other': '{count} minutter',
  'review.hours.one': '{count} time',
  'review.hours.other': '{count} timer',
  'review.nothingWaiting': 'Ingenting venter på godkjenning.',
  'review.noOtherOpen': 'Ingen andre åpne saker.',
  'review.takePhoto': 'Ta et bilde',
  'review.retakePhoto': 'Ta et nytt bilde',
  'review.photoTaken': 'Bilde lagt til: {name}',
  'review.photoOptional': 'Bilde (valgfritt)',
  'review.toApprove': 'Fullførte tjenester til godkjenning',
  'review.loadFailed': 'Kunne ikke laste de fullførte tjenestene.',
};
