import type { Context, MiddlewareHandler } from 'hono';
import type { Env as AppEnv } from '../env';

// What the browser is told to refuse (issue #11, decision 019): other sites framing us, scripts and connections from
// anywhere but our own origin, device features the app never uses, plain HTTP once HTTPS has been seen.

/**
 * The web app's policy. Scripts only from our own files (the built index.html has no inline script); styles also
 * inline, because antd's CSS-in-JS writes <style> elements at run time (decision 019). Images may be data:/blob:
 * (antd's upload previews, downloads made in the page).
 */
export const HTML_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** An API answer is data or a download, never a page: nothing in it may load or run, nor be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Device features the app never asks for. A phone still takes photos for evidence through <input type=file capture>,
 * which opens the camera application and needs no permission. Only features Chromium knows are listed: an unknown one
 * is a console warning on every page (Chromium 156 no longer knows `bluetooth`, so it is gone).
 */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'screen-wake-lock=()',
  'xr-spatial-tracking=()',
].join(', ');

/** One year; subdomains are left out: other sites of the same government domain may not all be on HTTPS. */
export const HSTS = 'max-age=31536000';

/** The built, hashed script/style/font files under /assets/ (never a document). */
function isStaticAsset(path: string): boolean {
  return path.startsWith('/assets/') && /\.(js|css|woff2?|map)$/.test(path);
}

export function securityHeaders(env: Pick<AppEnv, 'COOKIE_SECURE'>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    // Framing, referrer and feature policies act on documents only. A page loads some fifty script and style files,
    // each of which would carry ~300 bytes of them to a phone for nothing (issue 16); nosniff does act on scripts.
    if (!isStaticAsset(c.req.path)) {
      c.header('X-Frame-Options', 'DENY');
      c.header('Referrer-Policy', 'same-origin');
      c.header('Permissions-Policy', PERMISSIONS_POLICY);
    }
    // Browsers ignore it over plain HTTP; sent whenever the deployment says it is behind HTTPS.
    if (env.COOKIE_SECURE === '1') c.header('Strict-Transport-Security', HSTS);
    const type = c.res.headers.get('content-type') ?? '';
    if (type.toLowerCase().startsWith('text/html')) c.header('Content-Security-Policy', HTML_CSP);
    else if (c.req.path.startsWith('/api/')) c.header('Content-Security-Policy', API_CSP);
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}

/**
 * `application/json`, with parameters or not (`; charset=utf-8`); not `application/jsonx` nor `application/json-seq`,
 * which a prefix test would let through.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * The origin a write request must come from. With PUBLIC_URL (required in production) that address alone: the
 * request's own Host header is whatever the sender wrote. Without it (development) the request's address, as the
 * browser sees it behind a trusted TLS proxy.
 */
export function expectedOrigin(c: Context, env: Pick<AppEnv, 'PUBLIC_URL' | 'TRUST_PROXY'>): string {
  if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).origin;
  const own = new URL(c.req.url);
  const forwarded = (name: string) =>
    env.TRUST_PROXY === '1' ? c.req.header(name)?.split(',')[0].trim() || undefined : undefined;
  const protocol = forwarded('x-forwarded-proto') ? `${forwarded('x-forwarded-proto')}:` : own.protocol;
  const host = forwarded('x-forwarded-host') ?? c.req.header('host') ?? own.host;
  return `${protocol}//${host}`;
}
