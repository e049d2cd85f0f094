import { retryDelayMs, retryPolicy } from './retry_policy';

describe('retry policy', () => {
  it('applies documented defaults', () => {
    expect(retryPolicy({ 'max-attempts': 3 })).toEqual({
      maxAttempts: 3, delayMs: 1000, strategy: 'fixed', multiplier: 2, maxDelayMs: Number.POSITIVE_INFINITY, jitter: false, condition: undefined,
    });
    expect(retryPolicy(undefined)).toBeUndefined();
  });

  it('refuses a max-delay below the delay', () => {
    expect(() => retryPolicy({ 'max-attempts': 2, delay: '10s', 'max-delay': '5s' })).toThrow(
      'on-failure.retry: max-delay (5s) cannot be less than delay (10s)'
    );
  });

  it.each([
    [{ 'max-attempts': 5, delay: '2s' }, [2000, 2000, 2000]],
    [{ 'max-attempts': 5, delay: '1s', strategy: 'exponential' as const }, [1000, 2000, 4000]],
    [{ 'max-attempts': 5, delay: '1s', strategy: 'exponential' as const, multiplier: 3, 'max-delay': '5s' }, [1000, 3000, 5000]],
  ])('computes delays for %j', (retry, expected) => {
    const policy = retryPolicy(retry)!;
    expect([2, 3, 4].map((attempt) => retryDelayMs(policy, attempt))).toEqual(expected);
  });

  it('spreads delays by up to 20% with jitter', () => {
    const policy = retryPolicy({ 'max-attempts': 3, delay: '10s', jitter: true })!;
    expect(retryDelayMs(policy, 2, () => 0)).toBe(8000);
    expect(retryDelayMs(policy, 2, () => 1)).toBe(12000);
    expect(retryDelayMs(policy, 2, () => 0.5)).toBe(10000);
  });
});
