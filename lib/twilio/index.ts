export * from './attributes';
export * from './errors';
export * from './roles';
export * from './target';
export * from './unresolved';
