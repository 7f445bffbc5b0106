import { sm3Hex } from '../../platform/crypto/sm3.ts';

/**
 * A reproducible stream of numbers in [0, 1): mulberry32 started from the first 32 bits of
 * SM3(`${purpose}:${seed}`). The purpose keeps two kinds of draw with the same seed text apart
 * (a 低保 spot check and an inspector draw never share a stream).
 */
export function seededRandom(purpose: string, seed: string): () => number {
  return mulberry32(parseInt(sm3Hex(`${purpose}:${seed}`).slice(0, 8), 16));
}

/** mulberry32: a small, fast 32-bit PRNG; the same stream from the same seed on every machine (demo data, property tests). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
