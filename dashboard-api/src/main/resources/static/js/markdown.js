// A tiny, safe Markdown subset (headings, bullets, paragraphs, **bold** and [links](url) shown as their text), as
// plain blocks the view turns into DOM nodes: no HTML from the server. Every pass is linear in its input: a summary
// is text from outside (Fathom's, or a forged payload), and a regex such as /\[([^\]]+)\]\([^)]*\)/ backtracks
// quadratically on a line of '[' characters.

/** For each index, the first index at or after it where `matches` holds (or -1), in one backward pass. */
function nextIndex(text, matches) {
  const next = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i -= 1) next[i] = matches(i) ? i : next[i + 1];
  return next;
}

/** `**x**` becomes `x`: from each opening pair, the nearest closing pair with at least one character between. */
function stripBold(text) {
  const pair = nextIndex(text, (i) => text[i] === '*' && text[i + 1] === '*');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = pair[i];
    const close = open < 0 ? -1 : pair[Math.min(open + 3, text.length)];
    if (close < 0) break;
    out += text.slice(i, open) + text.slice(open + 2, close);
    i = close + 2;
  }
  return out + text.slice(i);
}

/** `[text](url)` becomes `text`; the text holds no `]`, the url no `)`. */
function stripLinks(text) {
  const closeBracket = nextIndex(text, (i) => text[i] === ']');
  const closeParen = nextIndex(text, (i) => text[i] === ')');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('[', i);
    if (open < 0) break;
    const close = closeBracket[open + 1];
    if (close < 0) break; // no ']' after this '[', so none after any later '[' either
    const end = close > open + 1 && text[close + 1] === '(' ? closeParen[close + 2] : -1;
    if (end < 0) {
      out += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += text.slice(i, open) + text.slice(open + 1, close);
    i = end + 1;
  }
  return out + text.slice(i);
}

export function inlineText(text) {
  return stripLinks(stripBold(text));
}

/** Blocks `{ type: 'heading' | 'paragraph', text }` and `{ type: 'bullets', items }`, in order. */
export function markdownBlocks(source) {
  const blocks = [];
  let bullets = null;
  for (const raw of String(source || '').split(/\r?\n/)) {
    const line = raw.trim();
    const bullet = /^[-*]\s+/.exec(line);
    if (bullet) {
      if (!bullets) blocks.push(bullets = { type: 'bullets', items: [] });
      bullets.items.push(inlineText(line.slice(bullet[0].length)));
      continue;
    }
    bullets = null;
    if (line === '') continue;
    const heading = /^#{1,6}\s+/.exec(line);
    blocks.push(heading ? { type: 'heading', text: inlineText(line.slice(heading[0].length)) }
      : { type: 'paragraph', text: inlineText(line) });
  }
  return blocks;
}
