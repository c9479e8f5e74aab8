// The pages against the real system: java -jar local-stack-exec.jar --fake-openai (Kafka, MongoDB-compatible server,
// dev identity provider, Fathom emulator, the four services). Everyone signs in through the provider's login form.
// A rep (alice) connects Fathom in Settings, the emulator records a meeting, the call appears and turns evaluated on
// her dashboard without a reload, she sees only her calls, its detail shows scores, coaching and transcript; the head
// of sales (hugo) lands on his dashboard with the rep table and reaches the call by a deep link through the sign-in;
// olga (org-globex) sees none of org-acme's calls; sign-out leaves nothing to call the API with; hugo switches
// org-acme's scorecard to MEDDIC and the next call is scored by analysis-service on its six criteria.
// Screenshots: target/stack-*.png. Needs the jars built first (./mvnw -q -B -ntp -DskipTests package) and the
// design's ports free.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, screenshot, signInWithProvider } from '../lib/browser.mjs';
import { missingJars, busyPorts, startStack, URLS, DEV_PASSWORD } from '../lib/stack.mjs';

// node's test runner treats any skip value but undefined and false as a skip, so null must become false.
const skip = process.env.WEB_TESTS_SKIP_STACK ? 'WEB_TESTS_SKIP_STACK is set' : (missingJars() || false);
const WAIT = { timeout: 120000 };
let stack;
let browser;
let page;
let callId;
let repName;
let startError;
const errors = [];

async function recordMeeting() {
  // The ingest learns the webhook secret from fathom.integrations asynchronously: until then deliveries get 404.
  const deadline = Date.now() + 120000;
  for (;;) {
    const reply = await fetch(`${URLS.emulator}/emulator/recordings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const body = await reply.json();
    const delivered = (body.deliveries || []).find((d) => String(d.destinationUrl).endsWith('/rep-alice'));
    if (delivered && delivered.status === 202) return body.meeting;
    if (Date.now() > deadline) throw new Error(`the emulator's webhook was not accepted: ${JSON.stringify(body.deliveries)}`);
    await new Promise((ok) => setTimeout(ok, 2000));
  }
}

before(async () => {
  if (skip) return;
  // A failed start is kept and re-thrown by every test, so it fails the run instead of skipping the tests.
  try {
    const busy = await busyPorts();
    assert.deepEqual(busy, [], `ports of the local stack already in use (another stack running?): ${busy.join(', ')}`);
    stack = await startStack();
    browser = await launchBrowser();
    page = await newPage(browser, errors);
  } catch (error) {
    startError = error;
  }
}, { timeout: 8 * 60 * 1000 });

function requireStack() {
  if (startError) throw startError;
}

/** The API as the page calls it, with the access token of the page's session. */
function apiAsThePage(path) {
  return page.evaluate(async (p) => {
    const session = JSON.parse(sessionStorage.getItem('salesai.session') || 'null');
    const reply = await fetch(p, { headers: session ? { Authorization: `Bearer ${session.accessToken}` } : {} });
    return { status: reply.status, body: reply.headers.get('Content-Type')?.includes('json') ? await reply.json() : null };
  }, path);
}

after(async () => {
  await browser?.close();
  await stack?.stop();
}, { timeout: 2 * 60 * 1000 });

test('the pages and their settings are served by dashboard-api without a token', { skip }, async () => {
  requireStack();
  for (const path of ['/', '/index.html', '/config.json', '/css/app.css', '/js/app.js', '/js/oidc.js']) {
    const reply = await fetch(`${URLS.dashboard}${path}`);
    assert.equal(reply.status, 200, `${path}: dashboard-api must permit the static paths (SecurityConfig)`);
  }
  const settings = await (await fetch(`${URLS.dashboard}/config.json`)).json();
  assert.deepEqual(settings, { issuer: URLS.provider, clientId: 'call-intelligence-web', integrationApiUrl: URLS.integration,
    analysisApiUrl: URLS.analysis, devTokensAccepted: true });
  const policy = (await fetch(`${URLS.dashboard}/`)).headers.get('Content-Security-Policy');
  assert.match(policy, /connect-src 'self' http:\/\/localhost:8082 http:\/\/localhost:8083 http:\/\/localhost:9000;/);
});

test('settings: alice signs in through the provider and connects Fathom with the emulator key', { skip, timeout: 180000 }, async () => {
  requireStack();
  await signInWithProvider(page, URLS.dashboard, 'alice', DEV_PASSWORD, '#/settings');
  assert.equal(await page.locator('#session-user').innerText(), 'Alice Martin · Member');
  await page.getByRole('heading', { name: 'Fathom.video' }).waitFor();
  await page.getByLabel('Fathom API key').fill('emulator-api-key');
  await page.getByRole('button', { name: 'Test Connection' }).click();
  await page.locator('#connection-result').getByText('Connection successful - API key is valid').waitFor(WAIT);
  await screenshot(page, 'stack-1-settings-tested');
  await page.getByLabel('Fathom API key').fill('emulator-api-key');
  await page.getByRole('button', { name: 'Save Configuration' }).click();
  await page.locator('#connection-result').getByText('Webhook automatically created').waitFor(WAIT);
  assert.ok((await page.locator('#saved-webhook-id').innerText()).trim().length > 0);
  assert.match(await page.locator('#saved-destination').innerText(), /\/api\/webhooks\/fathom\/rep-alice$/);
  assert.doesNotMatch(await page.content(), /whsec_/);
  await page.locator('#status-webhook-id').waitFor(WAIT);
  await screenshot(page, 'stack-2-settings-saved');
});

test('dashboard: a recorded meeting appears and turns evaluated live, without a reload', { skip, timeout: 240000 }, async () => {
  requireStack();
  await page.getByRole('link', { name: 'Head of Sales dashboard' }).click();
  await page.getByRole('heading', { name: 'My dashboard', level: 1 }).waitFor();
  await page.locator('#live-indicator[data-state="open"]').waitFor(WAIT);
  await page.evaluate(() => { window.__sameDocument = true; });
  const meeting = await recordMeeting();
  repName = meeting.recorded_by.name;
  const title = meeting.title || meeting.meeting_title;
  const row = page.locator('.calls-table tbody tr', { has: page.getByRole('link', { name: title, exact: true }) });
  await row.waitFor(WAIT);
  await row.locator('[data-status="evaluated"]').waitFor(WAIT);
  assert.match(await row.locator('.cell-score').innerText(), /^\d+$/);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page reload');
  assert.equal(await page.locator('#reps').count(), 0, 'a member sees no rep table');
  callId = await row.getAttribute('data-call-id');
  await screenshot(page, 'stack-3-dashboard-member');
  const mine = await apiAsThePage('/api/calls?size=100');
  assert.equal(mine.status, 200);
  assert.ok(mine.body.items.length > 0 && mine.body.items.every((c) => c.userId === 'rep-alice'),
    `alice sees only her calls: ${JSON.stringify(mine.body.items.map((c) => c.userId))}`);
});

test('call detail: scores, coaching and transcript', { skip, timeout: 120000 }, async () => {
  requireStack();
  assert.ok(callId, 'a call was recorded by the previous test');
  await page.locator(`tr[data-call-id="${callId}"] a`).click();
  await page.locator('table.scores tbody tr').first().waitFor(WAIT);
  assert.equal(await page.locator('table.scores tbody tr').count(), 5);
  await page.getByRole('heading', { name: 'Coaching' }).waitFor();
  assert.ok((await page.locator('.coaching').innerText()).trim().length > 0);
  assert.ok(await page.locator('.transcript li').count() > 0);
  await screenshot(page, 'stack-4-call-detail');
});

test('head of sales: hugo signs in and lands on his dashboard, his name shown, the rep table listing the rep', { skip, timeout: 120000 }, async () => {
  requireStack();
  await signInWithProvider(page, URLS.dashboard, 'hugo', DEV_PASSWORD, '#/dashboard');
  await page.getByRole('heading', { name: 'Head of Sales dashboard', level: 1 }).waitFor();
  assert.equal(await page.locator('#session-user').innerText(), 'Hugo Bernard · Head of Sales');
  const reps = page.locator('#reps table');
  await reps.waitFor(WAIT);
  // The rep's name comes from the recording (Fathom's recorded_by), as Fathom knows the rep.
  const names = await reps.locator('tbody tr[data-user-id] th').allInnerTexts();
  assert.ok(names.some((name) => name.includes(repName)), `rep table ${JSON.stringify(names)} lacks ${repName}`);
  await page.locator(`tr[data-call-id="${callId}"]`).waitFor(WAIT);
  await screenshot(page, 'stack-5-dashboard-head');
});

test('sign-out returns to the sign-in screen; the old session renews nothing and the page has no token left', { skip, timeout: 120000 }, async () => {
  requireStack();
  const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('salesai.session')));
  assert.ok(session && session.refreshToken, 'signed in through the provider, with a refresh token');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor(WAIT);
  assert.equal(new URL(page.url()).origin, URLS.dashboard, 'the provider\'s logout sent the browser back to the pages');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.equal((await apiAsThePage('/api/calls')).status, 401, 'the API answers 401 to the signed-out tab');
  // the access token is a JWT the services verify themselves, valid until it expires; its refresh token is revoked
  const renewal = await fetch(`${URLS.provider}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: 'call-intelligence-web' }) });
  assert.equal(renewal.status, 400, 'the revoked refresh token renews nothing');
  await screenshot(page, 'stack-6-signed-out');
});

test('a deep link to a call survives the sign-in round trip', { skip, timeout: 120000 }, async () => {
  requireStack();
  assert.ok(callId, 'a call was recorded by an earlier test');
  await page.goto(`${URLS.dashboard}/#/calls/${encodeURIComponent(callId)}`);
  await page.locator('#sign-in').click();
  await page.locator('input[name="username"]').fill('hugo');
  await page.locator('input[name="password"]').fill(DEV_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('table.scores tbody tr').first().waitFor(WAIT);
  assert.equal(page.url(), `${URLS.dashboard}/#/calls/${encodeURIComponent(callId)}`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor(WAIT);
});

test('olga (org-globex) sees none of org-acme\'s calls', { skip, timeout: 120000 }, async () => {
  requireStack();
  await signInWithProvider(page, URLS.dashboard, 'olga', DEV_PASSWORD, '#/calls');
  assert.equal(await page.locator('#session-user').innerText(), 'Olga Novak · Head of Sales');
  await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.table-wrap')?.hasAttribute('aria-busy'));
  assert.equal(await page.locator(`tr[data-call-id="${callId}"]`).count(), 0);
  const list = await apiAsThePage('/api/calls?size=100');
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items.filter((c) => c.userId === 'rep-alice' || c.callId === callId), []);
  assert.equal((await apiAsThePage(`/api/calls/${encodeURIComponent(callId)}`)).status, 404, 'another organization\'s call is a 404');
  await screenshot(page, 'stack-7-other-organization');
  assert.deepEqual(errors.filter((e) => !e.includes('Failed to load resource')), []);
});

test('scoring: hugo picks MEDDIC and saves; the next call is scored on its six criteria, the earlier one keeps five', { skip, timeout: 300000 }, async () => {
  requireStack();
  assert.ok(callId, 'a call was recorded by an earlier test');
  await signInWithProvider(page, URLS.dashboard, 'hugo', DEV_PASSWORD, '#/dashboard');
  await page.getByRole('link', { name: 'Settings → Scoring' }).click();
  const version = page.locator('#scorecard-version');
  await version.waitFor(WAIT);
  assert.equal(await version.innerText(), 'New calls will use default version 1.');
  await page.getByLabel('Preset').selectOption('meddic');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#scoring-result .alert.success').getByText('Saved. New calls will use meddic version 2.').waitFor(WAIT);
  await screenshot(page, 'stack-8-scoring-meddic');

  const meeting = await recordMeeting();
  const title = meeting.title || meeting.meeting_title;
  let next;
  for (const deadline = Date.now() + 180000; !next; await new Promise((ok) => setTimeout(ok, 2000))) {
    const list = await apiAsThePage('/api/calls?size=100');
    next = list.body.items.find((c) => c.callId !== callId && c.title === title && c.status === 'evaluated');
    if (!next && Date.now() > deadline) throw new Error(`the MEDDIC call was not evaluated: ${JSON.stringify(list.body.items)}`);
  }
  await page.goto(`${URLS.dashboard}/#/calls/${encodeURIComponent(next.callId)}`);
  await page.locator('table.scores tbody tr').first().waitFor(WAIT);
  assert.equal(await page.locator('table.scores tbody tr').count(), 6, 'MEDDIC\'s six criteria');
  assert.match(await page.locator('table.scores').innerText(), /Champion/i);
  await screenshot(page, 'stack-9-call-meddic');
  await page.goto(`${URLS.dashboard}/#/calls/${encodeURIComponent(callId)}`);
  await page.locator('table.scores tbody tr').first().waitFor(WAIT);
  assert.equal(await page.locator('table.scores tbody tr').count(), 5, 'the earlier call keeps the default scorecard');
  assert.deepEqual(errors.filter((e) => !e.includes('Failed to load resource')), []);
});
