// Unit tests of the pages' pure modules (event-stream parser, backoff, formatting), run in node.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const STATIC = '../../dashboard-api/src/main/resources/static/js';
const { createEventStreamParser, backoffDelay } = await import(`${STATIC}/sse.js`);
const format = await import(`${STATIC}/format.js`);

function parse(chunks) {
  const events = [];
  const retries = [];
  const feed = createEventStreamParser((e) => events.push(e), (r) => retries.push(r));
  chunks.forEach(feed);
  return { events, retries };
}

test('parses named events, joins multi-line data and skips comments', () => {
  const { events } = parse([':heartbeat\n\nevent: call-status\ndata: {"callId":"c1",\ndata: "status":"evaluated"}\nid: 7\n\n']);
  assert.deepEqual(events, [{ type: 'call-status', data: '{"callId":"c1",\n"status":"evaluated"}', id: '7' }]);
});

test('an event split across chunks, even inside a CRLF, is dispatched once complete', () => {
  const { events } = parse(['event: call-st', 'atus\r', '\ndata: {"callId":"c2"}\r', '\n', '\r\n']);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'call-status');
  assert.equal(events[0].data, '{"callId":"c2"}');
});

test('events without data are dropped, the default type is message, retry is reported', () => {
  const { events, retries } = parse(['event: call-status\n\nretry: 2500\ndata:x\n\n']);
  assert.deepEqual(events.map((e) => [e.type, e.data]), [['message', 'x']]);
  assert.deepEqual(retries, [2500]);
});

test('backoff doubles up to 30 s with jitter between half and full delay', () => {
  assert.equal(backoffDelay(0, 1000, 30000, () => 0), 500);
  assert.equal(backoffDelay(0, 1000, 30000, () => 1), 1000);
  assert.equal(backoffDelay(3, 1000, 30000, () => 1), 8000);
  assert.equal(backoffDelay(10, 1000, 30000, () => 1), 30000);
});

test('evidence timestamps become seconds and Fathom playback links', () => {
  assert.equal(format.timestampToSeconds('00:21:00'), 1260);
  assert.equal(format.timestampToSeconds('01:02'), 62);
  assert.equal(format.timestampToSeconds(75), 75);
  assert.equal(format.timestampToSeconds('soon'), null);
  assert.equal(format.urlAt('https://fathom.video/share/abc?x=1', 62), 'https://fathom.video/share/abc?x=1&timestamp=62');
  assert.equal(format.urlAt(null, 62), null);
  const call = { url: 'https://fathom.video/calls/4711', shareUrl: 'https://fathom.video/share/abc' };
  assert.equal(format.playbackUrlAt(call, 62), 'https://fathom.video/calls/4711?timestamp=62', 'the calls URL, as Fathom plays it');
  assert.equal(format.playbackUrlAt({ ...call, url: null }, 62), 'https://fathom.video/share/abc?timestamp=62', 'else the share URL');
  assert.equal(format.playbackUrlAt(call, null), null);
});

test('skipped calls, their reasons and the sync source read well', () => {
  assert.equal(format.statusLabel('skipped'), 'Skipped');
  assert.equal(format.skipReasonLabel('internal_meeting'), 'Internal meeting');
  assert.equal(format.skipReasonLabel('some_new_reason'), 'some new reason');
  assert.equal(format.sourceLabel('sync'), 'Catch-up sync');
});

test('durations, clocks, ratios and score changes read well', () => {
  assert.equal(format.duration(2730), '45 min');
  assert.equal(format.duration(75), '1 min 15 s');
  assert.equal(format.duration(3725), '1 h 02 min');
  assert.equal(format.clock(3725), '1:02:05');
  assert.equal(format.clock(58), '00:58');
  assert.equal(format.percent(0.456), '46 %');
  assert.equal(format.scoreChange(4.46), '+4.5');
  assert.equal(format.scoreChange(-3), '−3');
  assert.equal(format.scoreChange(null), '—');
  assert.equal(format.outcomeLabel('not_a_sales_call'), 'Not a sales call');
  assert.equal(format.criterionLabel('objection_handling'), 'Objection handling');
});

const { inlineText, markdownBlocks } = await import(`${STATIC}/markdown.js`);

// The renderer's former regexes: the meaning the linear passes must keep.
const regexInline = (s) => s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');

test('Markdown inline text keeps the meaning of the former regexes on random lines', () => {
  const alphabet = ['*', '*', '[', ']', '(', ')', 'a', 'b', ' ', '#', '-'];
  let seed = 42;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let n = 0; n < 20000; n += 1) {
    const line = Array.from({ length: Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    assert.equal(inlineText(line), regexInline(line), JSON.stringify(line));
  }
  assert.equal(inlineText('Call **Acme** about [pricing](https://x.test/p) [sic] ***'), 'Call Acme about pricing [sic] ***');
});

test('Markdown blocks: headings, bullets grouped, paragraphs, blank lines dropped', () => {
  assert.deepEqual(markdownBlocks('## Next steps\n- send **quote**\n* book demo\n\nThanks\n####### not a heading'), [
    { type: 'heading', text: 'Next steps' },
    { type: 'bullets', items: ['send quote', 'book demo'] },
    { type: 'paragraph', text: 'Thanks' },
    { type: 'paragraph', text: '####### not a heading' },
  ]);
});

// Forged summaries: each line makes the former regexes backtrack quadratically (minutes at this size); the
// linear passes take milliseconds, so the test's timeout only fails a quadratic renderer.
test('Markdown of hostile lines is linear in their length', { timeout: 5000 }, () => {
  const size = 400000;
  for (const line of ['['.repeat(size), '[a]('.repeat(size / 4), '**'.repeat(size / 2) + '*', `[${'a'.repeat(size)}`]) {
    assert.equal(markdownBlocks(line).length, 1);
  }
});

const csv = await import(`${STATIC}/csv.js`);
const routeQuery = await import(`${STATIC}/route-query.js`);

test('CSV cells are quoted as RFC 4180 says: commas, quotes and line breaks', () => {
  assert.equal(csv.csvCell('plain'), 'plain');
  assert.equal(csv.csvCell('Martin, Alice'), '"Martin, Alice"');
  assert.equal(csv.csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csv.csvCell('two\r\nlines'), '"two\r\nlines"');
  assert.equal(csv.csvCell(null), '');
  assert.equal(csv.csvCell(undefined), '');
  assert.equal(csv.csvCell(''), '');
});

test('CSV text a spreadsheet would run as a formula gets a leading quote; numbers stay numbers', () => {
  assert.equal(csv.csvCell('=HYPERLINK("http://evil.test","x")'), '"\'=HYPERLINK(""http://evil.test"",""x"")"');
  for (const start of ['+', '-', '@', '\t']) assert.equal(csv.csvCell(`${start}1`), `'${start}1`);
  assert.equal(csv.csvCell('\rx'), '"\'\rx"');
  assert.equal(csv.csvCell('a=b'), 'a=b');
  assert.equal(csv.csvCell(-3), '-3', 'a negative number is a number, not a formula');
  assert.equal(csv.csvCell(73.66666), '73.67');
  assert.equal(csv.csvCell(0.46), '0.46');
  assert.equal(csv.csvCell(Number.NaN), '');
});

test('the rep table CSV: a byte order mark, the header, one CRLF line per rep in the given order', () => {
  const text = csv.repTableCsv([
    { userId: 'u2', name: 'Durand, "Bob"', team: 'SMB', calls: 3, averageScore: 61, averageTalkRatio: 0.63, scoreChange: -3,
      weakestCriterion: { key: 'discovery', label: 'Discovery', averageScore: 2.333 } },
    { userId: 'u1', name: '=cmd|x', team: null, calls: 4, averageScore: 77.666, averageTalkRatio: null, scoreChange: 4.5,
      weakestCriterion: null },
  ]);
  assert.equal(text, '\uFEFFuserId,name,team,calls,averageScore,averageTalkRatio,scoreChange,weakestCriterion,'
    + 'weakestCriterionAverage\r\n'
    + 'u2,"Durand, ""Bob""",SMB,3,61,0.63,-3,discovery,2.33\r\n'
    + "u1,'=cmd|x,,4,77.67,,4.5,,\r\n");
});

test('a hash route carries its view state in its query, empty values left out', () => {
  assert.deepEqual(routeQuery.parseRoute('#/calls'), { path: '#/calls', query: {} });
  assert.deepEqual(routeQuery.parseRoute('#/dashboard?from=2026-11-01&to=2026-11-30&team=Sales%20%26%20Co'),
    { path: '#/dashboard', query: { from: '2026-11-01', to: '2026-11-30', team: 'Sales & Co' } });
  assert.equal(routeQuery.routeHash('#/calls', { userId: 'rep bob', from: '2026-11-01', to: '', team: null }),
    '#/calls?userId=rep+bob&from=2026-11-01');
  assert.equal(routeQuery.routeHash('#/calls', {}), '#/calls');
  const { path, query } = routeQuery.parseRoute(routeQuery.routeHash('#/calls', { q: 'a&b=c?' }));
  assert.deepEqual([path, query], ['#/calls', { q: 'a&b=c?' }]);
});
