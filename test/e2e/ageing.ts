import type { Page } from 'playwright-core';
import { seriousViolations } from './browser.ts';

/**
 * 适老化 checks for a page shown in 长辈模式, after the 工信部《互联网网站适老化通用设计规范》(2021).
 * What is checked here, by the requirement it comes from:
 * - 可感知性 · 文字大小: the main content's text is at least 18 CSS px (computed font size of every
 *   visible text-bearing element inside <main>).
 * - 可感知性 · 行距: paragraphs in <main> have a line height of at least 1.3 times their font size.
 * - 可感知性 · 对比度: text contrast of at least 4.5:1 — left to axe (`color-contrast`, WCAG 1.4.3),
 *   which `ageingProblems` runs with the WCAG 2.1 AA rules (serious and critical findings).
 * - 可操作性 · 可点击区域: every visible link and button in <main> and the navigation is at least
 *   48 × 48 CSS px, or sits in a row (its parent or list item) that is; inline links inside a
 *   paragraph are exempt (the text around them is the target), as WCAG 2.5.8 allows.
 * - 页面布局 · 无横向滚动: at the phone width the page does not scroll sideways.
 * - 广告与弹窗: no dialog or pop-up is open when the page has loaded.
 * Not checked here (by review, not by the browser): 大字版入口 on the home page (the header switch),
 * alternatives to puzzle captchas, no inducing buttons, voice reading.
 */
export interface AgeingOptions {
  /** Smallest main text, CSS px (18). */
  minFontPx?: number;
  /** Smallest touch target, CSS px (48). */
  minTargetPx?: number;
  /** Also run axe (default true). */
  axe?: boolean;
}

/** Everything the page breaks of the rules above, as readable lines; an empty list is a pass. */
export async function ageingProblems(page: Page, opts: AgeingOptions = {}): Promise<string[]> {
  const minFont = opts.minFontPx ?? 18;
  const minTarget = opts.minTargetPx ?? 48;
  const found = await page.evaluate(
    ({ minFont, minTarget }) => {
      const problems: string[] = [];
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[aria-hidden="true"], .sr-only');
      };
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''} “${(el.textContent ?? '').trim().slice(0, 20)}”`;
      const main = document.querySelector('main, #main');
      if (!main) return ['no <main> landmark'];

      // 文字大小: elements that hold text directly.
      for (const el of main.querySelectorAll('*')) {
        if (!visible(el)) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0);
        if (!own) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < minFont - 0.01) problems.push(`text ${px}px < ${minFont}px: ${name(el)}`);
      }
      // 行距
      for (const p of main.querySelectorAll('p')) {
        if (!visible(p)) continue;
        const s = getComputedStyle(p);
        const lh = s.lineHeight === 'normal' ? 1.2 * parseFloat(s.fontSize) : parseFloat(s.lineHeight);
        if (lh / parseFloat(s.fontSize) < 1.3 - 0.01) problems.push(`line height ${(lh / parseFloat(s.fontSize)).toFixed(2)} < 1.3: ${name(p)}`);
      }
      // 可点击区域
      const targets = document.querySelectorAll('main a[href], main button, main [role="button"], main [role="switch"], nav a[href], nav button');
      for (const el of targets) {
        if (!visible(el)) continue;
        if (el.closest('p') && el.tagName === 'A') continue;
        const r = el.getBoundingClientRect();
        if (r.width >= minTarget - 0.5 && r.height >= minTarget - 0.5) continue;
        const row = el.closest('li, label, .ant-list-item, .yw-card, tr') ?? el.parentElement;
        const rr = row?.getBoundingClientRect();
        if (rr && rr.height >= minTarget - 0.5 && rr.width >= minTarget - 0.5 && r.height >= Math.min(minTarget, rr.height) * 0.5) continue;
        problems.push(`target ${Math.round(r.width)}×${Math.round(r.height)} < ${minTarget}×${minTarget}: ${name(el)}`);
      }
      // 无横向滚动
      const over = document.documentElement.scrollWidth - window.innerWidth;
      if (over > 1) problems.push(`scrolls sideways by ${over}px at ${window.innerWidth}px`);
      // 广告与弹窗
      for (const d of document.querySelectorAll('[role="dialog"], [role="alertdialog"]')) if (visible(d)) problems.push(`a dialog is open on load: ${name(d)}`);
      return problems;
    },
    { minFont, minTarget },
  );
  if (opts.axe !== false) found.push(...(await seriousViolations(page)).map((v) => `axe ${v}`));
  return found;
}
