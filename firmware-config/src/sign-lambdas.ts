import { SIGN_LANGUAGES, SIGN_STATUSES, SIGN_WORDS } from './sign-words.ts';
import type { SignLanguage } from './sign-words.ts';

/** The C++ snippets (ESPHome lambdas) of the e-paper room sign. */

/** C++ string literal for `text`: UTF-8 kept, quotes, backslashes, '?' and control characters escaped. */
export function cppString(text: string): string {
  const body = text.replace(/[\\"?\u0000-\u001f\u007f]/g, (ch) => {
    if (ch === '\\' || ch === '"' || ch === '?') return `\\${ch}`;
    return `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`;
  });
  return `"${body}"`;
}

export const STATUS_LAMBDA = [
  'id(sign_status) = x["status"] | "";',
  'id(sign_reason) = x["reason"] | "";',
  'id(sign_since) = x["since"] | "";',
].join('\n');

/**
 * A room's retained announcement (JSON with `title` and `text` per language): its title and
 * text in the sign's language, else in the first language it has, into `sign_notice`.
 */
export function announcementLambda(language: SignLanguage): string {
  const order = [language, ...SIGN_LANGUAGES.filter((l) => l !== language)];
  return [
    `// The sign's language first (${language}), then the others the gateway knows.`,
    `const char *order[] = {${order.map(cppString).join(', ')}};`,
    'std::string title, text;',
    'for (const char *lang : order) {',
    '  title = x["title"][lang] | "";',
    '  if (!title.empty()) { text = x["text"][lang] | ""; break; }',
    '}',
    'id(sign_notice) = text.empty() ? title : title + ": " + text;',
  ].join('\n');
}

/** An empty retained payload on the announcement topic: nothing is live in the room any more. */
export const ANNOUNCEMENT_CLEARED = 'return x.empty();';

export const COMMAND_LAMBDA = [
  '// The gateway\'s commands (JSON with a "type"): "reload" redraws, "show" puts its text in the reason line,',
  '// "identify" marks the screen so a technician finds this sign; answers to button presses are ignored.',
  'std::string type = x["type"] | "";',
  'if (type == "show") id(sign_reason) = x["text"] | "";',
  'else if (type == "identify") id(sign_reason) = ">>> IDENTIFY <<<";',
  'if (type == "reload" || type == "show" || type == "identify") id(epaper).update();',
].join('\n');

export const RSSI_LAMBDA = [
  'root["type"] = "reading";',
  'root["sensor"] = "wifi_rssi";',
  'root["value"] = x;',
  'root["unit"] = "dBm";',
].join('\n');

export function displayLambda(roomName: string, language: SignLanguage): string {
  const words = SIGN_WORDS[language];
  const mapping = SIGN_STATUSES.map((code, i) => `${i === 0 ? 'if' : 'else if'} (code == ${cppString(code)}) label = ${cppString(words.status[code])};`);
  return [
    `// Status words: ${language}`,
    'const std::string &code = id(sign_status);',
    `const char *label = ${cppString(words.waiting)};`,
    ...mapping,
    'else if (!code.empty()) label = code.c_str();',
    'const bool alert = code == "do_not_use" || code == "pending_recovery";',
    'it.fill(COLOR_OFF);',
    `it.print(4, 2, id(font_name), ${cppString(roomName)});`,
    'it.line(0, 34, it.get_width(), 34);',
    'if (alert) {',
    '  it.filled_rectangle(0, 36, it.get_width(), 30);',
    '  it.print(4, 38, id(font_status), COLOR_OFF, label);',
    '} else {',
    '  it.print(4, 38, id(font_status), label);',
    '}',
    'if (!id(sign_reason).empty()) it.print(4, 72, id(font_small), id(sign_reason).c_str());',
    '// The room\'s announcement, framed, on one line above the time (the panel cuts what is longer).',
    'if (!id(sign_notice).empty()) {',
    '  it.rectangle(0, 88, it.get_width(), 20);',
    '  it.print(4, 91, id(font_small), id(sign_notice).c_str());',
    '}',
    'if (id(sign_since).size() >= 16) {',
    '  std::string since = id(sign_since).substr(0, 16);',
    "  since[10] = ' ';",
    `  it.printf(4, it.get_height() - 18, id(font_small), "%s %s", ${cppString(words.since)}, since.c_str());`,
    '}',
  ].join('\n');
}
