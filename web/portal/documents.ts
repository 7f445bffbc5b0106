import { el, PortalError } from './common.ts';

/**
 * Served documents and reference codes on the portal pages: a PDF fetched with the reference number and
 * query code in a POST body (never in a URL), saved under its title and number; and the
 * 「复制编号和查询码」 button of a confirmation page.
 */

/** POST for a file: the bytes on success, a PortalError with the Chinese title otherwise. */
export async function postForFile(path: string, body: unknown): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/pdf' },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new PortalError({ status: 0, code: 'NETWORK', title: '网络连接失败，请检查网络后重试', field: null });
  }
  if (res.ok) return res.blob();
  const p = (await res.json().catch(() => null)) as { code?: string; title?: string } | null;
  throw new PortalError({
    status: res.status,
    code: p?.code ?? 'HTTP_ERROR',
    title: res.status === 429 ? '操作过于频繁，请稍后再试' : (p?.title ?? `下载失败（${res.status}），请稍后重试`),
    field: null,
  });
}

export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, hidden: '' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name of a served document: title, number and (after a re-issue) its version. */
export const documentFileName = (d: { title: string; docNo: string; version: number }) =>
  `${d.title}-${d.docNo}${d.version > 1 ? `-第${d.version}版` : ''}.pdf`;

/** 文书查验 with the number and verification code filled in. */
export const verifyUrl = (d: { docNo: string; verifyCode: string }) => `/portal/verify.html?${new URLSearchParams({ no: d.docNo, code: d.verifyCode })}`;

/**
 * 「复制编号和查询码」: the text to the clipboard; without clipboard permission (not a secure context) the
 * codes block is selected for a manual copy. The outcome is announced in `status` (role=status).
 */
export function copyCodesButton(button: HTMLElement, status: HTMLElement, codes: HTMLElement, text: () => string) {
  button.onclick = async () => {
    try {
      await navigator.clipboard.writeText(text());
      status.textContent = '已复制，请粘贴保存到安全的地方';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(codes);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      status.textContent = '无法自动复制，已选中编号和查询码，请长按或按 Ctrl+C 复制';
    }
  };
}
