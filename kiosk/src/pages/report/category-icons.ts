import { svg, type SVGTemplateResult } from 'lit';

const stroke = (paths: SVGTemplateResult) => svg`<g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</g>`;

/** A simple line icon per category id (24 × 24); categories a site adds later get the general one. */
const icons: Record<string, SVGTemplateResult> = {
  cleaning: stroke(svg`<path d="M9 3h6v4H9zM8 7h8l1 4H7zM7 11h10v9a1 1 0 01-1 1H8a1 1 0 01-1-1zM18 4l3-1M18 7h3"/>`),
  av: stroke(svg`<rect x="3" y="4" width="18" height="12" rx="1"/><path d="M8 20h8M12 16v4"/>`),
  maintenance: stroke(svg`<path d="M14.7 6.3a4 4 0 00-5.4 5.2L3 17.8 6.2 21l6.3-6.3a4 4 0 005.2-5.4l-2.5 2.5-2.4-.6-.6-2.4z"/>`),
  supplies: stroke(svg`<path d="M3 8l9-5 9 5v8l-9 5-9-5zM3 8l9 5 9-5M12 13v8"/>`),
  climate: stroke(svg`<path d="M10 14V5a2 2 0 014 0v9a4 4 0 11-4 0zM12 10v7"/>`),
  devices: stroke(svg`<rect x="5" y="2" width="14" height="20" rx="2"/><path d="M9 6h6M9 10h6M11 18h2"/>`),
  security: stroke(svg`<rect x="5" y="10" width="14" height="11" rx="1"/><path d="M8 10V7a4 4 0 018 0v3M12 14v3"/>`),
};

const general = stroke(svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v6M12 16.5v.5"/>`);

export function categoryIcon(id: string): SVGTemplateResult {
  return icons[id] ?? general;
}
