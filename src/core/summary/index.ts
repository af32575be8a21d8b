export * from './types';
export * from './aggregate';
export * from './parts';
export * from './summarise';
export * from './clearing';
export * from './lines';
