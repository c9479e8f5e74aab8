// The shell: the deployment's settings, sign-in (OIDC, or a dev token where accepted), hash routing (#/dashboard,
// #/calls, #/calls/<id>, #/settings, #/settings/scoring; a view's state in the route's query, e.g.
// #/calls?status=failed), one live stream.
import { h, clear } from './dom.js';
import {
  currentUser, setToken, decodeClaims, onAuthChange, ROLE_LABELS, initAuth, startSignIn, signOut, signInNotice,
} from './auth.js';
import { loadSettings, pageSettings } from './page-settings.js';
import { createLiveCalls } from './live.js';
import { renderDashboard } from './views/dashboard.js';
import { renderCalls } from './views/calls.js';
import { renderCallDetail } from './views/call-detail.js';
import { renderSettings } from './views/settings.js';
import { renderScoring } from './views/scoring.js';
import { parseRoute } from './route-query.js';

const main = document.getElementById('main');
const sessionBox = document.getElementById('session');
const announcer = document.getElementById('announcer');
const live = createLiveCalls(document.getElementById('live-indicator'));

const routes = [
  { pattern: /^#\/dashboard$/, name: 'dashboard', render: renderDashboard },
  { pattern: /^#\/calls$/, name: 'calls', render: renderCalls },
  { pattern: /^#\/calls\/([^/?#]+)$/, name: 'calls', render: renderCallDetail },
  { pattern: /^#\/settings$/, name: 'settings', render: renderSettings },
  { pattern: /^#\/settings\/scoring$/, name: 'scoring', render: renderScoring },
];

let cleanup = null;
let viewController = null;

/** Politely tells screen-reader users about something that changed without a page load. */
export function announce(message) {
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = message; }, 50);
}

function renderSession(user) {
  clear(sessionBox);
  if (!user) {
    sessionBox.append(h('p', { class: 'session-user' }, 'Not signed in'));
    return;
  }
  const role = ROLE_LABELS[user.role] || user.role;
  sessionBox.append(
    h('p', { class: 'session-user', id: 'session-user' },
      h('span', { class: 'session-name' }, user.name || '—'),
      ' · ',
      h('span', { class: 'session-role' }, role),
      user.expired ? h('span', { class: 'warning-text' }, ' (token expired)') : null),
    h('button', { type: 'button', class: 'button secondary small', onclick: (event) => {
      event.currentTarget.disabled = true;
      signOut();
    } }, 'Sign out'),
  );
}

/** The provider's sign-in: a button, as leaving the page should be the user's choice; the route comes back. */
function providerSignIn() {
  const error = h('p', { id: 'sign-in-error', class: 'field-error', role: 'alert' });
  const button = h('button', {
    type: 'button', id: 'sign-in', class: 'button primary',
    onclick: async () => {
      button.disabled = true;
      error.textContent = '';
      try {
        await startSignIn(window.location.hash);
      } catch (e) {
        error.textContent = e.message;
        button.disabled = false;
      }
    },
  }, 'Sign in');
  return [h('p', {}, 'Sign in with your organization\'s account; you come back to this page.'), button, error];
}

/** The dev-token paste box, only where the deployment accepts dev tokens. */
function developerSignIn(open) {
  const input = h('input', {
    id: 'dev-token', name: 'token', type: 'text', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'dev-token-help dev-token-error', class: 'mono',
  });
  const error = h('p', { id: 'dev-token-error', class: 'field-error', role: 'alert' });
  const form = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      const token = input.value.trim().replace(/^Bearer\s+/i, '');
      try {
        const claims = decodeClaims(token);
        if (!claims.sub) throw new Error('the token has no "sub" claim');
      } catch (e) {
        error.textContent = `This is not a usable JWT: ${e.message}`;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      setToken(token);
    },
  },
  h('p', {}, 'Paste a dev token printed by ', h('code', {}, './run-local'),
    ' (the value of REP_TOKEN or HEAD_TOKEN). It stays in this browser tab only.'),
  h('label', { for: 'dev-token' }, 'Dev token (JWT)'),
  input,
  h('p', { id: 'dev-token-help', class: 'help' }, 'Every API call sends it as "Authorization: Bearer <token>".'),
  error,
  h('button', { type: 'submit', class: 'button secondary' }, 'Use this token'));
  const details = h('details', { class: 'developer-sign-in', id: 'developer-sign-in' },
    h('summary', {}, 'Developer sign-in'), form);
  details.open = open;
  return details;
}

function signInView(container) {
  const settings = pageSettings();
  const notice = signInNotice();
  const card = h('div', { class: 'card signin' },
    h('h1', { tabindex: '-1' }, 'Sign in'),
    notice ? h('p', { id: 'sign-in-notice', class: 'alert warning', role: 'alert' }, notice) : null);
  if (settings.issuer) card.append(...providerSignIn());
  if (settings.devTokensAccepted) card.append(developerSignIn(!settings.issuer));
  if (!settings.issuer && !settings.devTokensAccepted) {
    card.append(h('p', { class: 'alert error', role: 'alert' },
      'No sign-in is configured for these pages: dashboard-api needs APP_AUTH_ISSUER_URI.'));
  }
  container.append(card);
  return null;
}

function route() {
  const hash = window.location.hash;
  if (!hash.startsWith('#/')) {
    if (hash === '' || hash === '#') window.location.replace('#/dashboard');
    return;
  }
  if (cleanup) cleanup();
  if (viewController) viewController.abort();
  cleanup = null;
  viewController = new AbortController();
  clear(main);
  const user = currentUser();
  const { path, query } = parseRoute(hash);
  const match = routes.map((r) => ({ r, m: path.match(r.pattern) })).find((x) => x.m);
  document.querySelectorAll('.main-nav a').forEach((link) => {
    if (match && link.dataset.route === match.r.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  if (!user) {
    document.title = 'Sign in · Call Intelligence';
    signInView(main);
  } else if (!match) {
    document.title = 'Not found · Call Intelligence';
    main.append(h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '#/dashboard' }, 'Go to the dashboard')));
  } else {
    const params = match.m.slice(1).map(decodeURIComponent);
    cleanup = match.r.render(main, { params, query, user, live, announce, signal: viewController.signal }) || null;
  }
  const heading = main.querySelector('h1');
  if (heading && document.activeElement !== document.body && !main.contains(document.activeElement)) {
    heading.focus({ preventScroll: true });
  }
  if (heading) document.title = `${heading.textContent} · Call Intelligence`;
}

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

onAuthChange((user) => {
  renderSession(user);
  if (user) live.start();
  else live.stop();
  route();
});

async function start() {
  try {
    await loadSettings();
  } catch (error) {
    clear(main).append(h('h1', { tabindex: '-1' }, 'The pages cannot start'),
      h('p', { class: 'alert error', role: 'alert' }, `${error.message}. Reload to try again.`));
    return;
  }
  await initAuth();
  const initialUser = currentUser();
  renderSession(initialUser);
  if (initialUser) live.start();
  window.addEventListener('hashchange', route); // routes only once the settings and the session are known
  route();
}

start();
