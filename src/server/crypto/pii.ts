import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Env } from '../env';

// Sensitive personal information at rest (PIPL 第二十八条, 等保 2.0 数据保密性): AES-256-GCM with a key from the
// environment; a stolen database file or backup reveals nothing without it. Format: `v1:` + base64(iv | tag | data).

const DEV_KEY = createHash('sha256').update('qianqi-development-only-key').digest();

export function piiKey(env: Pick<Env, 'PII_KEY'>): Buffer {
  return env.PII_KEY ? Buffer.from(env.PII_KEY, 'base64') : DEV_KEY;
}

export function encryptPii(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
}

export function decryptPii(stored: string, key: Buffer): string {
  if (!stored.startsWith('v1:')) throw new Error('unknown PII format');
  const raw = Buffer.from(stored.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
