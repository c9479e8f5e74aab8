// The weekly trend as hand-drawn inline SVG: bars = calls per week (left axis), line = average score (0–100).
import { svg, uid } from './dom.js';
import { shortDate, score } from './format.js';

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 20, right: 44, bottom: 36, left: 40 };

function niceMax(value) {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / magnitude) * magnitude;
}

export function trendChart(weekly) {
  const weeks = Array.isArray(weekly) ? weekly : [];
  const titleId = uid('trend-title');
  const descId = uid('trend-desc');
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const maxCalls = niceMax(Math.max(0, ...weeks.map((w) => Number(w.calls) || 0)));
  const slot = weeks.length > 0 ? plotW / weeks.length : plotW;
  const barW = Math.max(4, Math.min(40, slot * 0.6));
  const x = (i) => PAD.left + slot * i + slot / 2;
  const yCalls = (v) => PAD.top + plotH - (v / maxCalls) * plotH;
  const yScore = (v) => PAD.top + plotH - (v / 100) * plotH;
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 8));

  const scored = weeks.map((w, i) => ({ w, i })).filter(({ w }) => w.averageScore != null);
  const linePath = scored.map(({ w, i }, n) => `${n === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${yScore(w.averageScore).toFixed(1)}`).join(' ');
  const described = weeks.map((w) => `week of ${shortDate(w.weekStart)}: ${w.calls} calls, average score ${score(w.averageScore)}`).join('; ');

  return svg('svg', {
    class: 'trend-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-labelledby': `${titleId} ${descId}`, preserveAspectRatio: 'xMidYMid meet',
  },
  svg('title', { id: titleId }, 'Weekly trend: calls and average score'),
  svg('desc', { id: descId }, weeks.length ? described : 'No data for this period.'),
  // grid and axes
  [0, 0.5, 1].map((f) => svg('g', { class: 'grid' },
    svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: PAD.top + plotH * (1 - f), y2: PAD.top + plotH * (1 - f) }),
    svg('text', { x: PAD.left - 6, y: PAD.top + plotH * (1 - f) + 4, 'text-anchor': 'end', class: 'axis-calls' }, String(Math.round(maxCalls * f))),
    svg('text', { x: WIDTH - PAD.right + 6, y: PAD.top + plotH * (1 - f) + 4, 'text-anchor': 'start', class: 'axis-score' }, String(100 * f)))),
  svg('text', { x: PAD.left - 6, y: 12, 'text-anchor': 'end', class: 'axis-title axis-calls' }, 'Calls'),
  svg('text', { x: WIDTH - PAD.right + 6, y: 12, 'text-anchor': 'start', class: 'axis-title axis-score' }, 'Score'),
  weeks.map((w, i) => svg('g', { class: 'week' },
    svg('rect', {
      class: 'bar', x: (x(i) - barW / 2).toFixed(1), y: yCalls(Number(w.calls) || 0).toFixed(1),
      width: barW.toFixed(1), height: (plotH - (yCalls(Number(w.calls) || 0) - PAD.top)).toFixed(1),
    }),
    i % labelEvery === 0
      ? svg('text', { x: x(i).toFixed(1), y: HEIGHT - PAD.bottom + 18, 'text-anchor': 'middle', class: 'axis-x' }, shortDate(w.weekStart))
      : null)),
  linePath ? svg('path', { class: 'score-line', d: linePath }) : null,
  scored.map(({ w, i }) => svg('circle', { class: 'score-dot', cx: x(i).toFixed(1), cy: yScore(w.averageScore).toFixed(1), r: 4 })),
  weeks.length === 0 ? svg('text', { x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle', class: 'empty' }, 'No calls in this period') : null);
}
