// A view's state in the hash route's query (#/dashboard?from=…&to=…): shareable, and the back button restores it.

/** The path and the query of a hash route: '#/calls?status=failed' → { path: '#/calls', query: { status: 'failed' } }. */
export function parseRoute(hash) {
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  const query = at < 0 ? {} : Object.fromEntries(new URLSearchParams(hash.slice(at + 1)));
  return { path, query };
}

/** The hash route of a path with these parameters, empty ones left out, in the given key order. */
export function routeHash(path, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value) !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Records a view's new state as a history entry without re-rendering the view (pushState fires no hashchange);
 * going back to the entry does fire hashchange, and the view is rendered again from that URL.
 */
export function pushRouteQuery(path, params) {
  const next = routeHash(path, params);
  if (next !== window.location.hash) window.history.pushState(null, '', next);
}
