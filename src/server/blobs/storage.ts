import { createHash } from 'node:crypto';

/** What `put` returns: the content address and the byte count, for the evidence row that refers to the blob. */
export interface BlobRef {
  sha256: string;
  size: number;
}

/**
 * Content-addressed blob store. The interface is kept to what an S3-compatible bucket can do with one object per
 * hash, so the local-disk store can be swapped for one later without touching callers.
 */
export interface BlobStorage {
  /** Idempotent: the same bytes always land at the same address, so a repeated upload costs nothing. */
  put(bytes: Uint8Array): Promise<BlobRef>;
  /** Throws `BlobNotFoundError` for a hash that is not stored. */
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
  /** Deleting a hash that is not stored is not an error (as with S3 DeleteObject). */
  delete(sha256: string): Promise<void>;
  /** The store can be read and written now (for the health check; writes nothing). */
  healthy(): Promise<boolean>;
}

// The hash becomes a file path (and later an object key): anything but 64 lowercase hex digits could escape the
// storage directory, so it is refused rather than cleaned.
const SHA256_RE = /^[0-9a-f]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_RE.test(value);
}

export function assertSha256(value: unknown): asserts value is string {
  if (!isSha256(value))
    throw new TypeError(`Invalid blob address (expected 64 lowercase hex digits): ${String(value).slice(0, 80)}`);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A blob the database refers to is missing from the store — callers decide whether that is a 404 or a fault. */
export class BlobNotFoundError extends Error {
  readonly code = 'blob_not_found' as const;
  readonly sha256: string;
  constructor(sha256: string) {
    super(`Blob not found: ${sha256}`);
    this.name = 'BlobNotFoundError';
    this.sha256 = sha256;
  }
}
