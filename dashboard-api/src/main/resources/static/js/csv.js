// CSV text for downloads made in the page (the rep table), with the rules of dashboard-api's export: RFC 4180 quoting,
// CRLF line ends, formula-like text neutralized (OWASP), a UTF-8 byte order mark so Excel reads accented names.
export const BOM = '\uFEFF';
const FORMULA_START = '=+-@\t\r';

/** One cell: null is empty, a number stays a number (rounded to 2 decimals), text is neutralized then quoted. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '';
  let text = String(value);
  if (text !== '' && FORMULA_START.includes(text[0])) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header, then one line per row (each an array of values). */
export function toCsv(header, rows) {
  return BOM + [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

const REP_COLUMNS = ['userId', 'name', 'team', 'calls', 'averageScore', 'averageTalkRatio', 'scoreChange',
  'weakestCriterion', 'weakestCriterionAverage'];

/** The summary's rep table as CSV, in the order given (the table's): the weakest criterion by key and its average. */
export function repTableCsv(reps) {
  return toCsv(REP_COLUMNS, reps.map((rep) => [rep.userId, rep.name, rep.team, rep.calls, rep.averageScore,
    rep.averageTalkRatio, rep.scoreChange, rep.weakestCriterion?.key, rep.weakestCriterion?.averageScore]));
}
