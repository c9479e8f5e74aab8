// The deployment's settings, served by dashboard-api (GET /config.json) from its environment: the OIDC issuer and
// client id, the integration API's and analysis-service's base URLs (empty: this origin, as behind the Ingress) and
// whether dev tokens are accepted.
let settings = null;

export async function loadSettings() {
  const response = await fetch('config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`the pages' settings (config.json) answered HTTP ${response.status}`);
  const body = await response.json();
  settings = Object.freeze({
    issuer: String(body.issuer || '').replace(/\/+$/, ''),
    clientId: String(body.clientId || ''),
    integrationApiUrl: String(body.integrationApiUrl || '').replace(/\/+$/, ''),
    analysisApiUrl: String(body.analysisApiUrl || '').replace(/\/+$/, ''),
    devTokensAccepted: body.devTokensAccepted === true,
  });
  return settings;
}

/** The settings loaded at start-up (defaults before: this origin, no issuer, no dev tokens). */
export function pageSettings() {
  return settings || { issuer: '', clientId: '', integrationApiUrl: '', analysisApiUrl: '', devTokensAccepted: false };
}
