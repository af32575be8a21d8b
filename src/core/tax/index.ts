/**
 * Tax in settlements: which lines carry tax Amazon remits and which the seller accounts for, and
 * what a line alone says about it (for a server given the browser's roles).
 */
export * from './classify';
export * from './local-roles';
