// Calls to dashboard-api (this origin), integration-service and analysis-service (the served integrationApiUrl and
// analysisApiUrl, else this origin), with the bearer token. A 401 is retried once with a renewed token; then the
// sign-in screen shows (auth.js).
import { getToken, recoverFromUnauthorized, refuseToken } from './auth.js';
import { pageSettings } from './page-settings.js';

/** A failed request, with a readable message taken from problem+json (detail, else title) where there is one. */
export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || null;
  }
}

function describeProblem(status, body, fallbackText) {
  if (body && typeof body === 'object') {
    const detail = body.detail || body.message;
    const title = body.title || body.error;
    if (detail && title && detail !== title) return `${title}: ${detail}`;
    if (detail || title) return String(detail || title);
  }
  if (status === 401) return 'Not signed in or sign-in rejected (401): sign in again.';
  if (status === 403) return 'Not allowed (403).';
  if (status === 404) return 'Not found (404).';
  return fallbackText ? `HTTP ${status}: ${fallbackText.slice(0, 200)}` : `HTTP ${status}`;
}

async function request(base, path, options = {}, retried = false) {
  const { method = 'GET', body, signal } = options;
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, `Cannot reach ${base || window.location.origin} (${error.message || 'network error'}).`);
  }
  if (response.status === 401 && token) {
    if (!retried && (await recoverFromUnauthorized(token))) return request(base, path, options, true);
    if (retried) refuseToken(token);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const text = await response.text();
  let data = null;
  if (text && type.includes('json')) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) throw new ApiError(response.status, describeProblem(response.status, data, data ? '' : text), data);
  return data;
}

/** A file from dashboard-api (an export), with the bearer token: its Blob and the name Content-Disposition gives. */
export async function dashboardFile(path, { signal, fallbackName = 'download' } = {}) {
  const headers = { Accept: 'text/csv, application/problem+json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { headers, signal, cache: 'no-store' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, `Cannot reach ${window.location.origin} (${error.message || 'network error'}).`);
  }
  if (!response.ok) {
    const text = await response.text();
    let data = null;
    try { data = JSON.parse(text); } catch { data = null; }
    throw new ApiError(response.status, describeProblem(response.status, data, data ? '' : text), data);
  }
  const disposition = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  return { blob: await response.blob(), filename: disposition ? disposition[1] : fallbackName };
}

/** dashboard-api serves these pages: its paths are relative to this origin. */
export function dashboardUrl(path) {
  return path;
}

export const dashboard = (path, options) => request('', path, options);
export const integration = (path, options) => request(pageSettings().integrationApiUrl, path, options);
export const analysis = (path, options) => request(pageSettings().analysisApiUrl, path, options);

/** ?a=1&b=2 from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
