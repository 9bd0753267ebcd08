/** A fixed-window counter per key, in process memory: enough for one node; behind a balancer, the proxy limits too. */
export function createRateLimiter(opts: { limit: number; windowMs: number; now: () => number }) {
  const windows = new Map<string, { start: number; count: number }>();
  const evictExpired = (t: number) => {
    for (const [k, w] of windows) if (t - w.start >= opts.windowMs) windows.delete(k);
  };
  return {
    /** `allowed`; `first` is true on the first refused call of a window (to audit once); `retryAfterS` to wait. */
    hit(key: string): { allowed: boolean; first: boolean; retryAfterS: number } {
      const t = opts.now();
      let w = windows.get(key);
      if (!w || t - w.start >= opts.windowMs) {
        // Only expired windows go: cycling through many keys must not reset anyone's count.
        if (windows.size > 10_000) evictExpired(t);
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const retryAfterS = Math.max(1, Math.ceil((w.start + opts.windowMs - t) / 1000));
      return { allowed: w.count <= opts.limit, first: w.count === opts.limit + 1, retryAfterS };
    },
  };
}
