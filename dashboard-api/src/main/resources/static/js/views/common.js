// Small building blocks shared by the views.
import { h, clear } from '../dom.js';
import { statusLabel, outcomeLabel } from '../format.js';

export function statusBadge(status) {
  return h('span', { class: `badge status-${status || 'unknown'}`, 'data-status': status || '' }, statusLabel(status));
}

export function outcomeBadge(outcome) {
  if (!outcome) return h('span', { class: 'muted' }, '—');
  return h('span', { class: `badge outcome-${outcome}` }, outcomeLabel(outcome));
}

export function errorBox(message) {
  return h('div', { class: 'alert error', role: 'alert' }, message);
}

/** Shows a loading text in a region while a promise runs, then its result or the error. */
export async function loadInto(region, load, render) {
  clear(region);
  region.setAttribute('aria-busy', 'true');
  region.append(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const data = await load();
    clear(region);
    render(data);
  } catch (error) {
    if (error.name === 'AbortError') return;
    clear(region);
    region.append(errorBox(error.message));
  } finally {
    region.removeAttribute('aria-busy');
  }
}

export function section(title, id, ...children) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
