import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ScalarTag } from 'yaml';
import { esphomeNodeName, esphomeSignConfig } from './esphome.ts';
import type { EsphomeSignInput } from './esphome.ts';
import { SIGN_LANGUAGES, SIGN_STATUSES, SIGN_WORDS } from './sign-words.ts';

const secretTag: ScalarTag = { tag: '!secret', resolve: (name) => ({ secret: name }) };
const lambdaTag: ScalarTag = { tag: '!lambda', resolve: (code) => ({ lambda: code }) };

type Yaml = any;
const load = (text: string): Yaml => parse(text, { customTags: [secretTag, lambdaTag] });

const input = (over: Partial<EsphomeSignInput> = {}): EsphomeSignInput => ({
  site: 'oslo-hq',
  deviceId: 'sign-101',
  room: { id: '101', name: 'Room 101' },
  secret: 'dev-secret: "x"',
  broker: { host: 'gw.local', port: 1883 },
  statusTopic: 'doorside/oslo-hq/rooms/101/status',
  announcementTopic: 'doorside/oslo-hq/rooms/101/announcement',
  commandsTopic: 'doorside/oslo-hq/devices/sign-101/commands',
  eventsTopic: 'doorside/oslo-hq/devices/sign-101/events',
  presenceTopic: 'doorside/oslo-hq/devices/sign-101/presence',
  language: 'en',
  ...over,
});

/** The decoded text of the C++ string literal passed to `it.print(..., id(font_name), "...")`. */
function printedRoomName(lambda: string): string | undefined {
  const literal = /id\(font_name\), "((?:[^"\\]|\\.)*)"\)/.exec(lambda)?.[1];
  return literal?.replace(/\\([0-7]{3}|.)/g, (_, esc: string) => (esc.length === 3 ? String.fromCharCode(parseInt(esc, 8)) : esc));
}

describe('ESPHome e-paper sign config', () => {
  it('has every block an ESPHome build needs', () => {
    const config = load(esphomeSignConfig(input()));

    for (const key of ['esphome', 'esp32', 'wifi', 'logger', 'ota', 'mqtt', 'globals', 'spi', 'font', 'display']) expect(config).toHaveProperty(key);
    expect(config.esp32.board).toBe('esp32dev');
    expect(config.display[0]).toMatchObject({ platform: 'waveshare_epaper', id: 'epaper', model: '2.90inv2', update_interval: 'never' });
    for (const pin of ['cs_pin', 'dc_pin', 'busy_pin', 'reset_pin']) expect(config.display[0][pin]).toMatch(/^GPIO\d+$/);
    expect(config.globals.map((g: Yaml) => [g.id, g.type])).toEqual([['sign_status', 'std::string'], ['sign_reason', 'std::string'], ['sign_since', 'std::string'], ['sign_notice', 'std::string']]);
  });

  it('takes Wi-Fi and OTA passwords from secrets.yaml with !secret tags', () => {
    const text = esphomeSignConfig(input());

    const config = load(text);

    expect(text).toContain('ssid: !secret wifi_ssid');
    expect(config.wifi).toEqual({ ssid: { secret: 'wifi_ssid' }, password: { secret: 'wifi_password' } });
    expect(config.ota).toEqual([{ platform: 'esphome', password: { secret: 'ota_password' } }]);
  });

  it('logs in to the broker as the device, with its own secret and no discovery', () => {
    const config = load(esphomeSignConfig(input({ broker: { host: '10.0.0.2', port: 8883 } })));

    expect(config.mqtt).toMatchObject({ broker: '10.0.0.2', port: 8883, username: 'sign-101', password: 'dev-secret: "x"', client_id: 'sign-101', discovery: false });
  });

  it('announces presence online and offline, retained, on the presence topic', () => {
    const { mqtt } = load(esphomeSignConfig(input()));

    const presence = { topic: 'doorside/oslo-hq/devices/sign-101/presence', retain: true };

    expect(mqtt.birth_message).toMatchObject({ ...presence, payload: 'online' });
    expect(mqtt.will_message).toMatchObject({ ...presence, payload: 'offline' });
  });

  it('copies status, reason and since from the status topic and redraws the panel', () => {
    const { mqtt } = load(esphomeSignConfig(input()));

    const [handler] = mqtt.on_json_message;

    expect(handler.topic).toBe('doorside/oslo-hq/rooms/101/status');
    for (const field of ['status', 'reason', 'since']) expect(handler.then[0].lambda).toContain(`id(sign_${field}) = x["${field}"]`);
    expect(handler.then).toContainEqual({ 'component.update': 'epaper' });
  });

  it('shows the room\'s retained announcement in the sign\'s language, falling back to the others, and takes it off when it is cleared', () => {
    const { mqtt, display } = load(esphomeSignConfig(input({ language: 'nb' })));

    const shown = mqtt.on_json_message.find((h: Yaml) => h.topic === 'doorside/oslo-hq/rooms/101/announcement');
    const [cleared] = mqtt.on_message;

    expect(shown.then[0].lambda).toContain('const char *order[] = {"nb", "en", "zh", "nl"};');
    expect(shown.then[0].lambda).toContain('title = x["title"][lang] | "";');
    expect(shown.then[0].lambda).toContain('id(sign_notice) =');
    expect(shown.then).toContainEqual({ 'component.update': 'epaper' });
    expect(cleared.topic).toBe('doorside/oslo-hq/rooms/101/announcement');
    expect(cleared.then[0].if.condition.lambda).toBe('return x.empty();');
    expect(cleared.then[0].if.then).toEqual([{ lambda: 'id(sign_notice) = "";' }, { 'component.update': 'epaper' }]);
    expect(display[0].lambda).toContain('if (!id(sign_notice).empty()) {');
    expect(display[0].lambda).toContain('id(sign_notice).c_str()');
  });

  it('subscribes to no announcement when it is given no topic, and refuses a wildcard one', () => {
    const { mqtt } = load(esphomeSignConfig(input({ announcementTopic: undefined })));

    expect(mqtt.on_json_message).toHaveLength(2);
    expect(mqtt.on_message).toBeUndefined();
    expect(() => esphomeSignConfig(input({ announcementTopic: 'doorside/oslo-hq/rooms/+/announcement' }))).toThrow(/wildcard/);
  });

  it('acts on the gateway\'s JSON commands and reports readings on its events topic', () => {
    const config = load(esphomeSignConfig(input()));

    const commands = config.mqtt.on_json_message[1];
    expect(commands.topic).toBe('doorside/oslo-hq/devices/sign-101/commands');
    for (const type of ['"reload"', '"show"', '"identify"']) expect(commands.then[0].lambda).toContain(`type == ${type}`);
    expect(config.sensor[0].on_value[0]['mqtt.publish_json'].topic).toBe('doorside/oslo-hq/devices/sign-101/events');
    expect(config.sensor[0].internal).toBe(true);
  });

  it.each(SIGN_LANGUAGES)('maps every status to its word in %s', (language) => {
    const { display } = load(esphomeSignConfig(input({ language })));

    const lambda: string = display[0].lambda;

    for (const code of SIGN_STATUSES) expect(lambda).toContain(`(code == "${code}") label = "${SIGN_WORDS[language].status[code]}";`);
    expect(lambda).toContain(SIGN_WORDS[language].waiting);
  });

  it('uses the sign translations a native reader expects for zh, nb and nl', () => {
    const word = (language: 'zh' | 'nb' | 'nl', code: 'available' | 'do_not_use') => SIGN_WORDS[language].status[code];

    const words = [word('zh', 'available'), word('zh', 'do_not_use'), word('nb', 'available'), word('nl', 'do_not_use')];

    expect(words).toEqual(['可用', '禁止使用', 'Ledig', 'Niet gebruiken']);
  });

  it('draws Latin text with Roboto and Chinese text with a CJK font listing exactly the characters used', () => {
    const { font } = load(esphomeSignConfig(input({ language: 'zh', room: { id: '3', name: '会议室 3' } })));

    const cjkFor = (id: string) => font.find((f: Yaml) => f.id === id).extras?.[0];

    for (const f of font) expect(f.file).toMatch(/^gfonts:\/\/Roboto/);
    expect(cjkFor('font_name').file).toMatch(/^gfonts:\/\/Noto Sans SC/);
    expect(new Set(cjkFor('font_name').glyphs)).toEqual(new Set('会议室'));
    const statusWords = Object.values(SIGN_WORDS.zh.status).join('') + SIGN_WORDS.zh.waiting;
    for (const ch of statusWords) expect(cjkFor('font_status').glyphs).toContain(ch);
    expect(cjkFor('font_status').glyphs).not.toContain('A');
  });

  it('needs no CJK font for a Latin-only sign, and lists each glyph once', () => {
    const { font } = load(esphomeSignConfig(input({ language: 'nb', room: { id: '7', name: 'Møterom Ærø' } })));

    const nameFont = font.find((f: Yaml) => f.id === 'font_name');

    expect(font.some((f: Yaml) => f.extras)).toBe(false);
    expect(nameFont.glyphs).toEqual(expect.arrayContaining(['ø', 'Æ', '"', ':']));
    for (const f of font) expect(new Set(f.glyphs).size).toBe(f.glyphs.length);
  });

  it('keeps a room name with quotes, colons and Chinese intact through YAML and C++', () => {
    const name = 'Lab "A": 会议室 #2 \\ ok? \'x\'';

    const config = load(esphomeSignConfig(input({ room: { id: 'lab-a', name } })));

    expect(config.esphome.friendly_name).toBe(name);
    expect(printedRoomName(config.display[0].lambda)).toBe(name);
  });

  it('names the node by ESPHome rules, keeping valid ids and telling lossy ones apart', () => {
    const ids = ['sign-101', 'Sign_101', 'sign 101', '会议室-牌', 'a-very-long-device-identifier-for-room-4711-east', 'a-very-long-device-identifier-for-room-4712-east'];

    const names = ids.map(esphomeNodeName);

    for (const n of names) expect(n).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,29}[a-z0-9])?$/);
    expect(names[0]).toBe('sign-101');
    expect(new Set(names).size).toBe(ids.length);
  });

  it('uses the given board', () => {
    const config = load(esphomeSignConfig(input({ board: { platform: 'esp32', board: 'esp32-c3-devkitm-1' } })));

    expect(config.esp32.board).toBe('esp32-c3-devkitm-1');
  });

  it('refuses wildcard topics, bad device ids and bad ports', () => {
    const act = (over: Partial<EsphomeSignInput>) => () => esphomeSignConfig(input(over));

    expect(act({ statusTopic: 'doorside/oslo-hq/rooms/+/status' })).toThrow(/wildcard/);
    expect(act({ presenceTopic: 'a b' })).toThrow(/whitespace/);
    expect(act({ deviceId: 'sign:101' })).toThrow(/':'/);
    expect(act({ broker: { host: 'gw', port: 0 } })).toThrow(/port/);
  });
});
