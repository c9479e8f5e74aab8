// #/calls: the caller's calls (a member's own, a head of sales' whole organization), live.
import { h } from '../dom.js';
import { seesOrganization } from '../auth.js';
import { createCallsTable } from './calls-table.js';

export function renderCalls(main, { user, live, announce, signal }) {
  const table = createCallsTable({ live, announce, signal, showRep: seesOrganization(user) });
  main.append(
    h('h1', { tabindex: '-1' }, 'Calls'),
    h('p', { class: 'lead' }, seesOrganization(user) ? 'Every call of your organization.' : 'Your calls.'),
    h('section', { class: 'card', 'aria-label': 'Call list' }, table.element));
  return () => table.destroy();
}
