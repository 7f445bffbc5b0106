import { searchNonce, zeroBits } from './pow.ts';

/**
 * Shared helpers of the public portal pages: plain DOM, no framework, so a phone on a slow
 * network gets a working page from a few kilobytes.
 */

export type Problem = { status: number; code: string; title: string; field: string | null };

export class PortalError extends Error {
  readonly problem: Problem;
  constructor(p: Problem) {
    super(p.title);
    this.problem = p;
  }
}

/**
 * Call to the public API: JSON, or a FormData posted as multipart (files); problem+json answers
 * become a PortalError with the Chinese title.
 */
export async function api<T>(path: string, body?: unknown): Promise<T> {
  let res: Response;
  const form = body instanceof FormData;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined || form ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new PortalError({ status: 0, code: 'NETWORK', title: '网络连接失败，请检查网络后重试', field: null });
  }
  const text = await res.text();
  let data: any = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const title = res.status === 429 ? '操作过于频繁，请稍后再试' : (data?.title ?? `服务暂时不可用（${res.status}），请稍后重试`);
    const field = typeof data?.details?.field === 'string' ? data.details.field : null;
    throw new PortalError({ status: res.status, code: data?.code ?? 'HTTP_ERROR', title, field });
  }
  return data as T;
}

export type PowSolution = { challenge: string; nonce: string };

/**
 * The portal's CAPTCHA-free abuse defence: fetch a signed challenge and find a nonce such that
 * SHA-256(challenge:nonce) starts with `bits` zero bits (≈ 2^bits hashes, 65 536 at 16 bits).
 * The search runs the plain-JS SHA-256 above in slices, yielding to the page between them; one
 * awaited crypto.subtle.digest per try costs several times more than the hash itself. Where
 * SubtleCrypto exists (secure contexts) the found nonce is checked with it before sending.
 */
export async function solvePow(onProgress?: (tries: number) => void): Promise<PowSolution> {
  const { challenge, bits } = await api<{ challenge: string; bits: number }>('/api/public/pow');
  const SLICE = 8192;
  for (let start = 0; ; start += SLICE) {
    const nonce = searchNonce(challenge, bits, start, SLICE);
    if (nonce !== null) {
      const subtle = globalThis.crypto?.subtle;
      if (subtle) {
        const d = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(`${challenge}:${nonce}`)));
        if (zeroBits(d) < bits) throw new PortalError({ status: 0, code: 'POW_LOCAL', title: '浏览器安全校验计算出错，请换用其他浏览器', field: null });
      }
      return { challenge, nonce };
    }
    onProgress?.(start + SLICE);
    await new Promise((r) => setTimeout(r, 0));
  }
}

// A solved proof of work stays valid for a retry after a refused submission (the server spends it only on success).
let keptPow: PowSolution | null = null;

/**
 * Send a public submission that pays with a proof of work: solve one (or reuse the one a refused
 * submission left unspent), send, and if the challenge expired or was already spent, solve a fresh
 * one and send once more. `onSolved` runs when the solving is done (for the status text).
 */
export async function sendWithPow<T>(send: (pow: PowSolution) => Promise<T>, onSolved?: () => void): Promise<T> {
  keptPow ??= await solvePow();
  onSolved?.();
  let r: T;
  try {
    r = await send(keptPow);
  } catch (err) {
    if (!(err instanceof PortalError && /^POW_(EXPIRED|REPLAYED|FORGED|MALFORMED)$/.test(err.problem.code))) throw err;
    keptPow = await solvePow();
    r = await send(keptPow);
  }
  keptPow = null;
  return r;
}

export const $ = <T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel)!;

/** Create an element with text (never HTML: everything shown comes from users or the server). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

const dtf = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
export const formatDateTime = (iso: string | Date) => dtf.format(new Date(iso)).replace(/\//g, '-');
/** '2026-06-01' → '2026年6月1日' */
export const formatDate = (d: string) => {
  const [y, m, day] = d.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/**
 * Field errors the accessible way: the message sits under the field (linked by
 * aria-describedby, field marked aria-invalid) and a summary with links to each field is shown
 * in a role=alert box that takes focus, so screen readers announce it.
 */
export class ErrorDisplay {
  private readonly summary: HTMLElement;
  private readonly list: HTMLElement;
  constructor(summary: HTMLElement) {
    this.summary = summary;
    this.list = summary.querySelector('ul')!;
  }

  clear() {
    this.summary.hidden = true;
    this.list.replaceChildren();
    document.querySelectorAll<HTMLElement>('[data-error-for]').forEach((e) => {
      e.hidden = true;
      e.textContent = '';
    });
    document.querySelectorAll('[aria-invalid="true"]').forEach((f) => f.removeAttribute('aria-invalid'));
  }

  /** errors: field id (or '' for the form) → Chinese message. */
  show(errors: [string, string][]) {
    this.clear();
    if (!errors.length) return;
    for (const [id, msg] of errors) {
      const field = id ? document.getElementById(id) : null;
      const slot = id ? document.querySelector<HTMLElement>(`[data-error-for="${id}"]`) : null;
      if (field && slot) {
        field.setAttribute('aria-invalid', 'true');
        slot.textContent = msg;
        slot.hidden = false;
        this.list.append(el('li', {}, el('a', { href: `#${id}` }, msg)));
      } else {
        this.list.append(el('li', {}, msg));
      }
    }
    this.summary.hidden = false;
    this.summary.focus();
  }
}

// Summary links move focus to the field itself (the browser would only scroll).
document.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement).closest?.('.error-summary a[href^="#"]');
  if (!a) return;
  const f = document.getElementById(a.getAttribute('href')!.slice(1));
  if (f) {
    e.preventDefault();
    f.focus();
    f.scrollIntoView({ block: 'center' });
  }
});
