export * from './types';
export * from './aggregate';
export * from './parts';
export * from './summarise';
