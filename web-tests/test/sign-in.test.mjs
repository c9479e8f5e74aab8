// Sign-in of the pages against the mock identity provider (mock/oidc-provider.mjs): authorization code + PKCE through
// its login form back to the route asked for, silent renewal with rotated refresh tokens, sign-out (revocation and
// RP-initiated logout), refused tokens and answers, and the developer sign-in only where dev tokens are accepted.
// Tokens live 6 s here, so renewals happen within a test. Screenshots go to target/signin-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMock } from '../mock/server.mjs';
import { CLIENT_ID, PASSWORD } from '../mock/oidc-provider.mjs';
import { launchBrowser, newPage, screenshot, signInWithProvider } from '../lib/browser.mjs';
import { mintToken, MOCK_USERS } from '../lib/tokens.mjs';
import { unlabeledControls, lowContrastTexts } from '../lib/a11y.mjs';

const TOKEN_SECONDS = 6;
let mock;
let browser;
const errors = [];

before(async () => {
  mock = await startMock({ accessTokenSeconds: TOKEN_SECONDS });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await mock?.close();
});

/** A fresh tab (its own sessionStorage) on the pages. */
const freshPage = () => newPage(browser, errors);
const stored = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('salesai.session') || 'null'));
const count = (list, value) => list.filter((x) => x === value).length;

async function tokenRequest(form) {
  const reply = await fetch(`${mock.provider.issuer}/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: reply.status, body: await reply.json() };
}

test('a deep link survives the sign-in round trip through the provider\'s login form; name and role shown', async () => {
  const page = await freshPage();
  await page.goto(`${mock.dashboardUrl}/#/calls/call-alice-1`);
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  assert.deepEqual(await unlabeledControls(page), []);
  assert.deepEqual(await lowContrastTexts(page), []);
  await screenshot(page, 'signin-1-screen');
  await page.locator('#sign-in').click();
  await page.waitForURL(`${mock.provider.issuer}/authorize?**`);
  const authorize = new URL(page.url()).searchParams;
  assert.equal(authorize.get('code_challenge_method'), 'S256');
  assert.equal(authorize.get('redirect_uri'), `${mock.dashboardUrl}/`);
  assert.ok(authorize.get('state') && authorize.get('nonce'), 'state and nonce sent');
  await page.locator('input[name="username"]').fill('hugo');
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByRole('heading', { name: 'Discovery call — Acme Logistics', level: 1 }).waitFor();
  assert.equal(page.url(), `${mock.dashboardUrl}/#/calls/call-alice-1`, 'the route asked for, no code left in the address');
  assert.equal(await page.locator('#session-user').innerText(), 'Hugo Bernard · Head of Sales');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('salesai.oidc.pending')), null, 'the verifier is gone after the round trip');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
  assert.ok((await stored(page)).refreshToken, 'tokens kept in sessionStorage');
  await screenshot(page, 'signin-2-deep-link');
  await page.close();
});

test('the provider fake refuses a code redeemed with another PKCE verifier', async () => {
  const page = await freshPage();
  await page.goto(`${mock.dashboardUrl}/#/dashboard`);
  await page.locator('#sign-in').click();
  await page.waitForURL(`${mock.provider.issuer}/authorize?**`);
  // the page's own callback is stopped, so this test redeems the code itself, with a verifier of its own
  await page.route(`${mock.dashboardUrl}/?**`, (route) => route.abort());
  const callback = page.waitForRequest((r) => r.url().startsWith(`${mock.dashboardUrl}/?code=`));
  await page.locator('input[name="username"]').fill('alice');
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = new URL((await callback).url()).searchParams.get('code');
  const refused = await tokenRequest({ grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: `${mock.dashboardUrl}/`, code_verifier: 'not-the-verifier-the-page-kept-for-this-sign-in' });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
  await page.close();
});

test('the session is renewed before expiry without a reload, with a rotated refresh token, and the API keeps answering', async () => {
  const page = await freshPage();
  await signInWithProvider(page, mock.dashboardUrl, 'alice', PASSWORD, '#/dashboard');
  await page.getByRole('heading', { name: 'My dashboard', level: 1 }).waitFor();
  await page.evaluate(() => { window.__sameDocument = true; });
  const first = await stored(page);
  const refreshesBefore = count(mock.provider.log.tokenRequests, 'refresh_token');

  // past the first access token's expiry: it was renewed (at least twice at 6 s lifetimes) in the background
  await page.waitForFunction((firstToken) => {
    const s = JSON.parse(sessionStorage.getItem('salesai.session') || 'null');
    return s && s.accessToken !== firstToken;
  }, first.accessToken, { timeout: TOKEN_SECONDS * 1000 });
  await page.waitForTimeout(first.expiresAt - Date.now() + 1500);
  const renewed = await stored(page);
  assert.ok(count(mock.provider.log.tokenRequests, 'refresh_token') > refreshesBefore, 'the refresh_token grant was used');
  assert.notEqual(renewed.refreshToken, first.refreshToken, 'the rotated refresh token replaced the stored one');
  assert.ok(renewed.expiresAt > Date.now(), 'the stored token is valid now');

  await page.getByRole('link', { name: 'Calls', exact: true }).click();
  await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
  await page.locator('.calls-table tbody tr').first().waitFor();
  assert.equal(await page.locator('#session-user').innerText(), 'Alice Martin · Member');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page reload');

  const reused = await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refreshToken, client_id: CLIENT_ID });
  assert.equal(reused.status, 400, 'the first refresh token was rotated away');
  await page.close();
});

test('a failed renewal goes to the sign-in screen on the same route, and signing in comes back to it', async () => {
  const page = await freshPage();
  await signInWithProvider(page, mock.dashboardUrl, 'alice', PASSWORD, '#/calls');
  await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
  mock.provider.behaviour.failRefresh = true;
  try {
    await page.locator('#sign-in-notice', { hasText: 'could not be renewed' }).waitFor({ timeout: TOKEN_SECONDS * 1000 });
  } finally {
    mock.provider.behaviour.failRefresh = false;
  }
  assert.equal(new URL(page.url()).hash, '#/calls');
  assert.equal(await stored(page), null, 'the session is cleared');
  await page.locator('#sign-in').click();
  await page.locator('input[name="username"]').fill('alice');
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/calls');
  await page.close();
});

test('sign-out revokes the refresh token, ends the provider session, shows the sign-in screen; the old tokens get 401', async () => {
  const page = await freshPage();
  await signInWithProvider(page, mock.dashboardUrl, 'hugo', PASSWORD, '#/settings');
  await page.getByRole('heading', { name: 'Fathom.video' }).waitFor();
  const session = await stored(page);
  const logouts = mock.provider.log.logouts.length;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  assert.equal(new URL(page.url()).origin, mock.dashboardUrl, 'back from the provider\'s logout to the pages');
  assert.ok(mock.provider.log.revocations.includes(session.refreshToken), 'the refresh token was revoked');
  assert.equal(mock.provider.log.logouts.length, logouts + 1, 'RP-initiated logout with the ID token as hint');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'storage cleared');
  assert.equal(await page.locator('#session-user').count(), 0);

  const api = await fetch(`${mock.dashboardUrl}/api/calls`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
  assert.equal(api.status, 401, 'the API refuses the signed-out session\'s access token');
  const integration = await fetch(`${mock.integrationUrl}/api/integrations/fathom`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
  assert.equal(integration.status, 401);
  const renewal = await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: CLIENT_ID });
  assert.equal(renewal.status, 400, 'the revoked refresh token renews nothing');
  await page.close();
});

test('a 401 from the API (session revoked elsewhere) sends the user to sign in again', async () => {
  const page = await freshPage();
  await signInWithProvider(page, mock.dashboardUrl, 'alice', PASSWORD, '#/dashboard');
  await page.getByRole('heading', { name: 'My dashboard', level: 1 }).waitFor();
  const session = await stored(page);
  await fetch(`${mock.provider.issuer}/revoke`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: session.refreshToken, client_id: CLIENT_ID }) });
  await page.getByRole('link', { name: 'Calls', exact: true }).click();
  await page.locator('#sign-in-notice').waitFor();
  assert.match(await page.locator('#sign-in-notice').innerText(), /Sign in again/);
  assert.equal(new URL(page.url()).hash, '#/calls', 'the route is kept for the next sign-in');
  await page.close();
});

test('an answer with a state this tab did not send is refused with a clear message and nothing is exchanged', async () => {
  const page = await freshPage();
  await page.goto(`${mock.dashboardUrl}/#/calls`);
  await page.locator('#sign-in').click();
  await page.waitForURL(`${mock.provider.issuer}/authorize?**`);
  const exchanges = count(mock.provider.log.tokenRequests, 'authorization_code');
  await page.goto(`${mock.dashboardUrl}/?code=a-code-from-elsewhere&state=forged`);
  const notice = page.locator('#sign-in-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /^Sign-in refused: .*\(state mismatch\)\. Nothing was exchanged; sign in again\.$/);
  assert.equal(count(mock.provider.log.tokenRequests, 'authorization_code'), exchanges, 'the code was not redeemed');
  assert.equal(new URL(page.url()).search, '', 'the forged answer is gone from the address');
  assert.equal(await page.locator('#session-user').count(), 0);
  await screenshot(page, 'signin-3-state-refused');
  await page.close();
});

test('a forged answer opened in a signed-in tab does not end its session', async () => {
  const page = await freshPage();
  await signInWithProvider(page, mock.dashboardUrl, 'hugo', PASSWORD, '#/dashboard');
  await page.goto(`${mock.dashboardUrl}/?code=a-code-from-elsewhere&state=forged`);
  await page.getByRole('heading', { name: 'Head of Sales dashboard', level: 1 }).waitFor();
  assert.equal(await page.locator('#session-user').innerText(), 'Hugo Bernard · Head of Sales');
  assert.equal(new URL(page.url()).search, '');
  await page.close();
});

test('an ID token without this sign-in\'s nonce is refused', async () => {
  const page = await freshPage();
  mock.provider.behaviour.wrongNonce = true;
  try {
    await page.goto(`${mock.dashboardUrl}/#/calls`);
    await page.locator('#sign-in').click();
    await page.locator('input[name="username"]').fill('alice');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#sign-in-notice', { hasText: 'The ID token does not answer this sign-in (nonce mismatch).' }).waitFor();
  } finally {
    mock.provider.behaviour.wrongNonce = false;
  }
  assert.equal(await stored(page), null, 'no session kept');
  assert.equal(new URL(page.url()).hash, '#/calls');
  await page.close();
});

test('the developer sign-in is offered only where the deployment accepts dev tokens', async () => {
  const page = await freshPage();
  const dev = mintToken(MOCK_USERS.alice);
  try {
    await fetch(`${mock.dashboardUrl}/mock/settings`, { method: 'POST', body: JSON.stringify({ devTokensAccepted: false }) });
    await page.goto(`${mock.dashboardUrl}/`);
    await page.locator('#sign-in').waitFor();
    assert.equal(await page.locator('#developer-sign-in').count(), 0);
    assert.equal(await page.getByText('Developer sign-in').count(), 0);
    const refused = await fetch(`${mock.dashboardUrl}/api/calls`, { headers: { Authorization: `Bearer ${dev}` } });
    assert.equal(refused.status, 401);
  } finally {
    await fetch(`${mock.dashboardUrl}/mock/settings`, { method: 'POST', body: JSON.stringify({ devTokensAccepted: true }) });
  }
  await page.reload();
  await page.locator('#developer-sign-in summary', { hasText: 'Developer sign-in' }).waitFor();
  assert.equal(await page.locator('#developer-sign-in').evaluate((el) => el.open), false, 'closed beside the provider\'s sign-in');
  await page.close();
});

test('no uncaught errors or policy violations in the pages', () => {
  assert.deepEqual(errors.filter((e) => !e.includes('Failed to load resource')), []);
});
