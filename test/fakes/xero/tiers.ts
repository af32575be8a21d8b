/**
 * What an app's developer tier allows since 2 March 2026: how many organisations may be connected
 * to it, and how many calls it may make per organisation per day.
 *
 * Connections: Xero's "Pricing and Policy Updates" FAQ (developer.xero.com/faq/pricing-and-policy-updates):
 * Starter 5, Core 50, Plus 1,000, Advanced 10,000, Enterprise no limit. Calls per day: 1,000 per
 * organisation on Starter (support.databuzz.com.au "Changes to the Xero Developer Pricing": "the
 * limits of 5 connections and 1,000 API calls per day"), 5,000 on the other tiers
 * (developer.xero.com/faq/limits; DOMAIN.md §4).
 */
import type { AppTier, RegisteredApp } from './identity';

/** The limits of each tier. */
export const TIERS: Readonly<Record<AppTier, { connections: number; callsPerDay: number }>> = {
  starter: { connections: 5, callsPerDay: 1000 },
  core: { connections: 50, callsPerDay: 5000 },
  plus: { connections: 1000, callsPerDay: 5000 },
  advanced: { connections: 10_000, callsPerDay: 5000 },
  enterprise: { connections: Number.POSITIVE_INFINITY, callsPerDay: 5000 },
};

/** The tier's limits for an app (Starter, where new apps start, when it names none). */
export function tierOf(app: RegisteredApp): { name: AppTier; connections: number; callsPerDay: number } {
  const name = app.tier ?? 'starter';
  return { name, ...TIERS[name] };
}
