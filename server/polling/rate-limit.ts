/**
 * Spaces calls to at most `perSecond` per second (one limiter per provider per run). The clock
 * and sleep are injectable so tests count calls without waiting.
 */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function rateLimiter(perSecond: number, opts: { sleep?: Sleep; now?: () => number } = {}) {
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? (() => performance.now());
  const gapMs = 1000 / perSecond;
  let next = -Infinity;
  return async function acquire(): Promise<void> {
    const t = now();
    const wait = next - t;
    next = Math.max(t, next) + gapMs;
    if (wait > 0) await sleep(wait);
  };
}
