import { config } from 'zod/mini';

// The gateway's Content-Security-Policy allows no 'unsafe-eval'. Left alone, zod tries
// `new Function` once to see whether it may compile its parsers, and the browser reports
// that attempt as a violation; without it, zod parses the same way, only interpreted.
// Each page's entry imports this first. (zod/mini and zod share this setting.)
config({ jitless: true });
