// Accessibility checks run inside the page: labels of every control, text contrast, no horizontal scrolling.

/** Controls (input, select, textarea, button) without an accessible name. */
export function unlabeledControls(page) {
  return page.evaluate(() => {
    const missing = [];
    for (const el of document.querySelectorAll('input, select, textarea, button')) {
      if (el.type === 'hidden' || el.closest('[hidden]')) continue;
      const byLabel = el.labels && el.labels.length > 0;
      const aria = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      const text = el.tagName === 'BUTTON' && el.textContent.trim();
      if (!byLabel && !aria && !text) missing.push(el.outerHTML.slice(0, 120));
    }
    return missing;
  });
}

/** Visible text whose contrast with its background is under 4.5:1 (3:1 for large text). */
export function lowContrastTexts(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(',').map((x) => parseFloat(x));
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const ch = [r, g, b].map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
    };
    const background = (el) => {
      for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg.a > 0.5) return bg;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const failures = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || seen.has(el) || el.closest('svg, .visually-hidden, [hidden], noscript')) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0) continue;
      if (el.closest('button:disabled')) continue; // disabled controls are exempt (WCAG 1.4.3)
      const fg = parse(style.color);
      const bg = background(el);
      const opacity = parseFloat(style.opacity);
      if (!fg || opacity < 1) continue;
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push(`${ratio.toFixed(2)}:1 "${node.textContent.trim().slice(0, 40)}"`);
    }
    return failures;
  });
}

export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
