export * from './credentials.ts';
export * from './esphome.ts';
export * from './kiosk-config.ts';
export * from './mosquitto-files.ts';
export * from './qr-sheet.ts';
export * from './sign-lambdas.ts';
export * from './sign-words.ts';
