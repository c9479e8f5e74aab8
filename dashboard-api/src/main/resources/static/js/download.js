// Saves a Blob as a file: an object URL on a temporary link (no inline script, so the pages' policy allows it).
import { h } from './dom.js';

export function saveFile(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // revoked once the click's download has taken the URL
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function saveCsv(text, filename) {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), filename);
}
