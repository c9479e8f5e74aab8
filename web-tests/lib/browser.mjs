// Debian's Chromium driven by playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TARGET_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../target');

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

/** Signs in through the page's dev-token form. */
export async function signIn(page, baseUrl, token, route = '#/dashboard') {
  await page.goto(`${baseUrl}/${route}`);
  const signedIn = await page.locator('#session-user').count();
  if (signedIn) {
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
  await page.getByLabel('Dev token (JWT)').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#session-user').waitFor();
}
