/**
 * Every page's HTML shell, written by the build as `dist/<page>.html` around its script.
 * A page's element is `ds-<page>-page`.
 */
export interface PageShell {
  /** The first title, until the page sets its own in the reader's language. */
  title: string;
  /** The script's address from the page's: pages served one level down (`/report/{room}`) reach up. */
  assets: './assets/' | '../assets/';
  /** The background and type shown before the script has run, so the page does not flash. */
  style: string;
  /** The browser's bar and the installed app's colour. */
  themeColor: string;
  /** How the page runs once added to a home screen (served as `/<page>.webmanifest`); without it the page is not offered as an app. */
  app?: { display: 'fullscreen' | 'standalone'; background: string };
  /** Why the address must never leave in a Referer header, where it carries a secret. */
  secretInAddress?: string;
  /** A file beside the page's entry whose script runs before the page's own arrives. */
  earlyScript?: string;
}

const occupantStyle = 'html, body { margin: 0; background: #fff; color: #111; } body { font-family: system-ui, sans-serif; }';

export const pageShells: Record<string, PageShell> = {
  central: { title: 'Doorside head office', assets: '../assets/', style: 'html, body { margin: 0; background: #f4f5f7; }', themeColor: '#f4f5f7' },
  dashboard: {
    title: 'Doorside facility dashboard', assets: './assets/', style: 'html, body { margin: 0; background: #f4f4f4; }', themeColor: '#ffffff',
    app: { display: 'standalone', background: '#f4f4f4' },
  },
  panel: {
    title: 'Doorside door panel', assets: '../assets/', style: 'html, body { margin: 0; background: #fff; }', themeColor: '#ffffff',
    app: { display: 'fullscreen', background: '#ffffff' },
  },
  pay: { title: 'Pay', assets: '../assets/', style: occupantStyle, themeColor: '#ffffff' },
  portal: {
    title: 'Tenant portal', assets: './assets/', style: 'html, body { margin: 0; background: #f4f4f4; color: #111; } body { font-family: system-ui, sans-serif; }', themeColor: '#ffffff',
    app: { display: 'standalone', background: '#f4f4f4' },
    secretInAddress: 'A sign-in link carries its one-time token in the address',
  },
  report: {
    title: 'Report a problem', assets: '../assets/', style: occupantStyle, themeColor: '#ffffff',
    secretInAddress: 'The address carries the room\'s QR code', earlyScript: 'early-room-view.js',
  },
  sign: {
    title: 'Doorside room sign', assets: '../assets/', style: 'html, body { margin: 0; background: #fff; } body { overflow: hidden; }', themeColor: '#ffffff',
    app: { display: 'fullscreen', background: '#ffffff' },
    secretInAddress: 'The address carries the sign\'s secret',
  },
  staff: {
    title: 'Doorside work queue', assets: './assets/', style: 'html, body { margin: 0; background: #f6f6f6; }', themeColor: '#ffffff',
    app: { display: 'standalone', background: '#f6f6f6' },
  },
  /** The vendor's work order, at `/wo` once the link's token has been swapped for a cookie. */
  vendor: { title: 'Work order', assets: './assets/', style: occupantStyle, themeColor: '#ffffff' },
  track: {
    title: 'Your report', assets: '../assets/', style: occupantStyle, themeColor: '#ffffff',
    secretInAddress: 'The address is the occupant\'s key to their report',
  },
};

/**
 * The shell's HTML; `early` is the text of the page's early script, if it has one;
 * `preload` the chunks its script imports at start, fetched beside it rather than after it.
 */
export function shellHtml(page: string, shell: PageShell, early?: string, preload: readonly string[] = []): string {
  const lines = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(shell.secretInAddress ? [`  <!-- ${shell.secretInAddress}: it must never leave in a Referer header. -->`] : []),
    '  <meta name="referrer" content="no-referrer">',
    `  <meta name="theme-color" content="${shell.themeColor}">`,
    `  <title>${shell.title}</title>`,
    `  <link rel="icon" href="${shell.assets}icons/doorside.svg" type="image/svg+xml">`,
    `  <link rel="apple-touch-icon" href="${shell.assets}icons/doorside-192.png">`,
    // The gateway adds the room (and a sign's address) to this link when it serves the shell.
    ...(shell.app ? [`  <link rel="manifest" href="${shell.assets.replace('assets/', '')}${page}.webmanifest">`] : []),
    `  <style>${shell.style}</style>`,
    ...(early ? [`  <script>\n${early.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}\n  </script>`] : []),
    ...preload.map((file) => `  <link rel="modulepreload" href="${shell.assets}${file}">`),
    `  <script type="module" src="${shell.assets}${page}.js"></script>`,
    '</head>',
    '<body>',
    `  <ds-${page}-page></ds-${page}-page>`,
    '</body>',
    '</html>',
    '',
  ];
  return lines.join('\n');
}
