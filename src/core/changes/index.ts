export * from './posted-lines';
export * from './diff';
export * from './still-holds';
