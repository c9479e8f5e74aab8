// The pages in Debian's Chromium against the mock APIs (mock/server.mjs): every view, live updates, scoping,
// accessibility basics and escaping of server text. Screenshots go to target/mock-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startMock } from '../mock/server.mjs';
import { launchBrowser, newPage, screenshot, signIn, docsImage } from '../lib/browser.mjs';
import { mintToken, MOCK_USERS } from '../lib/tokens.mjs';
import { unlabeledControls, lowContrastTexts, horizontalOverflow } from '../lib/a11y.mjs';

let mock;
let browser;
let page;
const errors = [];
const HEAD = mintToken(MOCK_USERS.head);
const ALICE = mintToken(MOCK_USERS.alice);

async function checkAccessibility(name) {
  assert.deepEqual(await unlabeledControls(page), [], `${name}: every control has a label`);
  assert.deepEqual(await lowContrastTexts(page), [], `${name}: text contrast`);
  assert.ok(await horizontalOverflow(page) <= 0, `${name}: no horizontal scrolling at 1280×720`);
}

before(async () => {
  mock = await startMock();
  browser = await launchBrowser();
  page = await newPage(browser, errors);
});

after(async () => {
  await browser?.close();
  await mock?.close();
});

test('sign-in: the developer sign-in asks for the dev token, decodes it and shows name and role', async () => {
  await page.goto(`${mock.dashboardUrl}/`);
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  await page.locator('#developer-sign-in summary').click();
  await checkAccessibility('sign-in');
  await screenshot(page, 'mock-1-sign-in');
  await page.getByLabel('Dev token (JWT)').fill('not-a-token');
  await page.getByRole('button', { name: 'Use this token' }).click();
  await page.getByText('This is not a usable JWT').waitFor();
  await signIn(page, mock.dashboardUrl, HEAD);
  assert.equal(await page.locator('#session-user').innerText(), 'Hugo Bernard · Head of Sales');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('salesai.devToken')), HEAD);
});

test('settings: test connection shows success, the exact error texts and readable problem+json', async () => {
  await page.getByRole('link', { name: 'Settings → Webhooks → Fathom.video' }).click();
  await page.getByRole('heading', { name: 'Fathom.video' }).waitFor();
  await page.getByText('Not connected').waitFor();
  const key = page.getByLabel('Fathom API key');
  assert.equal(await key.getAttribute('type'), 'password');
  const result = page.locator('#connection-result');

  await key.fill('wrong-key');
  await page.getByRole('button', { name: 'Test Connection' }).click();
  await result.getByText('Invalid API key - please check your credentials').waitFor();

  await key.fill('rate-limited-key');
  await page.getByRole('button', { name: 'Test Connection' }).click();
  await result.getByText('Rate limit exceeded').waitFor();

  await key.fill('unreachable-key');
  await page.getByRole('button', { name: 'Test Connection' }).click();
  await result.getByText('Bad Gateway: Fathom did not answer within 10 s').waitFor();

  await key.fill('emulator-api-key');
  await page.getByRole('button', { name: 'Test Connection' }).click();
  await result.getByText('Connection successful - API key is valid').waitFor();
  assert.match(await result.innerText(), /12 meetings found/);
  assert.equal(await result.locator('.alert.success').count(), 1);
});

test('settings: save shows the created webhook, the status shows the masked key, never a secret', async () => {
  await page.getByLabel('Fathom API key').fill('emulator-api-key');
  await page.getByRole('button', { name: 'Save Configuration' }).click();
  const result = page.locator('#connection-result');
  await result.getByText('Webhook automatically created').waitFor();
  assert.equal(await page.locator('#saved-webhook-id').innerText(), 'wh_head-hugo_1');
  assert.equal(await page.locator('#saved-destination').innerText(), 'http://localhost:8081/api/webhooks/fathom/head-hugo');
  await page.locator('#status-webhook-id').waitFor();
  const status = await page.locator('#integration-status').innerText();
  assert.match(status, /Connected/);
  assert.match(status, /••••-key/);
  assert.equal(await page.getByLabel('Fathom API key').inputValue(), '', 'the key field is cleared after saving');
  assert.doesNotMatch(await page.content(), /whsec_|emulator-api-key/);
  await checkAccessibility('settings');
});

test('settings: the Fathom email calls are credited under, its warning and correction, team recordings, last sync', async () => {
  const line = page.locator('#fathom-email-line');
  await line.waitFor();
  assert.equal(await line.innerText(), 'Vos enregistrements vous sont crédités sous l’adresse Fathom hugo@acme-sales.test.');
  const warning = page.locator('#fathom-email-warning');
  assert.equal(await warning.getAttribute('role'), 'alert');
  assert.match(await warning.innerText(), /Enregistreurs vus : hugo\.bernard@acme-sales\.test, alice@acme-sales\.test/);
  assert.match(await page.locator('#last-sync').innerText(), /^\d{2} \w{3} \d{4}, \d{2}:\d{2} — 2 appels récupérés$/);
  assert.equal(await page.locator('#status-team-recordings').innerText(), 'non');
  await checkAccessibility('settings with the email warning');
  await screenshot(page, 'mock-6-settings-email-warning');

  const email = page.getByLabel('Adresse e-mail Fathom');
  const correct = page.getByRole('button', { name: 'Corriger l’adresse' });
  await email.fill('pas une adresse');
  await correct.click();
  await page.getByText('Saisissez une adresse e-mail valide.').waitFor();
  assert.ok(!mock.requests.includes('integration PATCH /api/integrations/fathom'), 'an invalid address is not sent');
  await email.fill('hugo.bernard@acme-sales.test');
  await correct.click();
  await page.getByText('Adresse Fathom corrigée : hugo.bernard@acme-sales.test').waitFor();
  assert.ok(mock.requests.includes('integration PATCH /api/integrations/fathom'));
  assert.equal(await line.innerText(), 'Vos enregistrements vous sont crédités sous l’adresse Fathom hugo.bernard@acme-sales.test.');
  assert.equal(await warning.count(), 0, 'no warning once the address is among the recorders seen');

  const team = page.getByLabel('Inclure mes enregistrements partagés avec une équipe');
  assert.equal(await team.isChecked(), false);
  assert.equal(await page.locator('#team-recordings-help').innerText(),
    'Sur les offres Team de Fathom, vos enregistrements partagés avec une équipe ne sont envoyés que si cette option est cochée.');
  await team.check();
  await page.getByLabel('Fathom API key').fill('emulator-api-key');
  await page.getByRole('button', { name: 'Save Configuration' }).click();
  await page.locator('#status-team-recordings', { hasText: 'oui' }).waitFor();
  assert.deepEqual(mock.puts.at(-1), { apiKey: 'emulator-api-key', teamRecordings: true });
  assert.equal(await page.getByLabel('Inclure mes enregistrements partagés avec une équipe').isChecked(), true);
  assert.match(await page.locator('#fathom-email-line').innerText(), /hugo\.bernard@acme-sales\.test/, 'a re-save keeps the corrected address');
});

test('settings: historical import shows live progress until done, then disconnect asks first', async () => {
  await page.getByRole('button', { name: 'Import Historical Calls' }).click();
  const progress = page.locator('#import-bar');
  await progress.waitFor();
  await page.locator('label[for="import-bar"]', { hasText: 'Import completed' }).waitFor({ timeout: 15000 });
  assert.equal(await progress.getAttribute('value'), '50');
  assert.equal(await progress.getAttribute('max'), '50');
  assert.match(await page.locator('#import-counts').innerText(), /48 imported, 1 skipped as duplicates, 1 failed/);
  await page.getByText('Meeting 48213: transcript missing').waitFor();
  assert.ok(mock.requests.filter((r) => r.startsWith('integration GET /api/integrations/fathom/import/')).length >= 5, 'polled');
  await screenshot(page, 'mock-4-settings-connected');

  page.once('dialog', (dialog) => dialog.dismiss());
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.waitForTimeout(300);
  assert.ok(!mock.requests.includes('integration DELETE /api/integrations/fathom'), 'dismissed: nothing deleted');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByText('Fathom disconnected').first().waitFor();
  await page.locator('#integration-status').getByText('Not connected').waitFor();
});

test('dashboard (head of sales): KPI tiles, rep table by team with each rep\'s weakest criterion, sortable within teams', async () => {
  await page.getByRole('link', { name: 'Head of Sales dashboard' }).click();
  await page.getByRole('heading', { name: 'Head of Sales dashboard', level: 1 }).waitFor();
  const kpis = page.locator('.kpis');
  await kpis.waitFor();
  assert.match(await kpis.innerText(), /Calls\s+8/);
  assert.match(await kpis.innerText(), /Evaluated\s+5/);
  assert.match(await kpis.innerText(), /Skipped\s+2/);
  assert.match(await kpis.innerText(), /Average score\s+72/);
  assert.match(await kpis.innerText(), /Advanced\s+2/);

  const reps = page.locator('#reps table');
  await reps.waitFor();
  const repNames = () => reps.locator('tbody tr[data-user-id] th').allInnerTexts();
  assert.deepEqual(await repNames(), ['Alice Martin', 'Chloé Petit', 'Bob Durand'], 'the outsider who shared a call is no rep');
  // one group per team of the summary's teams, its header row with the team's calls and average
  const teamRows = reps.locator('tbody tr.team-row');
  assert.deepEqual(await teamRows.locator('th').allInnerTexts(), ['Enterprise\n2 reps', 'SMB\n1 rep']);
  assert.deepEqual(await teamRows.locator('.team-calls').allInnerTexts(), ['4', '3']);
  assert.deepEqual(await teamRows.locator('.team-score').allInnerTexts(), ['75', '61']);
  assert.equal(await teamRows.first().locator('th').getAttribute('scope'), 'rowgroup');
  assert.deepEqual(await reps.locator('tbody tr[data-user-id="rep-chloe"]').evaluate((tr) => tr.closest('tbody')
    .querySelector('.team-row').dataset.team), 'Enterprise');
  assert.deepEqual(await reps.locator('tbody .cell-weakest').allInnerTexts(),
    ['Objection handling\n2.0 / 5', 'Next steps\n1.0 / 5', 'Discovery\n2.0 / 5']);
  const scoreHeader = reps.locator('th', { has: page.locator('button[data-sort="averageScore"]') });
  assert.equal(await scoreHeader.getAttribute('aria-sort'), 'descending');
  await page.locator('button[data-sort="averageScore"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await scoreHeader.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await repNames(), ['Chloé Petit', 'Alice Martin', 'Bob Durand'], 'sorted within each team');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const talkHeader = reps.locator('th', { has: page.locator('button[data-sort="averageTalkRatio"]') });
  assert.equal(await talkHeader.getAttribute('aria-sort'), 'descending');
  assert.equal(await scoreHeader.getAttribute('aria-sort'), 'none');
  assert.deepEqual(await repNames(), ['Chloé Petit', 'Alice Martin', 'Bob Durand']);

  const chart = page.locator('svg.trend-chart');
  assert.ok(await chart.locator('rect.bar').count() >= 4, 'one bar per week');
  assert.equal(await chart.locator('path.score-line').count(), 1);
  assert.equal(await chart.getAttribute('role'), 'img');

  const rows = page.locator('.calls-table tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 8);
  await checkAccessibility('dashboard');
  await screenshot(page, 'mock-2-dashboard-head');
});

test('server text is escaped: a title with markup shows as text and runs nothing', async () => {
  const link = page.getByRole('link', { name: /<img src=x onerror=.*>Pricing call/ });
  await link.waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('.calls-table img').count(), 0);
});

test('live: a new call appears pending and turns evaluated without a reload', async () => {
  await page.locator('#live-indicator[data-state="open"]').waitFor();
  await page.evaluate(() => { window.__sameDocument = true; });
  const reply = await fetch(`${mock.dashboardUrl}/mock/recordings?delayMs=2000`, { method: 'POST' });
  const { callId } = await reply.json();
  const row = page.locator(`tr[data-call-id="${callId}"]`);
  await row.locator('[data-status="pending"]').waitFor({ timeout: 5000 });
  await row.locator('[data-status="evaluated"]').waitFor({ timeout: 8000 });
  assert.equal(await row.locator('.cell-score').innerText(), '82');
  await page.locator('#announcer').getByText(/Live recording 1 is now evaluated, score 82/).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page reload');
  await page.locator('.kpis').getByText('9', { exact: true }).waitFor({ timeout: 5000 });
});

test('live: the stream reconnects after a drop and keeps delivering', async () => {
  await fetch(`${mock.dashboardUrl}/mock/drop-streams`, { method: 'POST' });
  await page.locator('#live-indicator[data-state="reconnecting"]').waitFor({ timeout: 3000 });
  await page.locator('#live-indicator[data-state="open"]').waitFor({ timeout: 5000 });
  const reply = await fetch(`${mock.dashboardUrl}/mock/recordings?delayMs=500`, { method: 'POST' });
  const { callId } = await reply.json();
  await page.locator(`tr[data-call-id="${callId}"] [data-status="evaluated"]`).waitFor({ timeout: 8000 });
});

test('call detail: scores with timestamped evidence, coaching, metrics, transcript, analysis', async () => {
  await page.getByRole('link', { name: 'Discovery call — Acme Logistics' }).click();
  await page.getByRole('heading', { name: 'Discovery call — Acme Logistics', level: 1 }).waitFor();
  const scores = page.locator('table.scores tbody tr');
  assert.equal(await scores.count(), 5);
  assert.match(await scores.first().innerText(), /Discovery\s+4 \/ 5/);
  const evidenceLink = page.locator('table.scores a.timestamp').first();
  assert.equal(await evidenceLink.getAttribute('href'), 'https://fathom.video/calls/rec-call-alice-1?timestamp=0',
    'playback links seek on the calls URL, as Fathom\'s recording_playback_url does');
  assert.equal(await evidenceLink.getAttribute('rel'), 'noopener noreferrer');
  await page.getByRole('heading', { name: 'Coaching' }).waitFor();
  await page.getByText('Très bon démarrage').waitFor();
  assert.equal(await page.getByRole('meter').getAttribute('aria-valuenow'), '46');
  assert.match(await page.locator('.metrics').first().innerText(), /Longest monologue\s+1 min 14 s \(Alice Martin\)/);
  assert.equal(await page.locator('.transcript li').count(), 5);
  assert.equal(await page.locator('.transcript a.timestamp').nth(4).getAttribute('href'), 'https://fathom.video/calls/rec-call-alice-1?timestamp=1260');
  assert.match(await page.locator('section[aria-labelledby="analysis-heading"]').innerText(), /gpt-5-mini[\s\S]*coach-v1/);
  await checkAccessibility('call detail');
  await screenshot(page, 'mock-3-call-detail');
});

test('call detail: a failed call says why', async () => {
  await page.goto(`${mock.dashboardUrl}/#/calls/call-bob-2`);
  await page.getByRole('alert').getByText('Analysis failed: OpenAI returned 429 after 5 retries').waitFor();
  await page.getByText('No evaluation yet.').waitFor();
});

test('call detail: a verified quote links to its transcript segment, an invented one is marked, an unsupported criterion explains its cap', async () => {
  await page.goto(`${mock.dashboardUrl}/#/calls/call-alice-1`);
  await page.getByRole('heading', { name: 'Discovery call — Acme Logistics', level: 1 }).waitFor();
  const verified = page.locator('tr[data-criterion="discovery"] li[data-verified="true"]');
  const invented = page.locator('tr[data-criterion="objection_handling"] li[data-verified="false"]');
  assert.equal(await verified.count(), 1);
  assert.equal(await invented.count(), 1);
  assert.match(await invented.innerText(), /Le prix ne sera jamais un problème pour nous\W+Not found in the transcript/);
  assert.equal(await invented.locator('a').count(), 0, 'an invented quote links nowhere');
  const quoteStyle = (li) => li.locator('q').evaluate((q) => `${getComputedStyle(q).fontStyle} ${getComputedStyle(q).color}`);
  assert.notEqual(await quoteStyle(verified), await quoteStyle(invented), 'the two kinds of quote look different');

  const link = verified.getByRole('link', { name: 'Found in the transcript' });
  assert.equal(await link.getAttribute('href'), '#seg-0');
  await page.locator('#seg-4').scrollIntoViewIfNeeded();
  await link.click();
  const segment = page.locator('#seg-0');
  await page.waitForFunction(() => document.activeElement?.id === 'seg-0');
  assert.match(await segment.getAttribute('class'), /segment-target/);
  assert.match(await segment.innerText(), /Quels sont vos principaux défis en prospection \?/);
  const visible = await segment.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const list = el.closest('.transcript').getBoundingClientRect();
    return box.top >= Math.max(0, list.top) && box.bottom <= Math.min(window.innerHeight, list.bottom);
  });
  assert.ok(visible, 'the segment is scrolled into view');
  assert.equal(await page.evaluate(() => window.location.hash), '#/calls/call-alice-1', 'the route stays');

  const unsupported = page.locator('tr[data-criterion="objection_handling"]');
  assert.equal(await unsupported.getAttribute('data-supported'), 'false');
  assert.match(await unsupported.locator('th').innerText(), /Unsupported\s+No quote found in the transcript: capped at 2 \/ 5\./);
  assert.doesNotMatch(await page.locator('tr[data-criterion="discovery"] th').innerText(), /Unsupported/);
  assert.match(await page.locator('#overall-explained').innerText(),
    /Overall 78 \/ 100 — computed, not judged by the AI: .*100 × Σ\(score − 1\) \/ \(4 × number of criteria\).* 3 of 4 quotes were found/);
  assert.equal(await page.locator('#injection-warning').count(), 0);

  await page.getByRole('heading', { name: 'Fathom summary (English)' }).waitFor();
  await page.getByRole('heading', { name: 'Fathom action items (English)' }).waitFor();
  assert.match(await page.locator('section[aria-labelledby="highlights-heading"]').innerText(), /Objection\s+Budget around 20 000 euros\s+00:58/);
  assert.equal(await page.locator('#call-team').innerText(), 'Enterprise');
  assert.equal(await page.locator('#call-attribution').innerText(), 'Recorded by the rep');
  await checkAccessibility('call detail with evidence');
  await screenshot(page, 'mock-6-call-evidence');
});

test('call detail: a possible prompt injection is flagged beside the scores', async () => {
  await page.goto(`${mock.dashboardUrl}/#/calls/call-alice-3`);
  const warning = page.locator('section[aria-labelledby="scores-heading"] #injection-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), /^Possible prompt injection\. .*aimed at the AI evaluator/);
  const [warningBox, tableBox] = [await warning.boundingBox(), await page.locator('table.scores').boundingBox()];
  assert.ok(warningBox.y < tableBox.y, 'the warning comes before the scores');
  await checkAccessibility('call detail with a flag');
});

test('call detail: a skipped call says why it was not analyzed, a shared one who it is for', async () => {
  await page.goto(`${mock.dashboardUrl}/#/calls/call-bob-3`);
  await page.locator('#skip-reason').getByText('Not analyzed: Internal meeting.').waitFor();
  assert.match(await page.locator('#skip-reason').innerText(), /Only people from your company were invited/);
  assert.match(await page.locator('section[aria-labelledby="scores-heading"]').innerText(), /Not sent to the AI coach: internal meeting/);
  assert.equal(await page.locator('#call-status [data-status="skipped"]').innerText(), 'Skipped');
  await checkAccessibility('skipped call');
  await page.goto(`${mock.dashboardUrl}/#/calls/call-shared-1`);
  await page.locator('#skip-reason').getByText('Not analyzed: Recorded outside the organization.').waitFor();
  assert.equal(await page.locator('#call-attribution').innerText(), 'Shared with the rep');
  assert.equal(await page.locator('#call-team').innerText(), '—');
});

test('member: only their own calls, no rep table, another rep\'s call is not found', async () => {
  await signIn(page, mock.dashboardUrl, ALICE);
  assert.equal(await page.locator('#session-user').innerText(), 'Alice Martin · Member');
  await page.getByRole('heading', { name: 'My dashboard', level: 1 }).waitFor();
  await page.locator('.calls-table tbody tr').first().waitFor();
  assert.equal(await page.locator('#reps').count(), 0);
  assert.equal(await page.getByRole('columnheader', { name: 'Rep', exact: true }).count(), 0);
  const titles = await page.locator('.calls-table tbody th').allInnerTexts();
  assert.ok(titles.length > 0 && titles.every((t) => !/Globex|Initech/.test(t)), titles.join(', '));
  // their own view: their trend, their criteria against the organization's, no review yet
  await page.getByRole('heading', { name: 'My weekly trend' }).waitFor();
  assert.equal(await page.locator('svg.trend-chart').count(), 1);
  const mine = page.locator('#my-criteria table');
  await mine.waitFor();
  assert.equal(await mine.locator('tbody tr').count(), 5);
  const discovery = mine.locator('tr[data-criterion="discovery"]');
  assert.match(await discovery.innerText(), /^Discovery\s+4\.0\s+3\.7\s+\+0\.3$/, 'Bob\'s 2 pulls the organization down');
  assert.equal(await discovery.locator('.cell-mine').innerText(), criterionAverage('discovery', 'rep-alice'));
  assert.equal(await discovery.locator('.cell-org').innerText(), criterionAverage('discovery'));
  assert.match(await discovery.locator('.cell-gap').getAttribute('class'), /\bup\b/);
  const behind = mine.locator('tr[data-criterion="value_proposition"] .cell-gap');
  assert.equal(await behind.innerText(), '−0.3');
  assert.match(await behind.getAttribute('class'), /\bdown\b/);
  assert.equal(await mine.locator('tr[data-criterion="value_proposition"] .cell-mine').innerText(), '2.0');
  assert.equal(await page.locator('#last-review-none').innerText(), 'No manager has reviewed your calls yet.');
  await checkAccessibility('member dashboard');
  await screenshot(page, 'mock-5-dashboard-member');
  await page.goto(`${mock.dashboardUrl}/#/calls/call-bob-1`);
  await page.getByText('This call does not exist or is not visible to you.').waitFor();
});

test('calls view: filters go to the API and paging controls are labelled', async () => {
  await signIn(page, mock.dashboardUrl, HEAD, '#/calls');
  await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
  await page.locator('.calls-table tbody tr').first().waitFor();
  await page.getByLabel('Status').selectOption('evaluated');
  await page.getByLabel('Minimum score').fill('80');
  // The first list already says "N calls": wait for the filtered answer, then for its rendering.
  const filtered = page.waitForResponse((r) => r.url().includes('/api/calls?') && r.url().includes('minScore=80'));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await filtered;
  await page.waitForFunction(() => !document.querySelector('.table-wrap')?.hasAttribute('aria-busy'));
  assert.ok(mock.requests.some((r) => r === 'GET /api/calls'), 'list requested');
  const scores = await page.locator('.calls-table tbody .cell-score').allInnerTexts();
  assert.ok(scores.length > 0 && scores.every((s) => Number(s) >= 80), scores.join(','));
  await checkAccessibility('calls');
});

test('calls view: skipped calls show their reason; the injection flag, attribution and team filter the list', async () => {
  const applyFilter = async (label, value) => {
    await page.getByRole('button', { name: 'Reset' }).click();
    const field = page.getByLabel(label, { exact: true });
    if (await field.evaluate((el) => el.tagName) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
    await page.getByRole('button', { name: 'Apply filters' }).click();
  };
  const titles = () => page.locator('.calls-table tbody th a').allInnerTexts();
  const settle = (count) => page.waitForFunction((n) => document.querySelector('.table-status')?.textContent === `${n} call${n === 1 ? '' : 's'}`, count);

  await applyFilter('Status', 'skipped');
  await settle(2);
  assert.deepEqual(await page.locator('.calls-table tbody .skip-reason').allInnerTexts(), ['Internal meeting', 'Recorded outside the organization']);
  await applyFilter('Review flag', 'possible_prompt_injection');
  await settle(1);
  assert.deepEqual(await titles(), ['Demo — Umbrella Corp']);
  assert.equal(await page.locator('.calls-table tbody .badge.flag').innerText(), 'Possible prompt injection');
  await applyFilter('Attribution', 'shared');
  await settle(1);
  assert.deepEqual(await titles(), ['Partner sync — Wayne']);
  assert.equal(await page.locator('.calls-table tbody .badge.attribution-shared').innerText(), 'Shared');
  await applyFilter('Team', 'SMB');
  await settle(3);
  assert.deepEqual(await page.locator('.calls-table tbody .rep-team').allInnerTexts(), ['SMB', 'SMB', 'SMB']);
  await checkAccessibility('calls with filters');
  await screenshot(page, 'mock-7-calls-filters');
});

test('dashboard: the team filter narrows the key figures and the rep table', async () => {
  await page.getByRole('link', { name: 'Head of Sales dashboard' }).click();
  await page.locator('#reps table').waitFor();
  await page.getByLabel('Team', { exact: true }).first().selectOption('SMB');
  await page.getByRole('button', { name: 'Show period' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#reps tbody tr[data-user-id]').length === 1);
  assert.deepEqual(await page.locator('#reps tbody tr[data-user-id] th').allInnerTexts(), ['Bob Durand']);
  const kpis = await page.locator('.kpis').innerText();
  assert.match(kpis, /Calls\s+3/);
  assert.match(kpis, /Skipped\s+1/);
  assert.match(kpis, /Average score\s+61/);
  assert.deepEqual(await page.locator('select[name="team"] option').allInnerTexts(), ['All teams', 'Enterprise', 'SMB'],
    'the other teams stay selectable');
  await checkAccessibility('dashboard by team');
});

const isoDaysAgo = (days) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString().slice(0, 10);
/** The mock's calls in the last 10 days, the period the tests below pick. */
const inPeriod = () => mock.calls.filter((c) => c.startedAt.slice(0, 10) >= isoDaysAgo(10));
const settleCalls = (n) => page.waitForFunction((count) => document.querySelector('.table-status')?.textContent
  === `${count} call${count === 1 ? '' : 's'}` && !document.querySelector('.table-wrap[aria-busy]'), n);

/** An RFC 4180 reader for the downloaded files (quoted cells may hold commas, doubled quotes, line breaks). */
function parseCsv(text) {
  assert.ok(text.startsWith('\uFEFF'), 'a UTF-8 byte order mark for Excel');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i += 1;
    } else cell += c;
  }
  return rows;
}

async function download(button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), rows: parseCsv(await readFile(await file.path(), 'utf8')) };
}

test('dashboard: the period and team live in the URL; a reload and the back button restore them', async () => {
  await page.waitForFunction(() => window.location.hash.includes('team=SMB'));
  const filtered = await page.evaluate(() => window.location.hash);
  assert.match(filtered, /^#\/dashboard\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&team=SMB$/);
  await page.reload();
  await page.locator('#reps table').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#reps tbody tr[data-user-id]').length === 1);
  assert.deepEqual(await page.locator('#reps tbody tr[data-user-id] th').allInnerTexts(), ['Bob Durand']);
  assert.equal(await page.locator('select[name="team"]').inputValue(), 'SMB');
  assert.match(await page.locator('.kpis').innerText(), /Calls\s+3/);

  const from = isoDaysAgo(10);
  await page.getByLabel('From', { exact: true }).first().fill(from);
  await page.locator('select[name="team"]').selectOption('');
  await page.getByRole('button', { name: 'Show period' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#reps tbody tr[data-user-id]').length === 2);
  assert.equal(await page.evaluate(() => window.location.hash), `#/dashboard?from=${from}&to=${isoDaysAgo(0)}`);

  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('#reps tbody tr[data-user-id]').length === 1);
  assert.equal(await page.evaluate(() => window.location.hash), filtered);
  assert.equal(await page.locator('select[name="team"]').inputValue(), 'SMB');
  await page.goForward();
  await page.waitForFunction(() => document.querySelectorAll('#reps tbody tr[data-user-id]').length === 2);
  assert.equal(await page.getByLabel('From', { exact: true }).first().inputValue(), from);
});

test('dashboard: the rep table downloads as CSV, in the order it shows', async () => {
  const { name, rows } = await download(page.getByRole('button', { name: 'Download rep table (CSV)' }));
  assert.equal(name, `reps-${isoDaysAgo(10)}-${isoDaysAgo(0)}.csv`);
  assert.deepEqual(rows[0], ['userId', 'name', 'team', 'calls', 'averageScore', 'averageTalkRatio', 'scoreChange',
    'weakestCriterion', 'weakestCriterionAverage']);
  const shown = await page.locator('#reps tbody tr[data-user-id] th').allInnerTexts();
  assert.deepEqual(rows.slice(1).map((r) => r[1]), shown);
  const bob = rows.find((r) => r[0] === 'rep-bob');
  assert.deepEqual(bob.slice(2), ['SMB', '2', '61', '0.63', '-3', 'discovery', '2']);
});

test('dashboard: a click on a rep row opens that rep\'s calls in the dashboard\'s period', async () => {
  await page.locator('#reps tr[data-user-id="rep-bob"] .cell-weakest').click();
  await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
  const from = isoDaysAgo(10);
  assert.equal(await page.evaluate(() => window.location.hash), `#/calls?userId=rep-bob&from=${from}&to=${isoDaysAgo(0)}`);
  await page.locator('.rep-filter').getByText('Calls of Bob Durand').waitFor();
  await settleCalls(2);
  assert.deepEqual(await page.locator('.calls-table tbody tr td:nth-child(2)').evaluateAll(
    (cells) => cells.map((td) => td.firstChild.textContent)), ['Bob Durand', 'Bob Durand']);
  assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), from);
  assert.ok(mock.requests.includes('GET /api/calls'));
  await checkAccessibility('a rep\'s calls');
});

test('calls view: Download CSV yields the visible rows, with the token and the filters', async () => {
  const visible = await page.locator('.calls-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.callId));
  const { name, rows } = await download(page.getByRole('button', { name: 'Download CSV' }));
  assert.equal(name, `calls-${isoDaysAgo(10)}-${isoDaysAgo(0)}.csv`);
  assert.deepEqual(rows[0].slice(0, 3), ['callId', 'startedAt', 'repName']);
  assert.ok(rows[0].includes('score_discovery'));
  assert.deepEqual(rows.slice(1).map((r) => r[0]), visible);
  assert.ok(rows.slice(1).every((r) => r[3] === 'rep-bob'));

  await page.getByRole('button', { name: 'Show every rep' }).click();
  await settleCalls(inPeriod().length);
  assert.equal(await page.locator('.rep-filter').isHidden(), true);
  const all = await page.locator('.calls-table tbody tr').evaluateAll((r) => r.map((tr) => tr.dataset.callId));
  assert.deepEqual((await download(page.getByRole('button', { name: 'Download CSV' }))).rows.slice(1).map((r) => r[0]), all);
});

test('calls view: the applied filters live in the URL; a reload and back restore them', async () => {
  await page.getByLabel('Status').selectOption('evaluated');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForFunction(() => window.location.hash.includes('status=evaluated'));
  const hash = await page.evaluate(() => window.location.hash);
  assert.equal(hash, `#/calls?status=evaluated&from=${isoDaysAgo(10)}&to=${isoDaysAgo(0)}`);
  await page.reload();
  const evaluated = inPeriod().filter((c) => c.status === 'evaluated').length;
  assert.ok(evaluated > 0 && evaluated < inPeriod().length);
  await settleCalls(evaluated);
  assert.equal(await page.getByLabel('Status').inputValue(), 'evaluated');
  assert.deepEqual(await page.locator('.calls-table tbody [data-status]').allInnerTexts(), Array(evaluated).fill('Evaluated'));
  await page.goBack();
  await settleCalls(inPeriod().length);
  assert.equal(await page.getByLabel('Status').inputValue(), '');
});

/** A criterion's average (1 decimal) over the default period's evaluated recorder calls, a reviewer's score counting. */
function criterionAverage(key, userId) {
  const scores = mock.calls.filter((c) => c.status === 'evaluated' && c.attribution !== 'shared'
    && c.startedAt.slice(0, 10) >= isoDaysAgo(29) && (!userId || c.userId === userId))
    .map((c) => c.review?.scores?.find((r) => r.criterion === key)?.score ?? c.evaluation.scores.find((x) => x.criterion === key).score);
  return (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1);
}

/** The dashboard's default period (the last 30 days) as the mock averages it: evaluated recorder calls, the score that counts. */
function dashboardAverage(userId) {
  const scored = mock.calls.filter((c) => c.status === 'evaluated' && c.attribution !== 'shared'
    && c.startedAt.slice(0, 10) >= isoDaysAgo(29) && (!userId || c.userId === userId));
  return scored.reduce((sum, c) => sum + (c.effectiveScore ?? c.overallScore), 0) / scored.length;
}

test('review: a head of sales rescores a criterion with a comment and a note, the AI\'s score stays beside it, the dashboard\'s average moves', async () => {
  await page.goto(`${mock.dashboardUrl}/#/dashboard`);
  const before = dashboardAverage();
  await page.locator('.kpis').getByText(before.toFixed(0), { exact: true }).waitFor();
  await page.goto(`${mock.dashboardUrl}/#/calls/call-alice-1`);
  await page.getByRole('heading', { name: 'Manager review' }).waitFor();
  assert.equal(await page.locator('#review-none').innerText(), 'Not reviewed yet: the AI\'s scores count.');
  assert.equal(await page.getByLabel('Your score for Value proposition').inputValue(), '', 'the AI\'s score is kept unless changed');

  await page.getByLabel('Your score for Value proposition').selectOption('5');
  await page.getByLabel('Comment on Value proposition').fill('Le ROI était chiffré : 20 000 € par an');
  await page.getByLabel('Note for the rep').fill('Très bon appel. Chiffrez la douleur plus tôt.');
  await page.getByRole('button', { name: 'Save the review' }).click();

  const summary = page.locator('#review-summary');
  await summary.waitFor();
  // value proposition 2 → 5 at equal weights: 78 + 100 × 3 / 20
  assert.match(await summary.innerText(), /^Reviewed by Hugo Bernard on .+\. Score after the review: 93 \/ 100 \(the AI's: 78 \/ 100\)\./);
  assert.equal(await page.locator('#review-note').innerText(), 'Très bon appel. Chiffrez la douleur plus tôt.');
  const row = page.locator('table.scores tr[data-criterion="value_proposition"]');
  assert.equal(await row.locator('.score-value').first().innerText(), '2 / 5', 'the AI\'s score stays visible');
  assert.match(await row.locator('.reviewed-cell').innerText(), /^5 \/ 5\s+Le ROI était chiffré : 20 000 € par an$/);
  assert.equal(await page.locator('table.scores tr[data-criterion="discovery"] .reviewed-cell').innerText(), '—');
  assert.match(await page.locator('#call-score').innerText(), /^93\s+Reviewed · AI 78$/);
  assert.match(await page.locator('#overall-explained').innerText(), /Overall 78 \/ 100 .* After the manager's review, .*: 93 \/ 100, the score that counts\./);
  assert.equal(await page.getByLabel('Your score for Value proposition').inputValue(), '5', 'the form shows the review to change');
  assert.ok(mock.requests.includes('PUT /api/calls/call-alice-1/review'));
  await page.locator('#announcer').getByText('Review saved: the call now scores 93 out of 100').waitFor();
  await checkAccessibility('reviewed call');
  await screenshot(page, 'mock-7-call-reviewed');
  await docsImage(page, 'reviewed-call', page.locator('.review-note'), 1500);

  await page.getByRole('link', { name: '← Back to the dashboard' }).click();
  const after = dashboardAverage();
  assert.ok(after > before, `${after} > ${before}`);
  await page.locator('.kpis').getByText(after.toFixed(0), { exact: true }).waitFor();
  assert.notEqual(after.toFixed(0), before.toFixed(0), 'the key figure moved');
  await page.locator('#reps tr[data-user-id="rep-alice"] td.num', { hasText: String(Math.round(dashboardAverage('rep-alice'))) }).first().waitFor();
  const listed = page.locator('.calls-table tr[data-call-id="call-alice-1"]');
  assert.equal(await listed.locator('.cell-score').innerText(), '93');
  assert.equal(await listed.locator('.badge.reviewed').innerText(), 'Reviewed');
  await screenshot(page, 'mock-8-dashboard-after-review');
  await docsImage(page, 'dashboard', page.locator('#reps'));
});

test('review: a refused review says why and marks the field; the rep reads the review on their call, without the form', async () => {
  await page.goto(`${mock.dashboardUrl}/#/calls/call-alice-2`);
  await page.getByRole('heading', { name: 'Manager review' }).waitFor();
  await page.getByRole('button', { name: 'Save the review' }).click();
  await page.getByRole('alert').getByText('The review was not saved. Invalid review: A review needs at least one score or a note').waitFor();

  await signIn(page, mock.dashboardUrl, ALICE, '#/calls/call-alice-1');
  await page.getByRole('heading', { name: 'Manager review' }).waitFor();
  assert.match(await page.locator('#review-summary').innerText(), /Reviewed by Hugo Bernard .* 93 \/ 100/);
  assert.equal(await page.locator('#review-note').innerText(), 'Très bon appel. Chiffrez la douleur plus tôt.');
  assert.match(await page.locator('table.scores tr[data-criterion="value_proposition"] .reviewed-cell').innerText(), /^5 \/ 5/);
  assert.equal(await page.locator('.review-form').count(), 0, 'a member reviews nothing');
  assert.equal(await page.locator('select').count(), 0);
  await checkAccessibility('reviewed call, the rep');
  await page.goto(`${mock.dashboardUrl}/#/calls/call-alice-2`);
  await page.getByRole('heading', { name: 'Scores' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Manager review' }).count(), 0, 'no review, nothing to show the rep');
});

test('member: their own view shows their last review, linked to the call, and the reviewed criterion\'s average moved', async () => {
  await page.goto(`${mock.dashboardUrl}/#/dashboard`);
  await page.getByRole('heading', { name: 'My dashboard', level: 1 }).waitFor();
  const link = page.locator('#last-review-call');
  await link.waitFor();
  assert.equal(await link.innerText(), 'Discovery call — Acme Logistics');
  assert.equal(await link.getAttribute('href'), '#/calls/call-alice-1');
  assert.match(await page.locator('#last-review').innerText(), /Reviewed by Hugo Bernard on \d{2} \w{3} \d{4}/);
  assert.equal(await page.locator('#last-review-note').innerText(), 'Très bon appel. Chiffrez la douleur plus tôt.');
  const valueProposition = page.locator('#my-criteria tr[data-criterion="value_proposition"]');
  const reviewed = criterionAverage('value_proposition', 'rep-alice');
  assert.ok(Number(reviewed) > 2, `the reviewer's 5 counts: ${reviewed}`);
  assert.equal(await valueProposition.locator('.cell-mine').innerText(), reviewed);
  assert.equal(await valueProposition.locator('.cell-org').innerText(), criterionAverage('value_proposition'));
  await checkAccessibility('member dashboard with a review');
  await link.click();
  await page.getByRole('heading', { name: 'Discovery call — Acme Logistics', level: 1 }).waitFor();
  await page.locator('#review-summary').waitFor();
});

const criterionKeys = () => page.locator('#criteria li.criterion').evaluateAll((items) => items.map((li) => li.dataset.key));

test('scoring (head of sales): the org\'s settings from analysis-service, a preset picked and saved, the version new calls use', async () => {
  await signIn(page, mock.dashboardUrl, HEAD, '#/dashboard');
  await page.getByRole('link', { name: 'Settings → Scoring' }).click();
  await page.getByRole('heading', { name: 'Scoring', level: 1 }).waitFor();
  const version = page.locator('#scorecard-version');
  await version.waitFor();
  assert.equal(await version.innerText(), 'New calls will use default version 1.');
  assert.ok(mock.requests.includes('analysis GET /api/analysis/settings'), 'read from analysis-service\'s served base URL');
  assert.ok(mock.requests.includes('analysis GET /api/analysis/scorecard-presets'));
  assert.deepEqual(await criterionKeys(), ['discovery', 'active_listening', 'value_proposition', 'objection_handling', 'next_steps']);
  assert.equal(await page.getByLabel('Label of criterion 2').inputValue(), 'Active listening');
  assert.equal(await page.getByLabel('Coaching language').inputValue(), 'fr');
  assert.equal(await page.getByLabel('Analyze internal meetings').isChecked(), false);
  assert.equal(await page.getByLabel('Daily token budget').inputValue(), '2000000');
  assert.deepEqual(await page.getByLabel('Preset').locator('option').allInnerTexts(), ['Default (five criteria)', 'MEDDIC', 'SPIN', 'BANT']);

  await page.getByLabel('Preset').selectOption('meddic');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  assert.deepEqual(await criterionKeys(), ['metrics', 'economic_buyer', 'decision_criteria', 'decision_process', 'identify_pain', 'champion']);
  assert.equal(await page.getByLabel('Scorecard name').inputValue(), 'meddic');
  assert.equal(await page.getByLabel('Weight of criterion 5').inputValue(), '2');
  assert.equal(await version.innerText(), 'New calls will use default version 1.', 'nothing changes before Save');
  await page.getByLabel('Weight of criterion 1').fill('1.5');
  await page.getByLabel('Description of criterion 6').fill('Un allié interne qui vend pour nous');
  await page.getByLabel('Coaching language').selectOption('en');
  await page.getByLabel('Analyze internal meetings').check();
  await page.getByLabel('Daily token budget').fill('500000');
  await checkAccessibility('scoring');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await page.locator('#scoring-result .alert.success').getByText('Saved. New calls will use meddic version 2.').waitFor();
  assert.equal(await version.innerText(), 'New calls will use meddic version 2.');
  const put = mock.analysisPuts.at(-1);
  assert.equal(put.scorecard.name, 'meddic');
  assert.deepEqual(put.scorecard.criteria.map((c) => c.key), ['metrics', 'economic_buyer', 'decision_criteria', 'decision_process', 'identify_pain', 'champion']);
  assert.deepEqual(put.scorecard.criteria.map((c) => c.weight), [1.5, 1, 1, 1, 2, 1]);
  assert.equal(put.scorecard.criteria[5].description, 'Un allié interne qui vend pour nous');
  assert.deepEqual({ ...put, scorecard: undefined }, { language: 'en', analyzeInternalMeetings: true, dailyTokenBudget: 500000, scorecard: undefined });
  assert.equal(mock.analysisSettings.get('org-acme').scorecard.version, 2);
  await page.locator('#announcer').getByText('Scoring saved. New calls will use meddic version 2.').waitFor();
  await screenshot(page, 'mock-9-scoring');
});

test('scoring: criteria added and removed within 3 to 8; a refused save shows its field errors beside their inputs', async () => {
  const add = page.getByRole('button', { name: 'Add a criterion' });
  await add.click();
  assert.equal(await page.locator(':focus').getAttribute('id'), await page.getByLabel('Key of criterion 7').getAttribute('id'));
  await page.getByLabel('Key of criterion 7').fill('metrics');
  await page.getByLabel('Label of criterion 7').fill('Références');
  await page.getByLabel('Weight of criterion 7').fill('0');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const alert = page.locator('#scoring-result .alert.error');
  await alert.getByText('The settings were not saved. Invalid analysis settings: 2 field(s) refused').waitFor();
  const key = page.getByLabel('Key of criterion 7');
  assert.equal(await key.getAttribute('aria-invalid'), 'true');
  const keyError = page.locator(`#${await key.getAttribute('id')}-error`);
  assert.equal(await keyError.innerText(), 'Each key must be unique: metrics is used twice');
  assert.match(await key.getAttribute('aria-describedby'), new RegExp(await keyError.getAttribute('id')));
  assert.equal(await page.getByLabel('Weight of criterion 7').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator(`#${await page.getByLabel('Weight of criterion 7').getAttribute('id')}-error`).innerText(),
    'A weight must be greater than 0');
  assert.equal(await page.getByLabel('Label of criterion 7').getAttribute('aria-invalid'), null);
  assert.equal(await page.evaluate(() => document.activeElement.id), await key.getAttribute('id'), 'the first refused field has the focus');
  assert.equal(await page.locator('#scorecard-version').innerText(), 'New calls will use meddic version 2.');
  await checkAccessibility('scoring with field errors');

  await key.fill('references');
  await page.getByLabel('Weight of criterion 7').fill('0.5');
  await add.click();
  await page.getByLabel('Key of criterion 8').fill('timing');
  await page.getByLabel('Label of criterion 8').fill('Timing');
  assert.equal(await add.isDisabled(), true, 'at most 8 criteria');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#scoring-result .alert.success').getByText('Saved. New calls will use meddic version 3.').waitFor();
  assert.equal(await page.locator('[aria-invalid]').count(), 0, 'the errors are gone');
  assert.equal(mock.analysisSettings.get('org-acme').scorecard.criteria.length, 8);

  for (let n = 8; n > 3; n -= 1) await page.getByRole('button', { name: `Remove criterion ${n}` }).click();
  assert.deepEqual(await criterionKeys(), ['metrics', 'economic_buyer', 'decision_criteria']);
  assert.equal(await page.getByRole('button', { name: 'Remove criterion 1' }).isDisabled(), true, 'at least 3 criteria');
  assert.equal(await add.isDisabled(), false);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#scoring-result .alert.success').getByText('Saved. New calls will use meddic version 4.').waitFor();
  assert.deepEqual(mock.analysisPuts.at(-1).scorecard.criteria.map((c) => c.key), ['metrics', 'economic_buyer', 'decision_criteria']);
});

test('scoring (member): the settings read-only, every input disabled, nothing to save', async () => {
  await signIn(page, mock.dashboardUrl, ALICE, '#/settings/scoring');
  const version = page.locator('#scorecard-version');
  await version.waitFor();
  assert.equal(await version.innerText(), 'New calls will use meddic version 4.');
  assert.equal(await page.locator('#scoring-read-only').innerText(),
    'Only a head of sales or an admin changes these settings; you see what your calls are scored on.');
  assert.equal(await page.getByRole('button', { name: 'Save', exact: true }).count(), 0);
  const controls = page.locator('.scoring-form input, .scoring-form select, .scoring-form textarea, .scoring-form button');
  assert.ok(await controls.count() > 10);
  assert.deepEqual([...new Set(await controls.evaluateAll((els) => els.map((el) => el.matches(':disabled'))))], [true]);
  assert.equal(await page.getByLabel('Label of criterion 1').inputValue(), 'Metrics');
  assert.equal(await page.getByLabel('Coaching language').inputValue(), 'en');
  await checkAccessibility('scoring, read-only');
});

test('no uncaught errors in the pages', () => {
  const real = errors.filter((e) => !e.includes('Failed to load resource'));
  assert.deepEqual(real, []);
});
