import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertSha256, BlobNotFoundError, type BlobStorage, sha256Hex } from './storage';

function errnoCode(err: unknown): string | undefined {
  return (err as { code?: unknown } | null)?.code as string | undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return false;
    throw err;
  }
}

/** For /api/health: the directory is there, readable and writable (no file written per probe). */
async function storageHealthy(dir: string): Promise<boolean> {
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) return false;
    await access(dir, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Blobs under `dir/ab/cd/<hash>`: two levels of fan-out keep any one directory small (at most 65 536 subfolders and
 * a few files each) even with millions of evidence files.
 */
export function createLocalDiskStorage(dir: string): BlobStorage {
  const root = resolve(dir);
  const pathFor = (sha256: string): string => {
    assertSha256(sha256);
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const size = bytes.byteLength;
      const target = pathFor(sha256);
      // Same address means same bytes, so an existing file is already the right content. Its time is renewed: the
      // storage clean-up removes only files unreferenced AND untouched for a grace period, and this one is about to
      // be referenced. If the clean-up took it away just now, it is written again below.
      if (await isFile(target)) {
        const now = new Date();
        try {
          await utimes(target, now, now);
          return { sha256, size };
        } catch (err) {
          if (errnoCode(err) !== 'ENOENT') throw err;
        }
      }
      await mkdir(dirname(target), { recursive: true });
      // A reader must never see a half-written blob: write beside the target (same filesystem, so rename is atomic)
      // and rename into place. The random suffix keeps concurrent puts of the same bytes from sharing a temp file.
      const tmp = `${target}.${randomUUID()}.tmp`;
      try {
        await writeFile(tmp, bytes, { flag: 'wx' });
        await rename(tmp, target);
      } catch (err) {
        await unlink(tmp).catch(() => {});
        // Windows refuses to rename over a file another put just created; that file holds these very bytes.
        if (await isFile(target)) return { sha256, size };
        throw err;
      }
      return { sha256, size };
    },

    async get(sha256) {
      const path = pathFor(sha256);
      try {
        const buf = await readFile(path);
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } catch (err) {
        if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') throw new BlobNotFoundError(sha256);
        throw err;
      }
    },

    async has(sha256) {
      return isFile(pathFor(sha256));
    },

    healthy: () => storageHealthy(root),

    async delete(sha256) {
      // Empty fan-out directories are left in place: removing one could race a concurrent put that has just
      // created it and is about to rename a blob into it.
      try {
        await unlink(pathFor(sha256));
      } catch (err) {
        if (errnoCode(err) !== 'ENOENT' && errnoCode(err) !== 'ENOTDIR') throw err;
      }
    },
  };
}
