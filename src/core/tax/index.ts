/**
 * Tax in settlements: which lines carry tax Amazon remits and which the seller accounts for.
 */
export * from './classify';
