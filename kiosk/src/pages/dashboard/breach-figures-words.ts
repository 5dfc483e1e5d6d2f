import type { Lang } from '../../i18n/index.ts';

/**
 * The words of the figures' breach tables in the four languages. Loaded with the tables, on
 * demand, so the dashboard's first download does not carry them. Counted words have their
 * plural forms by `Intl.PluralRules` (`one`, `other`).
 */
export interface BreachWords {
  title: string; byCategory: string; byTeam: string; byVendor: string;
  colCategory: string; colTeam: string; colVendor: string; colCounted: string; colBreached: string;
  colResponse: string; colResolution: string; colShare: string;
  none: string; noVendors: string;
  summary: { one: string; other: string };
}

export const breachWords: Record<Lang, BreachWords> = {
  en: {
    title: 'Service-level breaches', byCategory: 'Breaches by category', byTeam: 'Breaches by team', byVendor: 'Breaches by vendor',
    colCategory: 'Category', colTeam: 'Team', colVendor: 'Vendor', colCounted: 'Tickets', colBreached: 'Breached',
    colResponse: 'Answered late', colResolution: 'Resolved late', colShare: 'Share breached',
    none: 'No tickets to count in these days.', noVendors: 'No tickets went to a vendor in these days.',
    summary: { one: '{breached} of {counted} ticket breached its targets', other: '{breached} of {counted} tickets breached their targets' },
  },
  zh: {
    title: '服务时限超时', byCategory: '按类别统计超时', byTeam: '按团队统计超时', byVendor: '按供应商统计超时',
    colCategory: '类别', colTeam: '团队', colVendor: '供应商', colCounted: '工单数', colBreached: '超时数',
    colResponse: '响应超时', colResolution: '解决超时', colShare: '超时比例',
    none: '这段时间内没有可统计的工单。', noVendors: '这段时间内没有派给供应商的工单。',
    summary: { one: '{counted} 张工单中有 {breached} 张超时', other: '{counted} 张工单中有 {breached} 张超时' },
  },
  nb: {
    title: 'Brudd på tjenestenivå', byCategory: 'Brudd per kategori', byTeam: 'Brudd per team', byVendor: 'Brudd per leverandør',
    colCategory: 'Kategori', colTeam: 'Team', colVendor: 'Leverandør', colCounted: 'Saker', colBreached: 'Brutt',
    colResponse: 'Svart for sent', colResolution: 'Løst for sent', colShare: 'Andel brutt',
    none: 'Ingen saker å telle i disse dagene.', noVendors: 'Ingen saker gikk til en leverandør i disse dagene.',
    summary: { one: '{breached} av {counted} sak brøt fristene', other: '{breached} av {counted} saker brøt fristene' },
  },
  nl: {
    title: 'Overschreden serviceniveaus', byCategory: 'Overschrijdingen per categorie', byTeam: 'Overschrijdingen per team', byVendor: 'Overschrijdingen per leverancier',
    colCategory: 'Categorie', colTeam: 'Team', colVendor: 'Leverancier', colCounted: 'Aantal tickets', colBreached: 'Overschreden',
    colResponse: 'Te laat gereageerd', colResolution: 'Te laat opgelost', colShare: 'Aandeel overschreden',
    none: 'Geen tickets om te tellen in deze dagen.', noVendors: 'Geen tickets naar een leverancier in deze dagen.',
    summary: { one: '{breached} van {counted} ticket overschreed de termijnen', other: '{breached} van {counted} tickets overschreden de termijnen' },
  },
};
