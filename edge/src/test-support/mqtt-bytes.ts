/** MQTT's variable-length "remaining length", for tests that write raw packets. */
export function encodeRemainingLength(length: number): Buffer {
  const bytes: number[] = [];
  do {
    const digit = length % 128;
    length = Math.floor(length / 128);
    bytes.push(length > 0 ? digit | 0x80 : digit);
  } while (length > 0);
  return Buffer.from(bytes);
}
