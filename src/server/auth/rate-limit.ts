/** A fixed-window counter per key, in process memory: enough for one node; behind a balancer, the proxy limits too. */
export function createRateLimiter(opts: { limit: number; windowMs: number; now: () => number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** true when the call is allowed. */
    hit(key: string): boolean {
      const t = opts.now();
      const w = windows.get(key);
      if (!w || t - w.start >= opts.windowMs) {
        if (windows.size > 10_000) windows.clear();
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      w.count += 1;
      return w.count <= opts.limit;
    },
  };
}
