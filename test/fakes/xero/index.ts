/**
 * The local Xero sandbox: a faithful stand-in for Xero's identity and accounting APIs behind the
 * project's HttpPort, for end-to-end tests and the workbench.
 */
export { createXeroSandbox } from './sandbox';
export type { GrantSummary, SandboxOutcome, XeroSandbox, XeroSandboxOptions } from './sandbox';
export { startXeroSandboxServer } from './server';
export type { XeroSandboxServer } from './server';
export { manualClock } from './clock';
export type { ManualClock } from './clock';
export { DEFAULT_APP, DEFAULT_USER, KNOWN_SCOPES, LIFETIMES } from './identity';
export type { RegisteredApp, SandboxUser } from './identity';
export type { FaultKind, FaultMatch, FaultPlan, FaultRule } from './faults';
export { LIMITS } from './rate-limit';
export { IDEMPOTENCY_KEY_MAX } from './accounting';
export { SEEDED_ORGANISATIONS, TENANT_IDS, seedOrganisations } from './seed';
export { REGIONAL_TENANT_IDS, regionalOrganisations } from './seed-regions';
export type { Account, Currency, OrganisationSeed, OrganisationState, TaxRate } from './model';
export type { SandboxDocument, SandboxDocumentLine } from './invoice-render';
