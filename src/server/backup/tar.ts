import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';

// A minimal POSIX ustar writer and reader: a backup is a plain .tar.gz that `tar -tzf` lists and `tar -xzf` unpacks
// on any machine, with no archive library in between. Only what the backup needs: regular files, ASCII names of at
// most 100 bytes, sizes below 8 GiB (the octal size field), written and read as a stream.

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1;

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  if (!/^[\x21-\x7e]{1,100}$/.test(name)) throw new Error(`归档内的文件名无效：${name}`);
  if (size > MAX_SIZE) throw new Error(`归档内的单个文件过大：${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'ascii');
  h.write(octal(0o644, 8), 100, 8, 'ascii');
  h.write(octal(0, 8), 108, 8, 'ascii');
  h.write(octal(0, 8), 116, 8, 'ascii');
  h.write(octal(size, 12), 124, 12, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12, 'ascii');
  h.write('        ', 148, 8, 'ascii'); // checksum is computed with its own field as spaces
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

/** Resolves when the stream has taken the chunk (or has room again): memory stays bounded on a slow disk. */
function write(out: Writable, chunk: Buffer): Promise<void> {
  return new Promise((ok, fail) => {
    const onError = (err: Error) => fail(err);
    out.once('error', onError);
    const more = out.write(chunk, (err) => {
      if (err) fail(err);
    });
    const done = () => {
      out.off('error', onError);
      ok();
    };
    if (more) done();
    else out.once('drain', done);
  });
}

export interface EntryDigest {
  path: string;
  size: number;
  sha256: string;
}

/** Appends files to a tar stream; `finish` writes the end-of-archive blocks and ends the stream. */
export class TarWriter {
  readonly written: EntryDigest[] = [];
  constructor(
    private readonly out: Writable,
    private readonly mtime = new Date(),
  ) {}

  async add(path: string, body: Uint8Array): Promise<EntryDigest> {
    const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    await write(this.out, tarHeader(path, bytes.length, this.mtime));
    if (bytes.length) await write(this.out, bytes);
    await write(this.out, padding(bytes.length));
    const digest = { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    this.written.push(digest);
    return digest;
  }

  async finish(): Promise<void> {
    await write(this.out, Buffer.alloc(BLOCK * 2, 0));
    await new Promise<void>((ok, fail) => {
      this.out.once('error', fail);
      this.out.end(() => ok());
    });
  }
}

function field(h: Buffer, offset: number, length: number): string {
  const raw = h.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('ascii');
}

export interface TarEntry {
  path: string;
  body: Buffer;
}

/** Reads a tar stream entry by entry (each body whole; the backup keeps entries small except files). */
export async function* readTar(input: Readable): AsyncGenerator<TarEntry> {
  let buf = Buffer.alloc(0);
  const chunks = input[Symbol.asyncIterator]();
  let ended = false;
  const need = async (n: number): Promise<boolean> => {
    const parts: Buffer[] = [buf];
    let have = buf.length;
    while (have < n && !ended) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      parts.push(chunk);
      have += chunk.length;
    }
    if (parts.length > 1) buf = Buffer.concat(parts, have);
    return buf.length >= n;
  };
  for (;;) {
    if (!(await need(BLOCK))) throw new Error('归档不完整：在文件头处意外结束');
    const header = buf.subarray(0, BLOCK);
    if (header.every((b) => b === 0)) return; // end-of-archive
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    if (Number.parseInt(field(header, 148, 8).trim(), 8) !== sum) throw new Error('归档已损坏：文件头校验和不符');
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const path = prefix ? `${prefix}/${name}` : name;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = field(header, 156, 1);
    const total = BLOCK + size + padding(size).length;
    if (!(await need(total))) throw new Error(`归档不完整：${path} 的内容被截断`);
    const body = Buffer.from(buf.subarray(BLOCK, BLOCK + size));
    buf = buf.subarray(total);
    if (type === '0' || type === '') yield { path, body };
  }
}
