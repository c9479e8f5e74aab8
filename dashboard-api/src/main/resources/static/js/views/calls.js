// #/calls: the caller's calls (a member's own, a head of sales' whole organization), live. The applied filters live in
// the route's query (#/calls?status=failed&userId=…): a link to a filtered list, and back restores the previous one.
import { h } from '../dom.js';
import { seesOrganization } from '../auth.js';
import { pushRouteQuery } from '../route-query.js';
import { createCallsTable } from './calls-table.js';

export function renderCalls(main, { user, live, announce, signal, query = {} }) {
  const table = createCallsTable({ live, announce, signal, showRep: seesOrganization(user), initialFilters: query,
    onFiltersChange: (filters) => pushRouteQuery('#/calls', filters) });
  main.append(
    h('h1', { tabindex: '-1' }, 'Calls'),
    h('p', { class: 'lead' }, seesOrganization(user) ? 'Every call of your organization.' : 'Your calls.'),
    h('section', { class: 'card', 'aria-label': 'Call list' }, table.element));
  return () => table.destroy();
}
