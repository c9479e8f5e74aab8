// A stand-in for the dev identity provider (Spring Authorization Server): discovery, a login form, the authorization
// code grant with PKCE (S256, a wrong verifier is refused), the refresh_token grant with rotation, revocation and
// RP-initiated logout, for one public client. Its tokens are HS256 JWTs carrying a session id (sid), so the mock
// APIs can refuse the tokens of a revoked session. A test fake: nothing here is meant for real use.
import { createServer } from 'node:http';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { claimsOf } from '../lib/tokens.mjs';

export const CLIENT_ID = 'call-intelligence-web';
export const PASSWORD = 'dev-password';
const SECRET = 'mock-provider-secret-of-at-least-32-characters';
const USERS = {
  alice: { sub: 'rep-alice', orgId: 'org-acme', role: 'member', name: 'Alice Martin', email: 'alice@acme-sales.test' },
  hugo: { sub: 'head-hugo', orgId: 'org-acme', role: 'head_of_sales', name: 'Hugo Bernard', email: 'hugo@acme-sales.test' },
};

const b64url = (value) => Buffer.from(value).toString('base64url');
const random = () => randomBytes(24).toString('base64url');
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function sign(claims) {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify(claims));
  return `${header}.${payload}.${createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url')}`;
}

async function form(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function loginPage(requestId, error = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Please sign in</title></head><body>
<h1>Please sign in</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/login"><input type="hidden" name="request" value="${escapeHtml(requestId)}">
<p><label for="username">Username</label> <input id="username" name="username" autocomplete="username"></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password"></p>
<button type="submit">Sign in</button></form></body></html>`;
}

/**
 * {@code pagesOrigin()}: the pages' origin, whose '/' is the only registered redirect and post-logout URI.
 * {@code accessTokenSeconds}: how long access (and ID) tokens live; short in tests, to see renewals.
 */
export async function startMockProvider({ pagesOrigin, accessTokenSeconds = 300, port = 0 }) {
  let issuer = '';
  const authorizeRequests = new Map();
  const codes = new Map();
  const grants = new Map(); // sid -> { user, refreshToken, usedRefreshTokens: Set, revoked }
  const log = { tokenRequests: [], revocations: [], logouts: [], refused: [] };
  const behaviour = { failRefresh: false, wrongNonce: false };

  const cors = () => ({ 'Access-Control-Allow-Origin': pagesOrigin(), 'Access-Control-Allow-Headers': 'Content-Type', Vary: 'Origin' });
  const json = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...cors() });
    res.end(JSON.stringify(body));
  };
  const oauthError = (res, error, description) => {
    log.refused.push(`${error}: ${description}`);
    json(res, 400, { error, error_description: description });
  };
  const redirectUri = () => `${pagesOrigin()}/`;

  function tokens(sid, nonce) {
    const grant = grants.get(sid);
    const now = Math.floor(Date.now() / 1000);
    const { user } = grant;
    const accessToken = sign({ iss: issuer, aud: 'call-intelligence', sub: user.sub, org_id: user.orgId, org_role: user.role,
      name: user.name, email: user.email, sid, jti: random(), iat: now, exp: now + accessTokenSeconds });
    const idToken = sign({ iss: issuer, aud: CLIENT_ID, sub: user.sub, name: user.name, email: user.email, sid,
      ...(nonce ? { nonce } : {}), iat: now, exp: now + accessTokenSeconds });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: accessTokenSeconds, refresh_token: grant.refreshToken,
      id_token: idToken, scope: 'openid profile email' };
  }

  function token(res, params) {
    log.tokenRequests.push(params.get('grant_type'));
    if (params.get('client_id') !== CLIENT_ID) return oauthError(res, 'invalid_client', 'unknown client');
    if (params.get('grant_type') === 'authorization_code') {
      const code = codes.get(params.get('code'));
      codes.delete(params.get('code'));
      if (!code) return oauthError(res, 'invalid_grant', 'unknown or used code');
      if (params.get('redirect_uri') !== code.redirectUri) return oauthError(res, 'invalid_grant', 'redirect_uri differs');
      const challenge = createHash('sha256').update(params.get('code_verifier') || '').digest('base64url');
      if (challenge !== code.challenge) return oauthError(res, 'invalid_grant', 'PKCE verification failed');
      const sid = random();
      grants.set(sid, { user: code.user, refreshToken: random(), usedRefreshTokens: new Set(), revoked: false });
      return json(res, 200, tokens(sid, behaviour.wrongNonce ? 'a-nonce-of-another-sign-in' : code.nonce));
    }
    if (params.get('grant_type') === 'refresh_token') {
      const presented = params.get('refresh_token');
      const entry = [...grants.entries()].find(([, g]) => g.refreshToken === presented || g.usedRefreshTokens.has(presented));
      if (!entry) return oauthError(res, 'invalid_grant', 'unknown refresh token');
      const [sid, grant] = entry;
      if (grant.revoked) return oauthError(res, 'invalid_grant', 'revoked');
      if (grant.refreshToken !== presented) return oauthError(res, 'invalid_grant', 'refresh token already used (rotated)');
      if (behaviour.failRefresh) return oauthError(res, 'invalid_grant', 'refresh refused by the test');
      grant.usedRefreshTokens.add(presented);
      grant.refreshToken = random();
      return json(res, 200, tokens(sid));
    }
    return oauthError(res, 'unsupported_grant_type', String(params.get('grant_type')));
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors(), 'Access-Control-Allow-Methods': 'GET, POST' });
      return res.end();
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`,
        revocation_endpoint: `${issuer}/revoke`, end_session_endpoint: `${issuer}/logout`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'], code_challenge_methods_supported: ['S256'],
        grant_types_supported: ['authorization_code', 'refresh_token'] });
    }
    if (url.pathname === '/authorize' && req.method === 'GET') {
      const p = url.searchParams;
      const refuse = (why) => {
        log.refused.push(why);
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end(why);
      };
      if (p.get('client_id') !== CLIENT_ID) return refuse('unknown client');
      if (p.get('redirect_uri') !== redirectUri()) return refuse(`unregistered redirect_uri ${p.get('redirect_uri')}`);
      if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) {
        return refuse('code flow with PKCE S256 only');
      }
      const id = random();
      authorizeRequests.set(id, Object.fromEntries(p));
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(loginPage(id));
    }
    if (url.pathname === '/login' && req.method === 'POST') {
      const p = await form(req);
      const request = authorizeRequests.get(p.get('request'));
      const user = USERS[p.get('username')];
      if (!request) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        return res.end('unknown sign-in request');
      }
      if (!user || p.get('password') !== PASSWORD) {
        res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(loginPage(p.get('request'), 'Invalid username or password'));
      }
      authorizeRequests.delete(p.get('request'));
      const code = random();
      codes.set(code, { user, challenge: request.code_challenge, nonce: request.nonce, redirectUri: request.redirect_uri });
      const back = new URL(request.redirect_uri);
      back.search = new URLSearchParams({ code, state: request.state }).toString();
      res.writeHead(302, { Location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') return token(res, await form(req));
    if (url.pathname === '/revoke' && req.method === 'POST') {
      const presented = (await form(req)).get('token');
      log.revocations.push(presented);
      for (const grant of grants.values()) {
        if (grant.refreshToken === presented || grant.usedRefreshTokens.has(presented)) grant.revoked = true;
      }
      res.writeHead(200, cors());
      return res.end();
    }
    if (url.pathname === '/logout' && req.method === 'GET') {
      const hint = claimsOf(url.searchParams.get('id_token_hint'));
      const target = url.searchParams.get('post_logout_redirect_uri');
      if (!hint || !grants.has(hint.sid) || target !== redirectUri()) {
        log.refused.push('logout: unknown id_token_hint or unregistered post_logout_redirect_uri');
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        return res.end('bad logout request');
      }
      log.logouts.push(hint.sid);
      res.writeHead(302, { Location: target });
      return res.end();
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found');
  });

  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  issuer = `http://127.0.0.1:${server.address().port}`;

  return {
    get issuer() { return issuer; },
    log,
    behaviour,
    /** The claims of one of this provider's access tokens if it is genuine, unexpired and of a live session, else null. */
    verifyAccessToken(tokenText) {
      const [header, payload, signature] = String(tokenText).split('.');
      if (!signature || createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url') !== signature) return null;
      const claims = claimsOf(tokenText);
      const grant = claims && grants.get(claims.sid);
      if (!grant || grant.revoked || claims.exp * 1000 <= Date.now()) return null;
      return claims;
    },
    /** Whether a token claims to come from this provider (its issuer), so it is checked by it, not decoded as a dev token. */
    issued(tokenText) {
      const claims = claimsOf(tokenText);
      return !!claims && claims.iss === issuer;
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((ok) => server.close(ok));
    },
  };
}
