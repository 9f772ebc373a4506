import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { Keys } from './keys.ts';

/**
 * Field encryption for 公民身份号码 and 手机号码 (GB/T 39786): SM4-CTR then HMAC-SM3 over version|iv|ciphertext
 * (encrypt-then-MAC, separate keys; Node has no SM4-GCM). Format: `v<version>.<base64url(iv|ct|mac)>`.
 */
export function encryptPii(keys: Keys, plain: string): string {
  const v = keys.version;
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-ctr', keys.piiEnc(v), iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  const mac = createHmac('sm3', keys.piiMac(v)).update(`v${v}`).update(iv).update(ct).digest();
  return `v${v}.${Buffer.concat([iv, ct, mac]).toString('base64url')}`;
}

/** Decrypts; a flipped bit or a ciphertext from another key fails closed. */
export function decryptPii(keys: Keys, stored: string): string {
  const m = /^v(\d+)\.([A-Za-z0-9_-]+)$/.exec(stored);
  if (!m) throw new AppError('PII_INTEGRITY', '个人信息密文格式错误');
  const v = Number(m[1]);
  const buf = Buffer.from(m[2], 'base64url');
  if (buf.length < 16 + 32) throw new AppError('PII_INTEGRITY', '个人信息密文已损坏');
  const iv = buf.subarray(0, 16);
  const ct = buf.subarray(16, buf.length - 32);
  const mac = buf.subarray(buf.length - 32);
  const expect = createHmac('sm3', keys.piiMac(v)).update(`v${v}`).update(iv).update(ct).digest();
  if (!timingSafeEqual(mac, expect)) throw new AppError('PII_INTEGRITY', '个人信息完整性校验失败');
  const d = createDecipheriv('sm4-ctr', keys.piiEnc(v), iv);
  return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
}

/** Keyed blind index (HMAC-SM3) for exact look-up without decrypting; input normalised first. */
export function blindIndex(keys: Keys, kind: 'id' | 'phone', value: string): string {
  return createHmac('sm3', keys.blindIndex).update(`${kind}:${value.trim().toUpperCase()}`).digest('hex');
}

/** `110105********002X`: the first 6 and last 4 characters. */
export const maskIdNumber = (id: string) =>
  id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '*'.repeat(id.length);
/** `138****1234` */
export const maskPhone = (p: string) =>
  p.length >= 7 ? `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}` : '*'.repeat(p.length);
