import type { Context } from 'hono';

/** The client address: the socket's, or the hop a trusted proxy in front added to X-Forwarded-For. */
export function requestIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    // The right-most entry is what our proxy appended; entries before it are whatever the client sent.
    if (xff) {
      const hops = xff
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean);
      if (hops.length) return hops[hops.length - 1];
    }
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}
