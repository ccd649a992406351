export * from './definition.ts';
export * from './engine.ts';
export * from './action-log.ts';
export * from './act.ts';
export * from './store.ts';
