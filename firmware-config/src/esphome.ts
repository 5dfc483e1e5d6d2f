import { createHash } from 'node:crypto';
import { Document, Scalar } from 'yaml';
import { assertTopicFilter, assertUsername } from './mosquitto-files.ts';
import { ANNOUNCEMENT_CLEARED, COMMAND_LAMBDA, RSSI_LAMBDA, STATUS_LAMBDA, announcementLambda, displayLambda } from './sign-lambdas.ts';
import { EXTRA_LETTERS, SIGN_WORDS } from './sign-words.ts';
import type { SignLanguage } from './sign-words.ts';

/**
 * The ESPHome configuration of an e-paper room sign (ESP32 + Waveshare 2.9" V2):
 * it subscribes to its room's retained status and retained announcement, keeps
 * status/reason/since and the announcement's words in globals and redraws the
 * panel when they change; an empty retained announcement takes it off the panel. Wi-Fi and OTA passwords stay
 * in ESPHome's secrets.yaml (`!secret`); the MQTT credentials are the device's own.
 */
export interface EsphomeSignInput {
  site: string;
  deviceId: string;
  room: { id: string; name: string };
  secret: string;
  broker: { host: string; port: number };
  statusTopic: string;
  /** The room's retained announcement, `doorside/{site}/rooms/{room}/announcement`; absent: the sign shows none. */
  announcementTopic?: string;
  commandsTopic: string;
  eventsTopic: string;
  presenceTopic: string;
  language: SignLanguage;
  board?: { platform: 'esp32'; board: string };
}

export const DEFAULT_BOARD = 'esp32dev';
export const EPAPER_MODEL = '2.90inv2';
/** Waveshare's "e-Paper ESP32 Driver Board" wiring. */
export const EPAPER_PINS = { clk: 'GPIO13', mosi: 'GPIO14', cs: 'GPIO15', dc: 'GPIO27', busy: 'GPIO25', reset: 'GPIO26' } as const;
const LATIN_FONT = 'gfonts://Roboto';
const CJK_FONT = 'gfonts://Noto Sans SC';
const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/**
 * ESPHome node name from a device id: lowercase letters, digits and hyphens, at most
 * 31 characters. An id that already obeys is kept; any other gets a short hash of
 * the id so that two ids never collapse into one name.
 */
export function esphomeNodeName(deviceId: string): string {
  if (/^[a-z0-9](?:[a-z0-9-]{0,29}[a-z0-9])?$/.test(deviceId)) return deviceId;
  const slug = deviceId.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const hash = createHash('sha256').update(deviceId).digest('hex').slice(0, 6);
  const head = slug.slice(0, 31 - hash.length - 1).replace(/-+$/, '');
  return `${head || 'sign'}-${hash}`;
}

export function esphomeSignConfig(input: EsphomeSignInput): string {
  validate(input);
  const { deviceId, room, language } = input;
  const words = SIGN_WORDS[language];
  const wordText = [...Object.values(words.status), words.waiting, words.since].join('');

  const config = {
    esphome: {
      name: esphomeNodeName(deviceId),
      friendly_name: room.name,
      comment: `Doorside room sign for room ${room.id} at site ${input.site}`,
      min_version: '2024.6.0',
      on_boot: { priority: -100, then: [{ 'component.update': 'epaper' }] },
    },
    esp32: { board: input.board?.board ?? DEFAULT_BOARD },
    logger: { level: 'INFO' },
    wifi: { ssid: secret('wifi_ssid'), password: secret('wifi_password') },
    ota: [{ platform: 'esphome', password: secret('ota_password') }],
    mqtt: {
      broker: input.broker.host,
      port: input.broker.port,
      username: deviceId,
      password: input.secret,
      client_id: deviceId,
      discovery: false,
      log_topic: null,
      birth_message: { topic: input.presenceTopic, payload: 'online', qos: 1, retain: true },
      will_message: { topic: input.presenceTopic, payload: 'offline', qos: 1, retain: true },
      shutdown_message: { topic: input.presenceTopic, payload: 'offline', qos: 1, retain: true },
      on_json_message: [
        { topic: input.statusTopic, qos: 1, then: [{ lambda: block(STATUS_LAMBDA) }, { 'component.update': 'epaper' }] },
        { topic: input.commandsTopic, qos: 1, then: [{ lambda: block(COMMAND_LAMBDA) }] },
        ...(input.announcementTopic
          ? [{ topic: input.announcementTopic, qos: 1, then: [{ lambda: block(announcementLambda(language)) }, { 'component.update': 'epaper' }] }]
          : []),
      ],
      // An empty payload is no JSON, so on_json_message never sees the clearing at expiry: this does.
      ...(input.announcementTopic
        ? { on_message: [{ topic: input.announcementTopic, qos: 1, then: [{ if: { condition: { lambda: ANNOUNCEMENT_CLEARED }, then: [{ lambda: 'id(sign_notice) = "";' }, { 'component.update': 'epaper' }] } }] }] }
        : {}),
    },
    globals: ['sign_status', 'sign_reason', 'sign_since', 'sign_notice'].map((id) => ({ id, type: 'std::string', restore_value: false, initial_value: '""' })),
    sensor: [{
      platform: 'wifi_signal',
      id: 'wifi_rssi',
      internal: true,
      update_interval: '300s',
      on_value: [{ 'mqtt.publish_json': { topic: input.eventsTopic, payload: block(RSSI_LAMBDA) } }],
    }],
    spi: { clk_pin: EPAPER_PINS.clk, mosi_pin: EPAPER_PINS.mosi },
    font: [
      font('font_name', 26, 700, room.name),
      font('font_status', 22, 700, wordText),
      font('font_small', 14, 400, `${PRINTABLE_ASCII}${EXTRA_LETTERS[language]}${wordText}`),
    ],
    display: [{
      platform: 'waveshare_epaper',
      id: 'epaper',
      model: EPAPER_MODEL,
      cs_pin: EPAPER_PINS.cs,
      dc_pin: EPAPER_PINS.dc,
      busy_pin: EPAPER_PINS.busy,
      reset_pin: EPAPER_PINS.reset,
      rotation: 270,
      full_update_every: 10,
      update_interval: 'never',
      lambda: block(displayLambda(room.name, language)),
    }],
  };
  const doc = new Document(config);
  doc.commentBefore = ` Doorside room sign ${JSON.stringify(deviceId)}, generated by @doorside/firmware-config: edit the generator, not this file.`;
  return doc.toString({ lineWidth: 0 });
}

/** One Roboto font; characters Roboto lacks (CJK) come from Noto Sans SC as `extras`. */
function font(id: string, size: number, weight: number, text: string) {
  const chars = [...new Set(`${PRINTABLE_ASCII}${text}`)];
  const isCjk = (ch: string) => ch.codePointAt(0)! >= 0x2e80;
  const latin = chars.filter((ch) => !isCjk(ch));
  const cjk = chars.filter(isCjk);
  return {
    id,
    file: `${LATIN_FONT}@${weight}`,
    size,
    glyphs: latin,
    ...(cjk.length > 0 ? { extras: [{ file: `${CJK_FONT}@${weight}`, glyphs: cjk }] } : {}),
  };
}

function secret(name: string): Scalar {
  const node = new Scalar(name);
  node.tag = '!secret';
  return node;
}

function block(text: string): Scalar {
  const node = new Scalar(text);
  node.type = Scalar.BLOCK_LITERAL;
  return node;
}

function validate(input: EsphomeSignInput): void {
  assertUsername(input.deviceId);
  if (input.secret.length === 0) throw new Error('empty device secret');
  if (input.room.name.trim().length === 0) throw new Error('empty room name');
  if (!(input.language in SIGN_WORDS)) throw new Error(`unsupported sign language ${JSON.stringify(input.language)}`);
  if (!/^[A-Za-z0-9_.:-]+$/.test(input.broker.host)) throw new Error(`bad broker host ${JSON.stringify(input.broker.host)}`);
  if (!Number.isInteger(input.broker.port) || input.broker.port < 1 || input.broker.port > 65535) throw new Error(`bad broker port ${input.broker.port}`);
  if (input.board && !/^[a-z0-9_.-]+$/i.test(input.board.board)) throw new Error(`bad board ${JSON.stringify(input.board.board)}`);
  for (const topic of [input.statusTopic, input.commandsTopic, input.eventsTopic, input.presenceTopic, ...(input.announcementTopic ? [input.announcementTopic] : [])]) {
    assertTopicFilter(topic);
    if (/[+#]/.test(topic)) throw new Error(`sign topic ${JSON.stringify(topic)} must not be a wildcard`);
  }
}
