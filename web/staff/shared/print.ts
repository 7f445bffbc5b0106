/**
 * Print one block of text (e.g. 「为什么是这一天」) without the console around it: the text is
 * written into a hidden iframe, printed, and the frame removed.
 */
export function printText(title: string, meta: string[], text: string) {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  document.body.appendChild(frame);
  const doc = frame.contentDocument!;
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  doc.open();
  doc.write(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
    body { font-family: 'Songti SC', 'SimSun', 'Noto Serif CJK SC', serif; margin: 24mm 18mm; color: #000; }
    h1 { font-size: 18pt; text-align: center; margin: 0 0 8pt; letter-spacing: 2pt; }
    .meta { font-size: 10pt; text-align: center; color: #333; margin-bottom: 14pt; }
    pre { font-family: 'Noto Sans Mono CJK SC', 'SimHei', monospace; font-size: 10.5pt; line-height: 1.7; white-space: pre-wrap; word-break: break-all; border-top: 1px solid #000; padding-top: 10pt; }
  </style></head><body><h1>${esc(title)}</h1><div class="meta">${meta.map(esc).join(' · ')}</div><pre>${esc(text)}</pre></body></html>`);
  doc.close();
  const win = frame.contentWindow!;
  const cleanup = () => setTimeout(() => frame.remove(), 500);
  win.addEventListener('afterprint', cleanup);
  setTimeout(() => {
    win.focus();
    win.print();
    cleanup();
  }, 50);
}
