import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalDiskStorage } from './local-disk';
import { assertSha256, BlobNotFoundError, type BlobStorage, isSha256, sha256Hex } from './storage';

const utf8 = (s: string) => new TextEncoder().encode(s);
const MISSING = 'f'.repeat(64);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('sha256 helpers', () => {
  it('hashes to lowercase hex, the same for the same bytes', () => {
    const bytes = utf8('工作站服务记录');
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(sha256Hex(utf8('工作站服务记录'))).toBe(sha256Hex(bytes));
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it.each([
    '../etc/passwd',
    '../../../../etc/passwd',
    '..',
    '',
    'A'.repeat(64),
    'a'.repeat(63),
    'a'.repeat(65),
    `${'a'.repeat(62)}/x`,
    `${'a'.repeat(64)}\n`,
    `${'a'.repeat(60)}%2e%2e`,
    'g'.repeat(64),
  ])('rejects %j as a blob address', (bad) => {
    expect(isSha256(bad)).toBe(false);
    expect(() => assertSha256(bad)).toThrow(TypeError);
  });

  it('rejects non-strings', () => {
    for (const bad of [undefined, null, 42, {}, ['a'.repeat(64)]]) expect(isSha256(bad)).toBe(false);
  });
});

describe('local disk blob storage', () => {
  let dir: string;
  let store: BlobStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qianqi-blobs-'));
    store = createLocalDiskStorage(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, gets, reports and deletes a blob', async () => {
    const bytes = utf8('朝阳区工作站 2024 年度台账');
    const ref = await store.put(bytes);
    expect(ref).toEqual({ sha256: sha256Hex(bytes), size: bytes.byteLength });

    expect(await store.has(ref.sha256)).toBe(true);
    const back = await store.get(ref.sha256);
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);

    await store.delete(ref.sha256);
    expect(await store.has(ref.sha256)).toBe(false);
    await expect(store.get(ref.sha256)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('lays blobs out as dir/ab/cd/<hash>', async () => {
    const { sha256 } = await store.put(utf8('layout'));
    const path = join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect((await stat(path)).isFile()).toBe(true);
    expect(await listFiles(dir)).toEqual([path]);
  });

  it('creates the storage directory itself when it does not exist yet', async () => {
    const nested = createLocalDiskStorage(join(dir, 'not', 'yet', 'there'));
    const { sha256 } = await nested.put(utf8('x'));
    expect(await nested.has(sha256)).toBe(true);
  });

  it('stores empty and binary content faithfully', async () => {
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const bytes of [new Uint8Array(), binary]) {
      const { sha256, size } = await store.put(bytes);
      expect(size).toBe(bytes.byteLength);
      expect(Array.from(await store.get(sha256))).toEqual(Array.from(bytes));
    }
  });

  it('stores only the viewed bytes of a Uint8Array view', async () => {
    const backing = utf8('0123456789');
    const view = backing.subarray(3, 6);
    const ref = await store.put(view);
    expect(ref).toEqual({ sha256: sha256Hex(utf8('345')), size: 3 });
    expect(new TextDecoder().decode(await store.get(ref.sha256))).toBe('345');
  });

  it('is idempotent: the same bytes twice give the same address and one file', async () => {
    const a = await store.put(utf8('重复上传'));
    const b = await store.put(utf8('重复上传'));
    expect(b).toEqual(a);
    expect(await listFiles(dir)).toHaveLength(1);
    const c = await store.put(utf8('另一份文件'));
    expect(c.sha256).not.toBe(a.sha256);
    expect(await listFiles(dir)).toHaveLength(2);
  });

  it('handles concurrent puts of the same bytes and leaves no temp files', async () => {
    const bytes = new Uint8Array(256 * 1024).fill(7);
    const refs = await Promise.all(Array.from({ length: 12 }, () => store.put(bytes)));
    expect(new Set(refs.map((r) => r.sha256)).size).toBe(1);
    const files = await listFiles(dir);
    expect(files).toHaveLength(1);
    expect(Buffer.from(await readFile(files[0])).equals(Buffer.from(bytes))).toBe(true);
  });

  it('throws BlobNotFoundError for an unknown hash', async () => {
    const err = await store.get(MISSING).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlobNotFoundError);
    expect(err).toMatchObject({ code: 'blob_not_found', sha256: MISSING });
    expect(await store.has(MISSING)).toBe(false);
  });

  it('treats deleting an unknown hash as done', async () => {
    await expect(store.delete(MISSING)).resolves.toBeUndefined();
  });

  it.each(['../etc/passwd', '../../../../../../etc/passwd', '/etc/passwd', 'A'.repeat(64), 'abc'])(
    'rejects %j in get, has and delete without touching the disk',
    async (bad) => {
      // A file the traversal would reach if the hash were used as given.
      await writeFile(join(dir, 'passwd'), 'secret');
      await expect(store.get(bad)).rejects.toThrow(TypeError);
      await expect(store.has(bad)).rejects.toThrow(TypeError);
      await expect(store.delete(bad)).rejects.toThrow(TypeError);
      expect(await readFile(join(dir, 'passwd'), 'utf8')).toBe('secret');
    },
  );
});
