// A stand-in for dashboard-api (static pages, their settings, REST + SSE), integration-service (REST with CORS) and the
// identity provider (oidc-provider.mjs), following the design's shapes, so the pages can be tested before and
// independently of the real services.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimsOf } from '../lib/tokens.mjs';
import {
  initialCalls, newRecording, evaluation, metrics, SUMMARY_KEYS, SCORECARD_PRESETS, initialAnalysisSettings,
} from './fixtures.mjs';
import { startMockProvider, CLIENT_ID } from './oidc-provider.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const STATIC_DIR = resolve(HERE, '../../dashboard-api/src/main/resources/static');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };
const DAY = 24 * 3600 * 1000;

function send(res, status, body, headers = {}) {
  const json = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(json);
}

// dashboard-api's export format (RFC 4180, formula-like text prefixed with ', a UTF-8 byte order mark)
function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = String(value);
  if (text && '=+-@\t\r'.includes(text[0])) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const EXPORT_COLUMNS = ['callId', 'startedAt', 'repName', 'userId', 'team', 'title', 'durationSeconds', 'status', 'overallScore',
  'effectiveScore', 'outcome', 'externalInviteeCount', 'source', 'attribution', 'skipReason', 'reviewFlags', 'reviewed'];

function problem(res, status, title, detail, headers = {}, extra = {}) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }));
}

/** The score that counts, as dashboard-api's effectiveScore: a manager's review's, else the AI's. */
const counted = (c) => c.effectiveScore ?? c.overallScore;

/**
 * PUT /api/calls/<id>/review's checks and answer, as dashboard-api's ReviewPolicy: criteria of the call's evaluation,
 * each once, whole scores 1–5, comments ≤ 1000 and the note ≤ 4000 characters, a score or a note. The fixtures' overall
 * scores are not computed from their criteria, so the effective score moves the AI's by what the design's formula gives
 * the reviewed criteria: 100 × Σ w (reviewed − AI) / (4 Σ w).
 */
function reviewOf(c, input, user) {
  const criteria = c.evaluation.scores;
  const scores = [];
  for (const [i, s] of (Array.isArray(input.scores) ? input.scores : []).entries()) {
    const criterion = criteria.find((x) => x.criterion === s?.criterion);
    if (!criterion || scores.some((x) => x.criterion === s.criterion)) {
      return { field: `scores[${i}].criterion`, detail: `Each score must name a criterion of the call's evaluation: ${criteria.map((x) => x.criterion).join(', ')}` };
    }
    if (!Number.isInteger(s.score) || s.score < 1 || s.score > 5) return { field: `scores[${i}].score`, detail: 'A score must be a whole number from 1 to 5' };
    const comment = typeof s.comment === 'string' && s.comment.trim() ? s.comment.trim() : null;
    if (comment && comment.length > 1000) return { field: `scores[${i}].comment`, detail: 'A comment must be at most 1000 characters' };
    scores.push({ criterion: s.criterion, score: s.score, comment });
  }
  const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim() : null;
  if (note && note.length > 4000) return { field: 'note', detail: 'The note must be at most 4000 characters' };
  if (!scores.length && !note) return { field: 'scores', detail: 'A review needs at least one score or a note' };
  const weights = criteria.reduce((sum, x) => sum + (x.weight || 1), 0);
  const moved = scores.reduce((sum, s) => {
    const ai = criteria.find((x) => x.criterion === s.criterion);
    return sum + (ai.weight || 1) * (s.score - ai.score);
  }, 0);
  const effectiveScore = Math.max(0, Math.min(100, Math.round(c.overallScore + (100 * moved) / (4 * weights))));
  return { review: { by: { userId: user.userId, name: user.name }, at: new Date().toISOString(), scores, note, effectiveScore } };
}

async function body(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/**
 * As the services: the provider's tokens are checked by it (signature, expiry, session not revoked); dev tokens, where
 * accepted, are only decoded but must not have expired.
 */
function caller(req, provider, settings) {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization || '');
  if (!match) return null;
  let claims;
  if (provider.issued(match[1])) claims = provider.verifyAccessToken(match[1]);
  else claims = settings.devTokensAccepted ? claimsOf(match[1]) : null;
  if (claims && typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return null;
  return claims && claims.sub ? { userId: claims.sub, orgId: claims.org_id, role: claims.org_role || 'member', email: claims.email, name: claims.name } : null;
}

const seesAll = (user) => user.role === 'head_of_sales' || user.role === 'admin';

function mondayOf(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

/** The criterion scores that count (a reviewer's where they scored it, else the AI's), averaged per key, by key. */
function criterionAverages(someCalls) {
  const byKey = new Map();
  for (const c of someCalls.filter((x) => x.status === 'evaluated' && x.evaluation)) {
    for (const s of c.evaluation.scores) {
      const reviewed = c.review?.scores?.find((r) => r.criterion === s.criterion);
      const entry = byKey.get(s.criterion) || { key: s.criterion, label: s.label, scores: [] };
      entry.scores.push(reviewed ? reviewed.score : s.score);
      byKey.set(s.criterion, entry);
    }
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key))
    .map(({ key, label, scores }) => ({ key, label, averageScore: average(scores) }));
}

const TALK_RATIOS = { 'rep-alice': 0.46, 'rep-chloe': 0.52 };
const SCORE_CHANGES = { 'rep-alice': 4.5, 'rep-chloe': 1 };

/** A rep's team as dashboard-api gives it: the greatest team name on their calls. */
const teamOf = (someCalls) => someCalls.map((c) => c.team).filter(Boolean).sort().pop() || null;

function average(values) {
  const v = values.filter((x) => x != null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

// integration-service's recorder-email check: the recorders the mock Fathom "saw" among a key's recent meetings.
const RECORDERS_SEEN = { 'emulator-api-key': ['hugo.bernard@acme-sales.test', 'alice@acme-sales.test'] };
const EMAIL = /^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$/;

function recorderCheck(stored) {
  const seen = stored.recorderEmailsSeen;
  if (!seen.length) return { fathomEmail: stored.fathomEmail, recorderEmailsSeen: seen };
  const ok = seen.includes(String(stored.fathomEmail).toLowerCase());
  return { fathomEmail: stored.fathomEmail, recorderEmailSeen: ok, recorderEmailsSeen: seen, ...(ok ? {} : { fathomEmailWarning: `None of the recent meetings of this Fathom key was recorded by ${stored.fathomEmail}` }) };
}

// GET /api/integrations/fathom in integration-service's shape; the mock's catch-up sync ran once and found 2 calls.
function integrationView(stored) {
  const { recorderEmailsSeen, fathomEmail, ...rest } = stored;
  return { ...rest, ...recorderCheck(stored), lastSyncAt: stored.createdAt, lastSyncRecovered: 2 };
}

const LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt'];

/**
 * PUT /api/analysis/settings's checks, as the design's: 3 to 8 criteria, keys [a-z][a-z0-9_]* each once, a label,
 * weights > 0, a known language, a whole non-negative daily budget; each problem as {field, detail}.
 */
function analysisSettingsProblems(input) {
  const problems = [];
  const criteria = input?.scorecard?.criteria;
  if (!input?.scorecard?.name?.trim()) problems.push({ field: 'scorecard.name', detail: 'A scorecard needs a name' });
  if (!Array.isArray(criteria) || criteria.length < 3 || criteria.length > 8) {
    problems.push({ field: 'scorecard.criteria', detail: 'A scorecard has 3 to 8 criteria' });
  }
  (Array.isArray(criteria) ? criteria : []).forEach((c, i) => {
    if (!/^[a-z][a-z0-9_]*$/.test(c?.key || '')) {
      problems.push({ field: `scorecard.criteria[${i}].key`, detail: 'A key is lower case letters, digits and _, from a letter' });
    } else if (criteria.findIndex((x) => x?.key === c.key) < i) {
      problems.push({ field: `scorecard.criteria[${i}].key`, detail: `Each key must be unique: ${c.key} is used twice` });
    }
    if (!c?.label?.trim()) problems.push({ field: `scorecard.criteria[${i}].label`, detail: 'A criterion needs a label' });
    if (!(typeof c?.weight === 'number' && c.weight > 0)) {
      problems.push({ field: `scorecard.criteria[${i}].weight`, detail: 'A weight must be greater than 0' });
    }
  });
  if (!LANGUAGES.includes(input?.language)) problems.push({ field: 'language', detail: `One of ${LANGUAGES.join(', ')}` });
  const budget = input?.dailyTokenBudget;
  if (budget !== null && !(Number.isInteger(budget) && budget >= 0)) {
    problems.push({ field: 'dailyTokenBudget', detail: 'A whole number of tokens, 0 or more' });
  }
  return problems;
}

/**
 * {@code accessTokenSeconds}: the provider's token lifetime (short in tests, to see renewals); {@code devTokensAccepted}
 * as dashboard-api says where APP_AUTH_DEV_SECRET is set (POST /mock/settings changes it).
 */
export async function startMock({ dashboardPort = 0, integrationPort = 0, analysisPort = 0, providerPort = 0,
  accessTokenSeconds = 300, devTokensAccepted = true } = {}) {
  const calls = initialCalls();
  const integrations = new Map();
  const puts = [];
  const jobs = new Map();
  const streams = new Set();
  const requests = [];
  let recordings = 0;
  let integrationUrl = '';
  let analysisUrl = '';
  let pagesOrigin = '';
  const analysisSettings = new Map(); // orgId → the organization's analysis settings
  const analysisPuts = [];
  const settings = { devTokensAccepted };
  const provider = await startMockProvider({ pagesOrigin: () => pagesOrigin, accessTokenSeconds, port: providerPort });

  const visible = (user) => calls.filter((c) => seesAll(user) || c.userId === user.userId);

  function broadcast(c) {
    const data = JSON.stringify({ callId: c.callId, status: c.status, overallScore: c.overallScore, outcome: c.outcome, userId: c.userId, title: c.title });
    for (const s of streams) {
      if (seesAll(s.user) || s.user.userId === c.userId) s.res.write(`event: call-status\ndata: ${data}\n\n`);
    }
  }

  function list(user, params) {
    let items = visible(user);
    const p = Object.fromEntries(params);
    if (p.status) items = items.filter((c) => c.status === p.status);
    if (p.outcome) items = items.filter((c) => c.outcome === p.outcome);
    if (p.userId) items = items.filter((c) => c.userId === p.userId);
    if (p.minScore) items = items.filter((c) => counted(c) != null && counted(c) >= Number(p.minScore));
    if (p.attribution) items = items.filter((c) => c.attribution === p.attribution);
    if (p.team) items = items.filter((c) => c.team === p.team);
    if (p.reviewFlag) items = items.filter((c) => (c.reviewFlags || []).includes(p.reviewFlag));
    if (p.from) items = items.filter((c) => c.startedAt.slice(0, 10) >= p.from);
    if (p.to) items = items.filter((c) => c.startedAt.slice(0, 10) <= p.to);
    if (p.q) items = items.filter((c) => c.title.toLowerCase().includes(p.q.toLowerCase()));
    items = [...items].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    const size = Number(p.size || 20);
    const page = Number(p.page || 0);
    return {
      items: items.slice(page * size, page * size + size).map((c) => Object.fromEntries(SUMMARY_KEYS.map((k) => [k, c[k]]))),
      page, size, totalItems: items.length, totalPages: Math.ceil(items.length / size),
    };
  }

  // As dashboard-api: every call counts in the totals; scores, outcomes, reps and weeks count recorder calls only, each
  // with the score that counts (a reviewed call's effective score).
  function summary(user, params) {
    const to = params.get('to') || new Date().toISOString().slice(0, 10);
    const from = params.get('from') || new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10);
    const team = params.get('team');
    const inRange = visible(user).filter((c) => c.startedAt.slice(0, 10) >= from && c.startedAt.slice(0, 10) <= to)
      .filter((c) => !team || c.team === team);
    const recorded = inRange.filter((c) => c.attribution !== 'shared');
    const outcomes = {};
    recorded.forEach((c) => { if (c.outcome) outcomes[c.outcome] = (outcomes[c.outcome] || 0) + 1; });
    const reps = seesAll(user) ? [...new Set(recorded.map((c) => c.userId))].map((userId) => {
      const mine = recorded.filter((c) => c.userId === userId);
      const weakest = criterionAverages(mine).filter((c) => c.averageScore != null)
        .sort((a, b) => a.averageScore - b.averageScore || a.key.localeCompare(b.key))[0];
      return {
        userId, name: mine[0].repName, team: teamOf(mine), calls: mine.length,
        averageScore: average(mine.map(counted)),
        averageTalkRatio: TALK_RATIOS[userId] ?? 0.63, scoreChange: SCORE_CHANGES[userId] ?? -3,
        weakestCriterion: weakest ? { key: weakest.key, label: weakest.label, averageScore: weakest.averageScore } : null,
      };
    }) : [];
    // every team of the caller's scope, whatever the team filter, by name, the calls of no team last
    const scopeRecorded = visible(user).filter((c) => c.startedAt.slice(0, 10) >= from && c.startedAt.slice(0, 10) <= to)
      .filter((c) => c.attribution !== 'shared');
    const teams = [...new Set(scopeRecorded.map((c) => c.team))]
      .sort((a, b) => (a === null) - (b === null) || String(a).localeCompare(String(b))).map((name) => {
        const theirs = scopeRecorded.filter((c) => c.team === name);
        return { team: name, calls: theirs.length, evaluatedCalls: theirs.filter((c) => c.status === 'evaluated').length,
          averageScore: average(theirs.map(counted)), reps: new Set(theirs.map((c) => c.userId)).size };
      });
    const orgRecorded = calls.filter((c) => c.attribution !== 'shared' && c.startedAt.slice(0, 10) >= from
      && c.startedAt.slice(0, 10) <= to && (!team || c.team === team));
    const org = new Map(criterionAverages(orgRecorded).map((c) => [c.key, c.averageScore]));
    const criteria = criterionAverages(orgRecorded).map(({ key, label }) => ({
      key, label, averageScore: criterionAverages(recorded).find((c) => c.key === key)?.averageScore ?? null,
      orgAverageScore: org.get(key),
    }));
    const reviewed = calls.filter((c) => c.review && c.userId === user.userId && c.attribution !== 'shared')
      .sort((a, b) => b.review.at.localeCompare(a.review.at))[0];
    const lastReview = reviewed ? { callId: reviewed.callId, title: reviewed.title, by: reviewed.review.by,
      at: reviewed.review.at, note: reviewed.review.note } : null;
    const weekly = [];
    for (let w = mondayOf(new Date(`${from}T00:00:00Z`)); w <= new Date(`${to}T00:00:00Z`); w = new Date(w.getTime() + 7 * DAY)) {
      const week = recorded.filter((c) => mondayOf(new Date(c.startedAt)).getTime() === w.getTime());
      weekly.push({ weekStart: w.toISOString().slice(0, 10), calls: week.length, averageScore: average(week.map(counted)) });
    }
    return {
      from, to, totalCalls: inRange.length, evaluatedCalls: inRange.filter((c) => c.status === 'evaluated').length,
      skippedCalls: inRange.filter((c) => c.status === 'skipped').length,
      averageScore: average(recorded.map(counted)), outcomes, reps, weekly, teams, criteria, lastReview,
    };
  }

  // As GET /api/calls/export: the list's filters and order, unpaged, a score_<criterion> column per criterion.
  function exportCsv(user, params) {
    const unpaged = new URLSearchParams(params);
    unpaged.set('page', '0');
    unpaged.set('size', '100000');
    const ids = list(user, unpaged).items.map((item) => item.callId);
    const rows = ids.map((id) => calls.find((c) => c.callId === id));
    const criteria = [...new Set(rows.flatMap((c) => (c.evaluation?.scores || []).map((s) => s.criterion)))];
    const lines = [[...EXPORT_COLUMNS, ...criteria.map((key) => `score_${key}`)], ...rows.map((c) => [
      ...EXPORT_COLUMNS.map((column) => (column === 'reviewFlags' ? (c.reviewFlags || []).join(' ') : c[column])),
      ...criteria.map((key) => (c.evaluation?.scores || []).find((s) => s.criterion === key)?.score)])];
    return `\uFEFF${lines.map((line) => `${line.map(csvCell).join(',')}\r\n`).join('')}`;
  }

  async function serveStatic(req, res, path) {
    if (path === '/config.json') {
      return send(res, 200, { issuer: provider.issuer, clientId: CLIENT_ID, integrationApiUrl: integrationUrl,
        analysisApiUrl: analysisUrl, devTokensAccepted: settings.devTokensAccepted }, { 'Cache-Control': 'no-store' });
    }
    const file = normalize(join(STATIC_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(STATIC_DIR)) return problem(res, 404, 'Not Found', path);
    try {
      const content = await readFile(file);
      // the policy dashboard-api sends with the pages (WebPagesProperties), so a page that breaks it fails here too
      const policy = extname(file) === '.html' ? { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; "
        + `style-src 'self'; img-src 'self' data:; connect-src 'self' ${integrationUrl} ${analysisUrl} ${provider.issuer}; object-src 'none'; `
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'" } : {};
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store', ...policy });
      res.end(content);
    } catch {
      problem(res, 404, 'Not Found', `No resource ${path}`);
    }
  }

  const dashboardServer = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    requests.push(`${req.method} ${path}`);
    if (path === '/mock/recordings' && req.method === 'POST') {
      recordings += 1;
      const c = newRecording(recordings);
      calls.push(c);
      broadcast(c);
      setTimeout(() => {
        Object.assign(c, { status: 'evaluated', overallScore: 82, effectiveScore: 82, outcome: 'advanced', evaluation: evaluation(82, 'advanced'), metrics,
          analysis: { mode: 'llm', model: 'gpt-5-mini', promptVersion: 'coach-v1', analyzedAt: new Date().toISOString() } });
        broadcast(c);
      }, Number(url.searchParams.get('delayMs') || 1500));
      return send(res, 202, { callId: c.callId });
    }
    if (path === '/mock/drop-streams' && req.method === 'POST') {
      const dropped = streams.size;
      for (const s of streams) s.res.destroy();
      streams.clear();
      return send(res, 200, { dropped });
    }
    if (path === '/mock/settings' && req.method === 'POST') {
      Object.assign(settings, await body(req));
      return send(res, 200, settings);
    }
    if (!path.startsWith('/api/')) return serveStatic(req, res, path);
    const user = caller(req, provider, settings);
    if (!user) return problem(res, 401, 'Unauthorized', 'A bearer token is required', { 'WWW-Authenticate': 'Bearer' });
    if (path === '/api/calls/stream') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const entry = { user, res };
      streams.add(entry);
      const heartbeat = setInterval(() => res.write(':heartbeat\n\n'), 10000);
      req.on('close', () => { clearInterval(heartbeat); streams.delete(entry); });
      return undefined;
    }
    if (path === '/api/calls') return send(res, 200, list(user, url.searchParams));
    if (path === '/api/calls/export') {
      const from = url.searchParams.get('from') || 'start';
      const to = url.searchParams.get('to') || 'now';
      res.writeHead(200, { 'Content-Type': 'text/csv;charset=UTF-8', 'Content-Disposition': `attachment; filename="calls-${from}-${to}.csv"` });
      return res.end(exportCsv(user, url.searchParams));
    }
    const reviewPath = /^\/api\/calls\/([^/]+)\/review$/.exec(path);
    if (reviewPath && req.method === 'PUT') {
      const c = visible(user).find((x) => x.callId === decodeURIComponent(reviewPath[1]));
      if (!c) return problem(res, 404, 'Not found', `No call ${reviewPath[1]}`);
      if (!seesAll(user)) return problem(res, 403, 'Not allowed', 'Only a head of sales or an admin reviews calls');
      if (c.status !== 'evaluated' || !c.evaluation) return problem(res, 409, 'Call not evaluated', `Call ${c.callId} is ${c.status}: there are no scores to review`);
      let input;
      try {
        input = await body(req);
      } catch {
        return problem(res, 400, 'Invalid review', 'The body must be a JSON review');
      }
      const { review, field, detail } = reviewOf(c, input, user);
      if (!review) return problem(res, 400, 'Invalid review', detail, {}, { field });
      Object.assign(c, { review, reviewed: true, effectiveScore: review.effectiveScore });
      return send(res, 202, review);
    }
    if (path.startsWith('/api/calls/')) {
      const id = decodeURIComponent(path.slice('/api/calls/'.length));
      const c = visible(user).find((x) => x.callId === id);
      return c ? send(res, 200, c) : problem(res, 404, 'Not Found', `No call ${id}`);
    }
    if (path === '/api/dashboard/summary') return send(res, 200, summary(user, url.searchParams));
    return problem(res, 404, 'Not Found', `No endpoint ${path}`);
  });

  const cors = (req) => ({
    'Access-Control-Allow-Origin': req.headers.origin || '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    Vary: 'Origin',
  });

  const integrationServer = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    const headers = cors(req);
    requests.push(`integration ${req.method} ${path}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers);
      return res.end();
    }
    const user = caller(req, provider, settings);
    if (!user) return problem(res, 401, 'Unauthorized', 'A bearer token is required', headers);
    let input = {};
    try {
      input = await body(req);
    } catch {
      return problem(res, 400, 'Bad Request', 'The body is not JSON', headers);
    }
    const keyVerdict = (apiKey) => {
      if (apiKey === 'emulator-api-key') return { success: true, message: 'Connection successful - API key is valid', meetingsFound: 12 };
      if (apiKey === 'rate-limited-key') return { success: false, message: 'Rate limit exceeded', retryAfterSeconds: 30 };
      return { success: false, message: 'Invalid API key - please check your credentials' };
    };
    if (path === '/api/integrations/fathom/test' && req.method === 'POST') {
      if (!input.apiKey) return problem(res, 400, 'Bad Request', 'apiKey must not be blank', headers);
      if (input.apiKey === 'unreachable-key') return problem(res, 502, 'Bad Gateway', 'Fathom did not answer within 10 s', headers);
      return send(res, 200, keyVerdict(input.apiKey), headers);
    }
    if (path === '/api/integrations/fathom' && req.method === 'PUT') {
      const verdict = keyVerdict(input.apiKey);
      if (input.fathomEmail != null && !EMAIL.test(input.fathomEmail)) return problem(res, 400, 'Bad Request', 'fathomEmail: must be an email', headers);
      if (!verdict.success) return problem(res, 422, 'Unprocessable Entity', verdict.message, headers);
      puts.push(input);
      const previous = integrations.get(user.userId);
      const saved = { webhookId: `wh_${user.userId}_${integrations.size + 1}`, destinationUrl: `http://localhost:8081/api/webhooks/fathom/${user.userId}`, status: 'active', createdAt: new Date().toISOString(), teamRecordings: input.teamRecordings === true };
      const stored = { ...saved, maskedApiKey: `••••${input.apiKey.slice(-4)}`, fathomEmail: input.fathomEmail || previous?.fathomEmail || user.email, recorderEmailsSeen: RECORDERS_SEEN[input.apiKey] || [], lastImport: previous?.lastImport };
      integrations.set(user.userId, stored);
      return send(res, 200, { ...saved, ...recorderCheck(stored) }, headers);
    }
    if (path === '/api/integrations/fathom' && req.method === 'GET') {
      const view = integrations.get(user.userId);
      return view ? send(res, 200, integrationView(view), headers) : problem(res, 404, 'Not Found', 'No Fathom integration', headers);
    }
    if (path === '/api/integrations/fathom' && req.method === 'PATCH') {
      const view = integrations.get(user.userId);
      if (!view) return problem(res, 404, 'Not Found', 'No Fathom integration', headers);
      if (!input.fathomEmail || !EMAIL.test(input.fathomEmail)) return problem(res, 400, 'Bad Request', 'fathomEmail: must be an email', headers);
      view.fathomEmail = input.fathomEmail.trim();
      return send(res, 200, integrationView(view), headers);
    }
    if (path === '/api/integrations/fathom' && req.method === 'DELETE') {
      if (!integrations.delete(user.userId)) return problem(res, 404, 'Not Found', 'No Fathom integration', headers);
      res.writeHead(204, headers);
      return res.end();
    }
    if (path === '/api/integrations/fathom/import' && req.method === 'POST') {
      if (!integrations.has(user.userId)) return problem(res, 409, 'Conflict', 'Connect Fathom before importing', headers);
      const jobId = `job-${jobs.size + 1}`;
      jobs.set(jobId, { jobId, userId: user.userId, status: 'running', requested: Math.min(50, input.maxMeetings || 50), imported: 0, skippedDuplicates: 0, failed: 0, errors: [], polls: 0 });
      return send(res, 202, { jobId }, headers);
    }
    const jobMatch = /^\/api\/integrations\/fathom\/import\/([^/]+)$/.exec(path);
    if (jobMatch && req.method === 'GET') {
      const job = jobs.get(jobMatch[1]);
      if (!job || job.userId !== user.userId) return problem(res, 404, 'Not Found', 'No such import job', headers);
      job.polls += 1; // each poll moves the fake job on by a fifth
      const step = Math.ceil(job.requested / 5);
      job.imported = Math.min(job.requested - 2, job.imported + step);
      if (job.polls >= 5) Object.assign(job, { status: 'completed', imported: job.requested - 2, skippedDuplicates: 1, failed: 1, errors: ['Meeting 48213: transcript missing'] });
      const { polls, userId, ...view } = job;
      if (job.status === 'completed') integrations.get(user.userId).lastImport = { ...view, startedAt: new Date().toISOString(), finishedAt: new Date().toISOString() };
      return send(res, 200, view, headers);
    }
    return problem(res, 404, 'Not Found', `No endpoint ${req.method} ${path}`, headers);
  });

  // analysis-service's org analysis settings, on an origin of its own as in the local stack
  const analysisServer = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    const headers = cors(req);
    requests.push(`analysis ${req.method} ${path}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers);
      return res.end();
    }
    const user = caller(req, provider, settings);
    if (!user) return problem(res, 401, 'Unauthorized', 'A bearer token is required', headers);
    if (!analysisSettings.has(user.orgId)) analysisSettings.set(user.orgId, initialAnalysisSettings());
    const current = analysisSettings.get(user.orgId);
    if (path === '/api/analysis/scorecard-presets' && req.method === 'GET') return send(res, 200, SCORECARD_PRESETS, headers);
    if (path === '/api/analysis/settings' && req.method === 'GET') return send(res, 200, current, headers);
    if (path === '/api/analysis/settings' && req.method === 'PUT') {
      if (!seesAll(user)) return problem(res, 403, 'Forbidden', 'Only a head of sales or an admin changes the analysis settings', headers);
      let input;
      try {
        input = await body(req);
      } catch {
        return problem(res, 400, 'Bad Request', 'The body is not JSON', headers);
      }
      analysisPuts.push(input);
      const errors = analysisSettingsProblems(input);
      if (errors.length) return problem(res, 400, 'Invalid analysis settings', `${errors.length} field(s) refused`, headers, { errors });
      const criteria = input.scorecard.criteria.map(({ key, label, description, weight }) => ({ key, label, description: description || '', weight }));
      const changed = input.scorecard.name !== current.scorecard.name || JSON.stringify(criteria) !== JSON.stringify(current.scorecard.criteria);
      const next = { language: input.language, analyzeInternalMeetings: input.analyzeInternalMeetings === true, dailyTokenBudget: input.dailyTokenBudget,
        scorecard: { name: input.scorecard.name, version: current.scorecard.version + (changed ? 1 : 0), criteria } };
      analysisSettings.set(user.orgId, next);
      return send(res, 200, next, headers);
    }
    return problem(res, 404, 'Not Found', `No endpoint ${req.method} ${path}`, headers);
  });

  const listen = (server, port) => new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server.address().port)));
  const iPort = await listen(integrationServer, integrationPort);
  integrationUrl = `http://127.0.0.1:${iPort}`;
  analysisUrl = `http://127.0.0.1:${await listen(analysisServer, analysisPort)}`;
  const dPort = await listen(dashboardServer, dashboardPort);
  pagesOrigin = `http://127.0.0.1:${dPort}`;

  return {
    dashboardUrl: `http://127.0.0.1:${dPort}`,
    integrationUrl,
    analysisUrl,
    analysisSettings,
    analysisPuts,
    provider,
    settings,
    requests,
    puts,
    calls,
    streamCount: () => streams.size,
    async close() {
      for (const s of streams) s.res.destroy();
      dashboardServer.closeAllConnections?.();
      integrationServer.closeAllConnections?.();
      analysisServer.closeAllConnections?.();
      await Promise.all([new Promise((ok) => dashboardServer.close(ok)), new Promise((ok) => integrationServer.close(ok)),
        new Promise((ok) => analysisServer.close(ok)), provider.close()]);
    },
  };
}
