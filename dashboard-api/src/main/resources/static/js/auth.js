// The dev sign-in: the JWT printed by ./run-local is pasted once and kept for this browser tab only.
const STORAGE_KEY = 'salesai.devToken';
const listeners = new Set();

export function getToken() {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function setToken(token) {
  const trimmed = String(token || '').trim().replace(/^Bearer\s+/i, '');
  if (trimmed) sessionStorage.setItem(STORAGE_KEY, trimmed);
  else sessionStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener(currentUser()));
}

export function onAuthChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The claims of a JWT's payload (not verified: the server does that). Throws on a malformed token. */
export function decodeClaims(token) {
  const parts = String(token).split('.');
  if (parts.length !== 3) throw new Error('A JWT has three dot-separated parts');
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  const claims = JSON.parse(new TextDecoder().decode(bytes));
  if (!claims || typeof claims !== 'object') throw new Error('The token payload is not a JSON object');
  return claims;
}

/** The signed-in user, or null. */
export function currentUser() {
  const token = getToken();
  if (!token) return null;
  try {
    const claims = decodeClaims(token);
    const expired = typeof claims.exp === 'number' && claims.exp * 1000 < Date.now();
    return {
      userId: claims.sub,
      orgId: claims.org_id,
      role: claims.org_role || 'member',
      name: claims.name || claims.sub,
      email: claims.email,
      expired,
    };
  } catch {
    return { invalid: true, role: 'member', name: 'Unreadable token' };
  }
}

export function seesOrganization(user) {
  return !!user && (user.role === 'head_of_sales' || user.role === 'admin');
}

export const ROLE_LABELS = { member: 'Member', head_of_sales: 'Head of Sales', admin: 'Admin' };
