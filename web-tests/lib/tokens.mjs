// HS256 JWTs with the claims the services expect; the mock only decodes them, the real stack prints its own.
import { createHmac } from 'node:crypto';

const b64url = (value) => Buffer.from(value).toString('base64url');

export function mintToken({ sub, orgId = 'org-acme', role = 'member', name, email }, secret = 'mock-secret-of-at-least-32-characters!') {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub, org_id: orgId, org_role: role, name, email, iat: now, exp: now + 3600 }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function claimsOf(token) {
  const part = String(token || '').split('.')[1];
  if (!part) return null;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

export const MOCK_USERS = {
  head: { sub: 'head-hugo', role: 'head_of_sales', name: 'Hugo Bernard', email: 'hugo@acme-sales.test' },
  alice: { sub: 'rep-alice', role: 'member', name: 'Alice Martin', email: 'alice@acme-sales.test' },
};
