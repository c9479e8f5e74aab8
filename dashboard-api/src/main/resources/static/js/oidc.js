// OpenID Connect for the pages, as a public client: authorization code + PKCE (S256), the refresh_token grant (the
// provider rotates refresh tokens), revocation, RP-initiated logout. No DOM here; auth.js keeps the session.
//
// Hand-written instead of a vendored library (oidc-client-ts and the like): the pages have no build step and a CSP
// that allows only their own scripts, so a library would be a minified copy to keep patched by hand; the four
// requests they need are short and standard, and every line that touches a token stays here to read and review.

import { decodeClaims } from './jwt.js';

/** The verifier, state and nonce of the one sign-in in progress in this tab, kept only for the round trip. */
const PENDING_KEY = 'salesai.oidc.pending';
const discoveries = new Map();

/** A sign-in that cannot go on; {@code message} is written for the person signing in. */
export class SignInError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SignInError';
  }
}

const trimSlash = (url) => String(url).replace(/\/+$/, '');

function base64url(bytes) {
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function s256(verifier) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

async function fetchJson(url, init) {
  let response;
  try {
    response = await fetch(url, { ...init, cache: 'no-store' });
  } catch (error) {
    throw new SignInError(`The identity provider cannot be reached (${error.message || 'network error'}).`);
  }
  const body = await response.json().catch(() => null);
  return { status: response.status, ok: response.ok, body };
}

/** The issuer's discovery document, once per page load; its issuer must be the one configured. */
export function discover(issuer) {
  if (!discoveries.has(issuer)) {
    const loading = fetchJson(`${trimSlash(issuer)}/.well-known/openid-configuration`).then(({ ok, status, body }) => {
      if (!ok || !body) throw new SignInError(`The identity provider's discovery document answered HTTP ${status}.`);
      if (trimSlash(body.issuer) !== trimSlash(issuer)) {
        throw new SignInError(`The identity provider says it is ${body.issuer}, not the configured ${issuer}.`);
      }
      return body;
    });
    loading.catch(() => discoveries.delete(issuer));
    discoveries.set(issuer, loading);
  }
  return discoveries.get(issuer);
}

/** The URL of the provider's sign-in; {@code returnTo} (the hash route) comes back with the state. */
export async function signInUrl({ issuer, clientId, redirectUri, returnTo }) {
  const provider = await discover(issuer);
  const pending = { state: randomToken(), nonce: randomToken(), verifier: randomToken(), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await s256(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** Whether this page load is the provider's answer to a sign-in (?code=… or ?error=…). */
export function isSignInAnswer(search) {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

function takePending() {
  const text = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The ID token must be for this client, from this issuer, unexpired, and (after sign-in) carry our nonce. */
function checkIdToken(idToken, { issuer, clientId }, nonce) {
  let claims;
  try {
    claims = decodeClaims(idToken);
  } catch (error) {
    throw new SignInError(`The identity provider's ID token is unreadable (${error.message}).`);
  }
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (trimSlash(claims.iss) !== trimSlash(issuer)) throw new SignInError('The ID token comes from another issuer.');
  if (!audience.includes(clientId)) throw new SignInError('The ID token was issued for another client.');
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) throw new SignInError('The ID token has expired.');
  if (nonce !== undefined && claims.nonce !== nonce) throw new SignInError('The ID token does not answer this sign-in (nonce mismatch).');
}

/** What auth.js stores: the tokens and when the access token expires (from expires_in, else its exp claim). */
function tokenSet(body, previous = {}) {
  if (!body || !body.access_token) throw new SignInError('The identity provider answered without an access token.');
  let expiresAt;
  if (Number(body.expires_in) > 0) expiresAt = Date.now() + Number(body.expires_in) * 1000;
  else {
    try { expiresAt = decodeClaims(body.access_token).exp * 1000; } catch { expiresAt = Date.now() + 5 * 60 * 1000; }
  }
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token || previous.refreshToken || null,
    idToken: body.id_token || previous.idToken || null,
    expiresAt,
    issuedAt: Date.now(),
  };
}

async function tokenRequest(issuer, form) {
  const provider = await discover(issuer);
  return fetchJson(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
}

/**
 * Finishes the sign-in this tab started: the state must be the one it sent (else nothing is exchanged), the code is
 * redeemed with the PKCE verifier, the ID token must carry the nonce. Returns {tokens, returnTo}.
 */
export async function completeSignIn({ issuer, clientId, redirectUri }, search) {
  const params = new URLSearchParams(search);
  const pending = takePending();
  if (!pending || !params.get('state') || params.get('state') !== pending.state) {
    throw new SignInError('Sign-in refused: the answer from the identity provider does not belong to a sign-in '
      + 'started in this tab (state mismatch). Nothing was exchanged; sign in again.');
  }
  try {
    return { tokens: await redeem({ issuer, clientId, redirectUri }, params, pending), returnTo: pending.returnTo };
  } catch (error) {
    // past the state check the route asked for is known: the sign-in screen shows there
    const refusal = error instanceof SignInError ? error : new SignInError(`The sign-in failed: ${error.message}.`);
    throw Object.assign(refusal, { returnTo: pending.returnTo });
  }
}

async function redeem({ issuer, clientId, redirectUri }, params, pending) {
  if (params.has('error')) {
    const description = params.get('error_description');
    throw new SignInError(`The identity provider refused the sign-in: ${description || params.get('error')}.`);
  }
  const { ok, status, body } = await tokenRequest(issuer, {
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: pending.verifier,
  });
  if (!ok) {
    throw new SignInError(`The identity provider did not accept the sign-in code (HTTP ${status}${body && body.error ? `, ${body.error}` : ''}).`);
  }
  const tokens = tokenSet(body);
  if (!tokens.idToken) throw new SignInError('The identity provider answered without an ID token.');
  checkIdToken(tokens.idToken, { issuer, clientId }, pending.nonce);
  return tokens;
}

/** Renews with the refresh_token grant; the answer's refresh token replaces the used one (rotation). */
export async function refresh({ issuer, clientId }, previous) {
  const { ok, status, body } = await tokenRequest(issuer, {
    grant_type: 'refresh_token',
    refresh_token: previous.refreshToken,
    client_id: clientId,
  });
  if (!ok) throw new SignInError(`Renewing the sign-in failed (HTTP ${status}${body && body.error ? `, ${body.error}` : ''}).`);
  const tokens = tokenSet(body, previous);
  if (body.id_token) checkIdToken(tokens.idToken, { issuer, clientId });
  return tokens;
}

/** Revokes the refresh token (RFC 7009); true when the provider confirmed. */
export async function revoke({ issuer, clientId }, refreshToken) {
  const provider = await discover(issuer);
  if (!provider.revocation_endpoint || !refreshToken) return false;
  const { ok } = await fetchJson(provider.revocation_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token', client_id: clientId }).toString(),
  });
  return ok;
}

/** The provider's RP-initiated logout, back to {@code postLogoutRedirectUri}; null where it has none. */
export async function logoutUrl({ issuer, clientId }, idToken, postLogoutRedirectUri) {
  const provider = await discover(issuer);
  if (!provider.end_session_endpoint) return null;
  const url = new URL(provider.end_session_endpoint);
  const params = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: clientId };
  if (idToken) params.id_token_hint = idToken;
  url.search = new URLSearchParams(params).toString();
  return url.toString();
}
