export * from './definition.ts';
export * from './engine.ts';
