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
export { DEFAULT_APP, DEFAULT_USER, LIFETIMES } from './identity';
export type { AppTier, RegisteredApp, SandboxUser } from './identity';
export { BROAD_SCOPES, KNOWN_SCOPES } from './scopes';
export { TIERS } from './tiers';
export type { FaultKind, FaultMatch, FaultPlan, FaultRule } from './faults';
export { LIMITS } from './rate-limit';
export { IDEMPOTENCY_KEY_LIFETIME_MS, IDEMPOTENCY_KEY_MAX } from './idempotency';
export { SEEDED_ORGANISATIONS, TENANT_IDS, demoCompanySeed, seedOrganisations, unlocked } from './seed';
export { REGIONAL_TENANT_IDS, regionalOrganisations } from './seed-regions';
export type { Account, Currency, OrganisationSeed, OrganisationState, TaxRate } from './model';
export type { SandboxDocument, SandboxDocumentLine } from './invoice-render';
export type { SandboxJournal } from './manual-journals';
export type { SandboxAttachment } from './attachments';
export { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_DOCUMENT } from './attachments';
