// The call list: filters, a semantic table, paging, a CSV download of the filtered list, and rows that follow live
// status changes.
import { h, clear, uid } from '../dom.js';
import { dashboard, dashboardFile, query } from '../api.js';
import { saveFile } from '../download.js';
import {
  dateTime, duration, score, sourceLabel, skipReasonLabel, statusLabel,
  OUTCOME_LABELS, STATUS_LABELS, ATTRIBUTION_LABELS, REVIEW_FLAG_LABELS,
} from '../format.js';
import { statusBadge, outcomeBadge, errorBox, debounce } from './common.js';

const PAGE_SIZE = 20;
/** The list's filters (GET /api/calls); userId is set by the dashboard's rep links, not typed in. */
const FILTER_NAMES = ['status', 'outcome', 'attribution', 'reviewFlag', 'team', 'from', 'to', 'minScore', 'q', 'userId'];

function knownFilters(values) {
  return Object.fromEntries(FILTER_NAMES.filter((name) => values[name]).map((name) => [name, String(values[name]).trim()]));
}

function select(id, label, options, name = id.split('-').pop()) {
  return [
    h('label', { for: id }, label),
    h('select', { id, name },
      h('option', { value: '' }, 'All'),
      Object.entries(options).map(([value, text]) => h('option', { value }, text))),
  ];
}

function field(id, label, props) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, ...props }));
}

/**
 * initialFilters: the filters to start with (a route's query); onFiltersChange(filters) is told each applied change
 * (the calls view records them in the URL).
 */
export function createCallsTable({ live, announce, signal, showRep = true, initialFilters = {}, onFiltersChange = () => {} }) {
  const prefix = uid('calls');
  const state = { page: 0, filters: knownFilters(initialFilters), items: [] };
  const status = h('p', { class: 'table-status muted', role: 'status' });
  const repFilter = h('p', { class: 'rep-filter', hidden: true });
  const userIdInput = h('input', { type: 'hidden', name: 'userId' });
  const downloadNote = h('div', { class: 'download-note' });
  const downloadButton = h('button', { type: 'button', class: 'button secondary small', onclick: downloadCsv }, 'Download CSV');
  const tableRegion = h('div', { class: 'table-wrap' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Call list pages' });

  const form = h('form', { class: 'filters', 'aria-label': 'Call filters', onsubmit: (event) => {
    event.preventDefault();
    apply(knownFilters(Object.fromEntries(new FormData(form).entries())));
  } },
  userIdInput,
  h('div', { class: 'field' }, ...select(`${prefix}-status`, 'Status', STATUS_LABELS)),
  h('div', { class: 'field' }, ...select(`${prefix}-outcome`, 'Outcome', OUTCOME_LABELS)),
  h('div', { class: 'field' }, ...select(`${prefix}-attribution`, 'Attribution', ATTRIBUTION_LABELS)),
  h('div', { class: 'field' }, ...select(`${prefix}-flag`, 'Review flag', REVIEW_FLAG_LABELS, 'reviewFlag')),
  field(`${prefix}-team`, 'Team', { name: 'team', type: 'text', size: '10', autocomplete: 'off' }),
  field(`${prefix}-from`, 'From', { name: 'from', type: 'date' }),
  field(`${prefix}-to`, 'To', { name: 'to', type: 'date' }),
  field(`${prefix}-minScore`, 'Minimum score', { name: 'minScore', type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric' }),
  field(`${prefix}-q`, 'Search title or participant', { name: 'q', type: 'search' }),
  h('div', { class: 'filter-actions' },
    h('button', { type: 'submit', class: 'button primary' }, 'Apply filters'),
    h('button', { type: 'reset', class: 'button secondary', onclick: () => {
      userIdInput.value = '';
      setTimeout(() => apply({}));
    } }, 'Reset')));

  const element = h('div', { class: 'calls-table' }, form, repFilter,
    h('div', { class: 'table-toolbar' }, status, downloadButton), downloadNote, tableRegion, pager);

  for (const [name, value] of Object.entries(state.filters)) {
    if (form.elements[name]) form.elements[name].value = value;
  }

  function apply(filters) {
    state.filters = filters;
    state.page = 0;
    onFiltersChange(filters);
    load();
  }

  /** "Calls of <rep>" while the list is narrowed to one rep, with the way back to every rep. */
  function renderRepFilter() {
    const { userId } = state.filters;
    repFilter.hidden = !userId;
    if (!userId) {
      repFilter.replaceChildren();
      return;
    }
    const own = state.items.find((c) => c.userId === userId && c.attribution !== 'shared' && c.repName);
    repFilter.replaceChildren('Calls of ', h('strong', { id: `${prefix}-rep-name` }, own ? own.repName : userId), ' ',
      h('button', { type: 'button', class: 'button secondary small', onclick: () => {
        userIdInput.value = '';
        const others = { ...state.filters };
        delete others.userId;
        apply(others);
      } }, 'Show every rep'));
  }

  /** The export of the applied filters (the rows the list shows, unpaged), fetched with the token, saved as a file. */
  async function downloadCsv() {
    downloadButton.disabled = true;
    downloadNote.replaceChildren(h('p', { class: 'muted' }, 'Preparing the CSV…'));
    try {
      const { blob, filename } = await dashboardFile(`/api/calls/export${query(state.filters)}`, { signal, fallbackName: 'calls.csv' });
      saveFile(blob, filename);
      downloadNote.replaceChildren();
      announce(`Downloaded ${filename}`);
    } catch (error) {
      if (error.name === 'AbortError') return;
      downloadNote.replaceChildren(errorBox(`Could not export the calls: ${error.message}`));
    } finally {
      downloadButton.disabled = false;
    }
  }

  /** The score that counts: a manager's review's, else the AI's. */
  function countedScore(call) {
    return call.effectiveScore ?? call.overallScore;
  }

  function statusCell(call) {
    return [statusBadge(call.status),
      call.status === 'skipped' && call.skipReason ? h('span', { class: 'cell-note skip-reason' }, skipReasonLabel(call.skipReason)) : null];
  }

  function row(call) {
    const title = call.title || '(untitled call)';
    const notes = [
      ...(call.reviewFlags || []).map((flag) => h('span', { class: 'badge flag', 'data-flag': flag }, REVIEW_FLAG_LABELS[flag] || flag)),
      call.attribution === 'shared' ? h('span', { class: 'badge attribution-shared', title: ATTRIBUTION_LABELS.shared }, 'Shared') : null,
      call.reviewed ? h('span', { class: 'badge reviewed', title: `Reviewed by a manager; the AI scored ${score(call.overallScore)}` }, 'Reviewed') : null,
    ].filter(Boolean);
    return h('tr', { 'data-call-id': call.callId },
      h('th', { scope: 'row' }, h('a', { href: `#/calls/${encodeURIComponent(call.callId)}` }, title),
        notes.length ? h('span', { class: 'cell-note' }, notes) : null),
      showRep ? h('td', {}, call.repName || call.userId || '—',
        call.team ? h('span', { class: 'cell-note muted rep-team' }, call.team) : null) : null,
      h('td', {}, dateTime(call.startedAt)),
      h('td', { class: 'num' }, duration(call.durationSeconds)),
      h('td', { class: 'cell-status' }, statusCell(call)),
      h('td', { class: 'num cell-score' }, score(countedScore(call))),
      h('td', { class: 'cell-outcome' }, outcomeBadge(call.outcome)),
      h('td', { class: 'num' }, call.externalInviteeCount ?? '—'),
      h('td', {}, sourceLabel(call.source)));
  }

  function renderTable(pageData) {
    clear(tableRegion);
    clear(pager);
    state.items = pageData.items || [];
    renderRepFilter();
    const total = pageData.totalItems ?? state.items.length;
    const pages = Math.max(1, pageData.totalPages ?? 1);
    status.textContent = total === 0 ? 'No calls match.' : `${total} call${total === 1 ? '' : 's'}`;
    if (state.items.length === 0) return;
    tableRegion.append(h('table', { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, 'Calls, newest first'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Title'),
        showRep ? h('th', { scope: 'col' }, 'Rep') : null,
        h('th', { scope: 'col' }, 'Started'),
        h('th', { scope: 'col', class: 'num' }, 'Duration'),
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col', class: 'num' }, 'Score'),
        h('th', { scope: 'col' }, 'Outcome'),
        h('th', { scope: 'col', class: 'num' }, h('abbr', { title: 'External invitees' }, 'Ext.')),
        h('th', { scope: 'col' }, 'Source'))),
      h('tbody', {}, state.items.map(row))));
    if (pages > 1) {
      pager.append(
        h('button', { type: 'button', class: 'button secondary small', disabled: state.page <= 0,
          onclick: () => { state.page -= 1; load(); } }, 'Previous page'),
        h('span', {}, `Page ${state.page + 1} of ${pages}`),
        h('button', { type: 'button', class: 'button secondary small', disabled: state.page >= pages - 1,
          onclick: () => { state.page += 1; load(); } }, 'Next page'));
    }
  }

  async function load() {
    tableRegion.setAttribute('aria-busy', 'true');
    try {
      const data = await dashboard(`/api/calls${query({ ...state.filters, page: state.page, size: PAGE_SIZE })}`, { signal });
      renderTable(data || {});
    } catch (error) {
      if (error.name === 'AbortError') return;
      clear(tableRegion);
      tableRegion.append(errorBox(`Could not load calls: ${error.message}`));
    } finally {
      tableRegion.removeAttribute('aria-busy');
    }
  }

  const reloadSoon = debounce(load, 400);

  function onStatus(change) {
    const tr = tableRegion.querySelector(`tr[data-call-id="${CSS.escape(change.callId)}"]`);
    const title = change.title || 'A call';
    if (!tr) {
      if (state.page === 0) reloadSoon();
      announce(`${title}: ${statusLabel(change.status)}`);
      return;
    }
    const item = state.items.find((c) => c.callId === change.callId);
    if (item?.reviewed) reloadSoon(); // the status event carries the AI's score: the reviewed one is read again
    if (item) Object.assign(item, { status: change.status, overallScore: change.overallScore, outcome: change.outcome });
    tr.querySelector('.cell-status').replaceChildren(statusBadge(change.status));
    if (change.status === 'skipped') reloadSoon(); // the status event carries no skip reason
    tr.querySelector('.cell-score').textContent = score(item?.reviewed ? item.effectiveScore : change.overallScore);
    tr.querySelector('.cell-outcome').replaceChildren(outcomeBadge(change.outcome));
    tr.classList.remove('flash');
    void tr.offsetWidth; // restart the highlight animation
    tr.classList.add('flash');
    const scoreText = change.overallScore == null ? '' : `, score ${change.overallScore}`;
    announce(`${title} is now ${statusLabel(change.status).toLowerCase()}${scoreText}`);
  }

  const unsubscribe = live.subscribe(onStatus);
  load();
  return { element, reload: load, destroy() { unsubscribe(); reloadSoon.cancel(); } };
}
