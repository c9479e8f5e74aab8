// The pages against the real system: java -jar local-stack-exec.jar --fake-openai (Kafka, MongoDB-compatible server,
// Fathom emulator, the four services). A rep connects Fathom in Settings, the emulator records a meeting, the call
// appears and turns evaluated on the dashboard without a reload, its detail shows scores, coaching and
// transcript; the head of sales sees the rep table, the member does not. Screenshots: target/stack-*.png.
// Needs the jars built first (./mvnw -q -B -ntp -DskipTests package) and the design's ports free.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, screenshot, signIn } from '../lib/browser.mjs';
import { missingJars, busyPorts, startStack, URLS } from '../lib/stack.mjs';

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

after(async () => {
  await browser?.close();
  await stack?.stop();
}, { timeout: 2 * 60 * 1000 });

test('the pages are served by dashboard-api without a token', { skip }, async () => {
  requireStack();
  for (const path of ['/', '/index.html', '/config.js', '/css/app.css', '/js/app.js']) {
    const reply = await fetch(`${URLS.dashboard}${path}`);
    assert.equal(reply.status, 200, `${path}: dashboard-api must permit the static paths (SecurityConfig)`);
  }
});

test('settings: the rep connects Fathom with the emulator key', { skip, timeout: 180000 }, async () => {
  requireStack();
  await signIn(page, URLS.dashboard, stack.repToken, '#/settings');
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

test('head of sales: the rep table lists the rep', { skip, timeout: 120000 }, async () => {
  requireStack();
  await signIn(page, URLS.dashboard, stack.headToken, '#/dashboard');
  await page.getByRole('heading', { name: 'Head of Sales dashboard', level: 1 }).waitFor();
  const reps = page.locator('#reps table');
  await reps.waitFor(WAIT);
  // The rep's name comes from the recording (Fathom's recorded_by), as Fathom knows the rep.
  const names = await reps.locator('tbody th').allInnerTexts();
  assert.ok(names.some((name) => name.includes(repName)), `rep table ${JSON.stringify(names)} lacks ${repName}`);
  await page.locator(`tr[data-call-id="${callId}"]`).waitFor(WAIT);
  await screenshot(page, 'stack-5-dashboard-head');
  assert.deepEqual(errors.filter((e) => !e.includes('Failed to load resource')), []);
});
