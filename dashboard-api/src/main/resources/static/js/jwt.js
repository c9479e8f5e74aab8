// Reading a JWT's claims in the page. Nothing here verifies a signature: the APIs do that for access tokens, and the
// ID token comes straight from the issuer's token endpoint over the connection the page opened (OIDC Core 3.1.3.7).

/** The claims of a JWT's payload. Throws on a malformed token. */
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
