// Who is signed in, for this browser tab only (sessionStorage): an OIDC session with the deployment's issuer
// (oidc.js), renewed before its access token expires, or, where the deployment accepts them, a pasted dev token.
import { decodeClaims } from './jwt.js';
import { pageSettings } from './page-settings.js';
import * as oidc from './oidc.js';

export { decodeClaims };

const SESSION_KEY = 'salesai.session';
const DEV_TOKEN_KEY = 'salesai.devToken';
const listeners = new Set();
let renewalTimer = null;
let renewing = null;
/** Why the sign-in screen is shown (a failed renewal, a refused token, a sign-in error), until the next sign-in. */
let notice = '';

function readSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
    return session && session.accessToken ? session : null;
  } catch {
    return null;
  }
}

function writeSession(tokens) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(tokens));
  sessionStorage.removeItem(DEV_TOKEN_KEY);
  notice = '';
}

function changed() {
  const user = currentUser();
  listeners.forEach((listener) => listener(user));
}

function clearAll() {
  window.clearTimeout(renewalTimer);
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.removeItem(DEV_TOKEN_KEY);
}

/** The page's redirect URI (and post-logout URI): its origin, as the provider registered it; the route travels in the state. */
export function redirectUri() {
  return `${window.location.origin}/`;
}

export function getToken() {
  const session = readSession();
  return session ? session.accessToken : sessionStorage.getItem(DEV_TOKEN_KEY);
}

/** The developer sign-in: a pasted dev token (an empty one signs out). */
export function setToken(token) {
  const trimmed = String(token || '').trim().replace(/^Bearer\s+/i, '');
  clearAll();
  if (trimmed) {
    sessionStorage.setItem(DEV_TOKEN_KEY, trimmed);
    notice = '';
  }
  changed();
}

export function onAuthChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signInNotice() {
  return notice;
}

/** Ends the session where it stands (storage cleared) and shows the sign-in screen on the same route. */
function endSession(message) {
  clearAll();
  notice = message;
  changed();
}

/** Renew at a quarter of the token's lifetime before it expires, at most a minute before. */
function renewalDue(session) {
  const lifetime = Math.max(0, session.expiresAt - (session.issuedAt || session.expiresAt));
  return session.expiresAt - Math.min(60 * 1000, lifetime / 4);
}

function scheduleRenewal(session) {
  window.clearTimeout(renewalTimer);
  renewalTimer = window.setTimeout(renew, Math.max(0, renewalDue(session) - Date.now()));
}

/**
 * Renews the OIDC session with its refresh token, once at a time; the rotated refresh token replaces the stored one.
 * A failed renewal ends the session: the sign-in screen, on the same route. Resolves to whether it worked.
 */
export function renew() {
  if (renewing) return renewing;
  const session = readSession();
  if (!session) return Promise.resolve(false);
  renewing = (async () => {
    try {
      if (!session.refreshToken) throw new oidc.SignInError('no refresh token');
      const tokens = await oidc.refresh(pageSettings(), session);
      if (!readSession()) return false; // signed out meanwhile
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(tokens));
      scheduleRenewal(tokens);
      return true;
    } catch {
      if (readSession()) endSession('Your sign-in has expired and could not be renewed. Sign in again to go on.');
      return false;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/**
 * An API answered 401 to {@code tokenUsed}: true when a newer token is there to retry with (renewed meanwhile, or
 * now); otherwise the session ends and the sign-in screen shows.
 */
export async function recoverFromUnauthorized(tokenUsed) {
  const current = getToken();
  if (current && current !== tokenUsed) return true;
  if (readSession() && (await renew()) && getToken() !== tokenUsed) return true;
  refuseToken(getToken());
  return false;
}

/** The APIs refuse {@code token} (401) even renewed: the sign-in screen, unless another sign-in replaced it. */
export function refuseToken(token) {
  if (token && getToken() === token) endSession('The server no longer accepts your sign-in (401). Sign in again to go on.');
}

/** Sends the browser to the identity provider; {@code returnTo} (the hash route) is shown after the round trip. */
export async function startSignIn(returnTo) {
  const settings = pageSettings();
  window.location.assign(await oidc.signInUrl({ issuer: settings.issuer, clientId: settings.clientId,
    redirectUri: redirectUri(), returnTo }));
}

/**
 * At page load: finishes the provider's answer to a sign-in (then shows the route asked for, without the code in the
 * address bar), and renews a stored session that is due.
 */
export async function initAuth() {
  const settings = pageSettings();
  if (oidc.isSignInAnswer(window.location.search)) {
    let returnTo = '#/dashboard';
    try {
      if (!settings.issuer) throw new oidc.SignInError('These pages have no identity provider configured.');
      const answer = await oidc.completeSignIn({ issuer: settings.issuer, clientId: settings.clientId,
        redirectUri: redirectUri() }, window.location.search);
      writeSession(answer.tokens);
      returnTo = answer.returnTo || returnTo;
    } catch (error) {
      // nothing was stored: a forged or stale answer does not end a session this tab already has
      notice = error.message;
      returnTo = error.returnTo || window.location.hash || returnTo;
    }
    window.history.replaceState(null, '', `${window.location.pathname}${returnTo.startsWith('#/') ? returnTo : '#/dashboard'}`);
  }
  const session = readSession();
  if (session && settings.issuer) {
    if (renewalDue(session) <= Date.now()) await renew();
    else scheduleRenewal(session);
  } else if (session) {
    clearAll();
  }
}

// A background tab's timers may be held back: catch up when it is shown again.
document.addEventListener('visibilitychange', () => {
  const session = readSession();
  if (document.visibilityState === 'visible' && session && renewalDue(session) <= Date.now()) renew();
});

/** Signs out: revokes the refresh token, clears this tab's storage, then ends the provider's session (RP-initiated logout). */
export async function signOut() {
  const session = readSession();
  const settings = pageSettings();
  if (!session || !settings.issuer) {
    setToken('');
    return;
  }
  window.clearTimeout(renewalTimer);
  try {
    await oidc.revoke(settings, session.refreshToken);
  } catch {
    // the provider unreachable: the tokens are dropped here all the same and expire on their own
  }
  clearAll();
  notice = '';
  let logout = null;
  try {
    logout = await oidc.logoutUrl(settings, session.idToken, redirectUri());
  } catch {
    logout = null;
  }
  if (logout) window.location.assign(logout);
  else changed();
}

/** The signed-in user from the access token's claims (the ID token's where the access token lacks one), or null. */
export function currentUser() {
  const token = getToken();
  if (!token) return null;
  const session = readSession();
  try {
    const claims = decodeClaims(token);
    let identity = {};
    if (session && session.idToken) {
      try { identity = decodeClaims(session.idToken); } catch { identity = {}; }
    }
    const expired = typeof claims.exp === 'number' && claims.exp * 1000 < Date.now();
    return {
      userId: claims.sub,
      orgId: claims.org_id,
      role: claims.org_role || 'member',
      name: claims.name || identity.name || claims.sub,
      email: claims.email || identity.email,
      expired: !session && expired,
      kind: session ? 'oidc' : 'dev',
    };
  } catch {
    return { invalid: true, role: 'member', name: 'Unreadable token', kind: session ? 'oidc' : 'dev' };
  }
}

export function seesOrganization(user) {
  return !!user && (user.role === 'head_of_sales' || user.role === 'admin');
}

export const ROLE_LABELS = { member: 'Member', head_of_sales: 'Head of Sales', admin: 'Admin' };
