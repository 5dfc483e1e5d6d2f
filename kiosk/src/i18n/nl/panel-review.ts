import type { panelReview as english } from '../en/panel-review.ts';

/** Nederlands: een afgeronde dienst beoordelen, op het deurpaneel en vanaf de QR-pagina van de ruimte. */
export const panelReview: Record<keyof typeof english, string> = {
  'review.before': 'Gemeld',
  'review.after': 'Uitgevoerd',
  'review.noNote': 'Geen opmerking van de uitvoerder.',
  'review.noPhotos': 'Geen foto’s.',
  'review.photoBefore': 'Foto bij de melding, {n} van {count}',
  'review.photoAfter': 'Foto van het afgeronde werk, {n} van {count}',
  'review.timeSpent': 'Bestede tijd: {duration}',
  'review.timeUnknown': 'Bestede tijd: niet vastgelegd',
  'review.underMinute': 'minder dan een minuut',
  'review.minutes.one': '{count} minuut',
  'review.minutes.other': '{count} minuten',
  'review.hours.one': '{count} uur',
  'review.hours.other': '{count} uur',
  'review.nothingWaiting': 'Er wacht niets op goedkeuring.',
  'review.noOtherOpen': 'Geen andere openstaande meldingen.',
  'review.takePhoto': 'Maak een foto',
  'review.retakePhoto': 'Maak een nieuwe foto',
  'review.photoTaken': 'Foto toegevoegd: {name}',
  'review.photoOptional': 'Foto (optioneel)',
  'review.toApprove': 'Afgeronde diensten om goed te keuren',
  'review.loadFailed': 'De afgeronde diensten konden niet worden geladen.',
};
