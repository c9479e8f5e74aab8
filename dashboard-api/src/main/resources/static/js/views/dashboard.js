// #/dashboard: KPI tiles, the per-rep table (heads of sales and admins; reps grouped by team with the team's figures,
// each rep's weakest criterion; a row opens the rep's calls, the table downloads as CSV), the weekly trend and the
// live call list; a member's own view: their trend, their criterion averages against the organization's and their
// last review. The period and team live in the route's query (#/dashboard?from=…&to=…&team=…): shareable, and
// back restores the previous period.
import { h, clear, uid } from '../dom.js';
import { dashboard, query } from '../api.js';
import { repTableCsv } from '../csv.js';
import { saveCsv } from '../download.js';
import { pushRouteQuery, routeHash } from '../route-query.js';
import { seesOrganization } from '../auth.js';
import {
  isoDate, score, percent, scoreChange, outcomeLabel, shortDate, decimal, criterionLabel, dateTime,
} from '../format.js';
import { trendChart } from '../trend-chart.js';
import { createCallsTable } from './calls-table.js';
import { errorBox, debounce } from './common.js';

const DAY = 24 * 3600 * 1000;

function tile(label, value, extra) {
  return h('div', { class: 'kpi' }, h('dt', {}, label), h('dd', {}, h('span', { class: 'kpi-value' }, value), extra || null));
}

function kpis(summary) {
  const outcomes = Object.entries(summary.outcomes || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return h('dl', { class: 'kpis' },
    tile('Calls', String(summary.totalCalls ?? 0)),
    tile('Evaluated', String(summary.evaluatedCalls ?? 0)),
    tile('Skipped', String(summary.skippedCalls ?? 0)),
    tile('Average score', summary.averageScore == null ? '—' : decimal(summary.averageScore, 0), h('span', { class: 'kpi-unit' }, ' / 100')),
    h('div', { class: 'kpi kpi-outcomes' }, h('dt', {}, 'Outcomes'),
      outcomes.length === 0 ? h('dd', { class: 'muted' }, 'None yet')
        : outcomes.map(([outcome, count]) => h('dd', { class: 'outcome-row' },
          h('span', {}, outcomeLabel(outcome)), h('span', { class: 'num' }, String(count))))));
}

const SORTABLE = { averageScore: 'Average score', averageTalkRatio: 'Average talk ratio' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The rep's calls in the dashboard's period: the call list filtered by userId, from and to. */
function repCallsHash(rep, period) {
  return routeHash('#/calls', { userId: rep.userId, from: period.from, to: period.to });
}

/** The criterion with the lowest average over the rep's evaluated calls, and that average. */
function weakestCell(weakest) {
  if (!weakest) return '—';
  return [weakest.label || criterionLabel(weakest.key),
    h('span', { class: 'cell-note muted' }, `${decimal(weakest.averageScore)} / 5`)];
}

/**
 * The reps in the summary's teams' order (by name, no team last), each team's reps in the table's sort: the team's
 * figures from the summary's teams, its reps under it.
 */
function groupByTeam(reps, teams, compare) {
  const order = teams.map((t) => t.team ?? null);
  reps.forEach((rep) => { if (!order.includes(rep.team ?? null)) order.push(rep.team ?? null); });
  return order.map((team) => ({
    team,
    figures: teams.find((t) => (t.team ?? null) === team) || null,
    reps: reps.filter((rep) => (rep.team ?? null) === team).sort(compare),
  })).filter((group) => group.reps.length > 0);
}

function teamRow(group) {
  const name = group.team || 'No team';
  const figures = group.figures || {};
  const repCount = figures.reps ?? group.reps.length;
  return h('tr', { class: 'team-row', 'data-team': group.team || '' },
    h('th', { scope: 'rowgroup', class: 'team-name' }, name,
      h('span', { class: 'cell-note' }, `${repCount} rep${repCount === 1 ? '' : 's'}`)),
    h('td', { class: 'num team-calls' }, String(figures.calls ?? 0)),
    h('td', { class: 'num team-score' }, score(figures.averageScore)),
    h('td', { colspan: '3', class: 'team-evaluated' }, `${figures.evaluatedCalls ?? 0} evaluated`));
}

function repTable(reps, teams, period) {
  const sort = { key: 'averageScore', direction: 'descending' };
  const wrap = h('div', { class: 'table-wrap' });

  function compare(a, b) {
    const av = a[sort.key];
    const bv = b[sort.key];
    if (av == null && bv == null) return 0;
    if (av == null) return 1; // reps without a score stay at the bottom either way
    if (bv == null) return -1;
    return sort.direction === 'ascending' ? av - bv : bv - av;
  }

  function header(key) {
    const active = sort.key === key;
    return h('th', { scope: 'col', class: 'num', 'aria-sort': active ? sort.direction : 'none' },
      h('button', { type: 'button', class: 'sort-button', 'data-sort': key, onclick: () => {
        sort.direction = active && sort.direction === 'descending' ? 'ascending' : 'descending';
        sort.key = key;
        render();
        wrap.querySelector(`button[data-sort="${key}"]`).focus();
      } }, SORTABLE[key], h('span', { class: 'sort-icon', 'aria-hidden': 'true' },
        active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕')));
  }

  function repRow(rep) {
    return h('tr', { 'data-user-id': rep.userId, class: 'row-link', onclick: (event) => {
      // the name is the link (keyboard, screen readers); a click anywhere else on the row follows it too
      if (!event.target.closest('a, button')) window.location.hash = repCallsHash(rep, period);
    } },
    h('th', { scope: 'row' }, h('a', { href: repCallsHash(rep, period), class: 'rep-link' }, rep.name || rep.userId)),
    h('td', { class: 'num' }, String(rep.calls ?? 0)),
    h('td', { class: 'num' }, score(rep.averageScore)),
    h('td', { class: 'num' }, percent(rep.averageTalkRatio)),
    h('td', { class: `num ${rep.scoreChange > 0 ? 'up' : rep.scoreChange < 0 ? 'down' : ''}` }, scoreChange(rep.scoreChange)),
    h('td', { class: 'cell-weakest', 'data-criterion': rep.weakestCriterion?.key || '' }, weakestCell(rep.weakestCriterion)));
  }

  function render() {
    clear(wrap);
    if (reps.length === 0) {
      wrap.append(h('p', { class: 'muted' }, 'No rep has calls in this period.'));
      return;
    }
    const groups = groupByTeam(reps, teams, compare);
    const shown = groups.flatMap((group) => group.reps);
    wrap.append(h('div', { class: 'table-toolbar' },
      h('p', { class: 'help' }, 'Reps by team. Select a rep to see their calls in this period.'),
      h('button', { type: 'button', class: 'button secondary small', id: 'reps-download',
        onclick: () => saveCsv(repTableCsv(shown), `reps-${period.from}-${period.to}.csv`) }, 'Download rep table (CSV)')),
    h('table', { class: 'data-table rep-table' },
      h('caption', { class: 'visually-hidden' },
        'Reps by team: calls, average score, talk ratio, score change and weakest criterion; sortable by score and talk ratio'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Rep'),
        h('th', { scope: 'col', class: 'num' }, 'Calls'),
        header('averageScore'),
        header('averageTalkRatio'),
        h('th', { scope: 'col', class: 'num' }, 'Score change'),
        h('th', { scope: 'col' }, 'Weakest criterion'))),
      groups.map((group) => h('tbody', { class: 'team-group' }, teamRow(group), group.reps.map(repRow)))));
  }
  render();
  return wrap;
}

function trendTable(weekly) {
  return h('details', { class: 'trend-data' }, h('summary', {}, 'Show the weekly figures as a table'),
    h('table', { class: 'data-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week of'), h('th', { scope: 'col', class: 'num' }, 'Calls'), h('th', { scope: 'col', class: 'num' }, 'Average score'))),
      h('tbody', {}, (weekly || []).map((w) => h('tr', {},
        h('th', { scope: 'row' }, shortDate(w.weekStart)), h('td', { class: 'num' }, String(w.calls ?? 0)), h('td', { class: 'num' }, score(w.averageScore)))))));
}

/** A member's criterion averages beside the organization's: where they stand on each criterion of the scorecard. */
function criteriaTable(criteria) {
  if (!criteria.length) return h('p', { class: 'muted', id: 'criteria-none' }, 'No evaluated call in this period yet.');
  return h('table', { class: 'data-table criteria-table' },
    h('caption', { class: 'visually-hidden' }, 'Your average per criterion (1 to 5) beside the organization\'s'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Criterion'),
      h('th', { scope: 'col', class: 'num' }, 'You'),
      h('th', { scope: 'col', class: 'num' }, 'Organization'),
      h('th', { scope: 'col', class: 'num' }, 'Difference'))),
    h('tbody', {}, criteria.map((c) => {
      const gap = c.averageScore == null || c.orgAverageScore == null ? null : c.averageScore - c.orgAverageScore;
      const rounded = gap == null ? null : Math.round(gap * 10) / 10;
      return h('tr', { 'data-criterion': c.key },
        h('th', { scope: 'row' }, c.label || criterionLabel(c.key)),
        h('td', { class: 'num cell-mine' }, decimal(c.averageScore)),
        h('td', { class: 'num cell-org' }, decimal(c.orgAverageScore)),
        h('td', { class: `num cell-gap ${rounded > 0 ? 'up' : rounded < 0 ? 'down' : ''}` },
          rounded == null ? '—' : scoreChange(rounded)));
    })));
}

/** The latest review of one of the member's calls: who, when, the note, and the way to the call. */
function lastReviewView(review) {
  if (!review) return h('p', { class: 'muted', id: 'last-review-none' }, 'No manager has reviewed your calls yet.');
  return h('div', { id: 'last-review' },
    h('p', {}, h('a', { href: `#/calls/${encodeURIComponent(review.callId)}`, id: 'last-review-call' },
      review.title || '(untitled call)'),
    h('span', { class: 'cell-note muted' }, `Reviewed by ${review.by?.name || review.by?.userId || 'a manager'} on ${dateTime(review.at)}`)),
    review.note ? h('blockquote', { class: 'review-note', id: 'last-review-note' }, review.note) : null);
}

export function renderDashboard(main, { user, live, announce, signal, query: routeQuery = {} }) {
  const head = seesOrganization(user);
  const fromId = uid('period-from');
  const toId = uid('period-to');
  const teamId = uid('period-team');
  const today = new Date();
  const period = {
    from: ISO_DATE.test(routeQuery.from || '') ? routeQuery.from : isoDate(new Date(today.getTime() - 29 * DAY)),
    to: ISO_DATE.test(routeQuery.to || '') ? routeQuery.to : isoDate(today),
    team: head ? routeQuery.team || '' : '',
  };
  const teamSelect = h('select', { id: teamId, name: 'team' }, h('option', { value: '' }, 'All teams'));

  /** The filter's choices: the summary's teams (every team of the period, whatever the filter). */
  function showTeams(names) {
    teamSelect.replaceChildren(h('option', { value: '' }, 'All teams'),
      ...[...new Set(names)].filter(Boolean).sort().map((team) => h('option', { value: team }, team)));
    teamSelect.value = period.team;
  }
  showTeams([period.team]); // a team from the URL is selectable before the summary answers
  const kpiRegion = h('div', { class: 'kpi-region' });
  const repRegion = h('div', {});
  const trendRegion = h('div', { class: 'trend' });
  const criteriaRegion = h('div', {});
  const reviewRegion = h('div', {});
  const table = createCallsTable({ live, announce, signal, showRep: head });

  const periodForm = h('form', { class: 'period', 'aria-label': 'Period', onsubmit: (event) => {
    event.preventDefault();
    period.from = periodForm.elements.from.value;
    period.to = periodForm.elements.to.value;
    period.team = head ? teamSelect.value : '';
    pushRouteQuery('#/dashboard', period);
    loadSummary();
  } },
  h('div', { class: 'field' }, h('label', { for: fromId }, 'From'), h('input', { id: fromId, name: 'from', type: 'date', value: period.from, required: true })),
  h('div', { class: 'field' }, h('label', { for: toId }, 'To'), h('input', { id: toId, name: 'to', type: 'date', value: period.to, required: true })),
  head ? h('div', { class: 'field' }, h('label', { for: teamId }, 'Team'), teamSelect) : null,
  h('button', { type: 'submit', class: 'button primary' }, 'Show period'));

  main.append(
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', { tabindex: '-1' }, head ? 'Head of Sales dashboard' : 'My dashboard'),
        h('p', { class: 'lead' }, head ? 'Every evaluated call of your organization.' : 'Your own calls and scores.'),
        h('p', { class: 'help' }, 'Scores, outcomes, reps and trends count the calls each rep recorded; calls shared with a rep and skipped calls are counted, never averaged.')),
      periodForm),
    h('section', { class: 'card', 'aria-labelledby': 'kpi-heading' }, h('h2', { id: 'kpi-heading' }, 'Key figures'), kpiRegion),
    h('div', { class: head ? 'grid-2' : '' },
      head ? h('section', { class: 'card', 'aria-labelledby': 'reps-heading', id: 'reps' }, h('h2', { id: 'reps-heading' }, 'Reps'), repRegion) : null,
      h('section', { class: 'card', 'aria-labelledby': 'trend-heading' }, h('h2', { id: 'trend-heading' }, head ? 'Weekly trend' : 'My weekly trend'), trendRegion)),
    head ? null : h('div', { class: 'grid-2' },
      h('section', { class: 'card', 'aria-labelledby': 'criteria-heading', id: 'my-criteria' },
        h('h2', { id: 'criteria-heading' }, 'My criteria against the organization'), criteriaRegion),
      h('section', { class: 'card', 'aria-labelledby': 'last-review-heading' },
        h('h2', { id: 'last-review-heading' }, 'My last review'), reviewRegion)),
    h('section', { class: 'card', 'aria-labelledby': 'calls-heading' }, h('h2', { id: 'calls-heading' }, 'Calls'), table.element));

  async function loadSummary() {
    kpiRegion.setAttribute('aria-busy', 'true');
    try {
      const summary = await dashboard(`/api/dashboard/summary${query(period)}`, { signal });
      kpiRegion.replaceChildren(kpis(summary));
      if (head) {
        showTeams([period.team, ...(summary.teams || []).map((t) => t.team)]);
        repRegion.replaceChildren(repTable(summary.reps || [], summary.teams || [], { ...period }));
      }
      trendRegion.replaceChildren(trendChart(summary.weekly), trendTable(summary.weekly));
      if (!head) {
        criteriaRegion.replaceChildren(criteriaTable(summary.criteria || []));
        reviewRegion.replaceChildren(lastReviewView(summary.lastReview));
      }
    } catch (error) {
      if (error.name === 'AbortError') return;
      kpiRegion.replaceChildren(errorBox(`Could not load the summary: ${error.message}`));
    } finally {
      kpiRegion.removeAttribute('aria-busy');
    }
  }

  const refreshSummary = debounce(loadSummary, 1000);
  const unsubscribe = live.subscribe((change) => { if (change.status !== 'pending') refreshSummary(); });
  loadSummary();
  return () => { unsubscribe(); refreshSummary.cancel(); table.destroy(); };
}
