// Server-Sent Events over fetch: EventSource cannot send an Authorization header, so the stream is read here.

/**
 * A text/event-stream parser (WHATWG rules): feed it decoded text chunks; it calls onEvent({type, data, id})
 * for each complete event. Comments (":heartbeat") and events without data are skipped.
 */
export function createEventStreamParser(onEvent, onRetry = () => {}) {
  let buffer = '';
  let type = '';
  let data = [];
  let lastId = '';

  function dispatch() {
    if (data.length > 0) onEvent({ type: type || 'message', data: data.join('\n'), id: lastId });
    type = '';
    data = [];
  }

  function line(text) {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return undefined;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
    return undefined;
  }

  return function feed(chunk) {
    buffer += chunk;
    let start = 0;
    for (let i = 0; i < buffer.length; i += 1) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      if (c === '\r' && i === buffer.length - 1) break; // a "\r\n" may be split across chunks
      line(buffer.slice(start, i));
      if (c === '\r' && buffer[i + 1] === '\n') i += 1;
      start = i + 1;
    }
    buffer = buffer.slice(start);
  };
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s ... capped at 30 s. */
export function backoffDelay(attempt, baseMs = 1000, maxMs = 30000, random = Math.random) {
  const exponential = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Opens the stream and keeps it open: reconnects with backoff after a drop or an error. onState receives
 * 'connecting' | 'open' | 'reconnecting' | 'unauthorized' | 'closed'. Returns {close()}.
 */
export function openEventStream(url, { headers = () => ({}), onEvent, onState = () => {} }) {
  let closed = false;
  let controller = null;
  let timer = null;
  let attempt = 0;
  let lastEventId = '';
  let baseDelay = 1000;

  async function connectOnce() {
    controller = new AbortController();
    const requestHeaders = { Accept: 'text/event-stream', ...headers() };
    if (lastEventId) requestHeaders['Last-Event-ID'] = lastEventId;
    const response = await fetch(url, { headers: requestHeaders, signal: controller.signal, cache: 'no-store' });
    if (response.status === 401 || response.status === 403) return 'unauthorized';
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    attempt = 0;
    onState('open');
    const feed = createEventStreamParser((event) => {
      if (event.id) lastEventId = event.id;
      onEvent(event);
    }, (retry) => { baseDelay = retry; });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      feed(decoder.decode(value, { stream: true }));
    }
    return 'ended';
  }

  async function run() {
    if (closed) return;
    onState('connecting');
    let result;
    try {
      result = await connectOnce();
    } catch (error) {
      result = 'error';
    }
    if (closed) return;
    if (result === 'unauthorized') {
      onState('unauthorized');
      return;
    }
    const delay = backoffDelay(attempt, baseDelay);
    attempt += 1;
    onState('reconnecting', delay);
    timer = setTimeout(run, delay);
  }

  run();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      if (controller) controller.abort();
      onState('closed');
    },
  };
}
