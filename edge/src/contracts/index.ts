export * from './ids.ts';
export * from './domain.ts';
export * from './http.ts';
export * from './mqtt.ts';
export * from './live.ts';
export * from './reports.ts';
export * from './queue.ts';
export * from './bridge.ts';
