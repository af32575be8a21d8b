export * from './types';
export * from './categories';
export * from './defaults';
export * from './match';
export * from './tables';
export * from './templates';
