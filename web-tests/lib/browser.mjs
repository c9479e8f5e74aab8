// Debian's Chromium driven by playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TARGET_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../target');
/** The README's pictures: `UPDATE_DOCS_IMAGES=1 npm run test:mock` retakes them there. */
export const DOCS_IMAGES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/images');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  mkdirSync(TARGET_DIR, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh page at a 1280×720 laptop size that fails the test on any uncaught page error. */
export async function newPage(browser, errors = []) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  return page;
}

export async function screenshot(page, name) {
  const path = resolve(TARGET_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * A picture of the page for the README, from its top to the bottom of {@code until} (a locator), at most
 * {@code maxHeight} pixels: into docs/images where UPDATE_DOCS_IMAGES is set, else into target/docs-<name>.png.
 */
export async function docsImage(page, name, until, maxHeight = 1100) {
  const box = await until.boundingBox();
  const scrollY = await page.evaluate(() => window.scrollY);
  const height = Math.min(maxHeight, Math.ceil(box.y + scrollY + box.height + 16));
  const path = process.env.UPDATE_DOCS_IMAGES ? resolve(DOCS_IMAGES_DIR, `${name}.png`) : resolve(TARGET_DIR, `docs-${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: page.viewportSize().width, height } });
  return path;
}

/** Signs in through the page's developer sign-in (the dev-token form behind its "Developer sign-in" disclosure). */
export async function signIn(page, baseUrl, token, route = '#/dashboard') {
  await signedOut(page, `${baseUrl}/${route}`);
  const details = page.locator('#developer-sign-in');
  if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
  await page.getByLabel('Dev token (JWT)').fill(token);
  await page.getByRole('button', { name: 'Use this token' }).click();
  await page.locator('#session-user').waitFor();
}

/**
 * Signs in through the identity provider: the page's "Sign in" button, the provider's login form (Spring Security's
 * form login: username, password, "Sign in"), back on the page at {@code route}.
 */
export async function signInWithProvider(page, baseUrl, username, password, route = '#/dashboard') {
  await signedOut(page, `${baseUrl}/${route}`);
  await page.locator('#sign-in').click();
  await page.locator('input[name="username"]').waitFor();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#session-user').waitFor();
}

/** At {@code url} signed out: signs out whoever is signed in (the provider's logout lands on '/'), then goes there again. */
async function signedOut(page, url) {
  await page.goto(url);
  await page.locator('#session-user, #sign-in, #developer-sign-in').first().waitFor();
  if (await page.locator('#session-user').count()) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    if (page.url() !== url) await page.goto(url);
  }
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
}
