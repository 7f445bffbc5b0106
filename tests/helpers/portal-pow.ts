import type { LightMyRequestResponse } from 'fastify';
import { solveChallenge } from '../../src/kernel/portal/proof-of-work.ts';

type Injector = { inject(opts: { method: 'GET'; url: string; remoteAddress?: string }): Promise<LightMyRequestResponse> };

/**
 * A solved portal proof of work ({ challenge, nonce }) for POST /api/public/petitions, fetched
 * from the app's own GET /api/public/pow and brute-forced here (≈ 2^bits SHA-256, well under a
 * second at the default 16 bits).
 */
export async function solvedPow(app: Injector, remoteAddress = '10.97.0.1'): Promise<{ challenge: string; nonce: string }> {
  const r = await app.inject({ method: 'GET', url: '/api/public/pow', remoteAddress });
  if (r.statusCode !== 200) throw new Error(`GET /api/public/pow: ${r.statusCode} ${r.body}`);
  const { challenge, bits } = r.json() as { challenge: string; bits: number };
  return { challenge, nonce: solveChallenge(challenge, bits) };
}
