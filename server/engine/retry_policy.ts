/**
 * The retry policy of a step (`on-failure.retry`) as typed data with its defaults, validated when
 * built. Pure: the random source is passed in so tests can pin the jitter.
 */
import type { Retry } from '../../common/spec';
import { parseDuration } from '../steps/wait/duration';

export interface RetryPolicy {
  maxAttempts: number;
  delayMs: number;
  strategy: 'fixed' | 'exponential';
  multiplier: number;
  maxDelayMs: number;
  jitter: boolean;
  condition?: string | boolean;
}

export const DEFAULT_RETRY_DELAY_MS = 1000;
const JITTER = 0.2;

export function retryPolicy(retry: Retry | undefined): RetryPolicy | undefined {
  if (!retry) return undefined;
  const delayMs = retry.delay ? parseDuration(retry.delay) : DEFAULT_RETRY_DELAY_MS;
  const maxDelayMs = retry['max-delay'] ? parseDuration(retry['max-delay']) : Number.POSITIVE_INFINITY;
  if (maxDelayMs < delayMs) throw new Error(`on-failure.retry: max-delay (${retry['max-delay']}) cannot be less than delay (${retry.delay})`);
  return {
    maxAttempts: retry['max-attempts'],
    delayMs,
    strategy: retry.strategy ?? 'fixed',
    multiplier: retry.multiplier ?? 2,
    maxDelayMs,
    jitter: retry.jitter ?? false,
    condition: retry.condition as string | boolean | undefined,
  };
}

/** Wait before attempt `nextAttempt` (2 = the first retry). */
export function retryDelayMs(policy: RetryPolicy, nextAttempt: number, random: () => number = Math.random): number {
  const base = policy.strategy === 'exponential' ? policy.delayMs * policy.multiplier ** (nextAttempt - 2) : policy.delayMs;
  const capped = Math.min(base, policy.maxDelayMs);
  if (!policy.jitter) return capped;
  return Math.max(0, Math.round(capped * (1 + (random() * 2 - 1) * JITTER)));
}
