// One live connection to GET /api/calls/stream per signed-in tab; views subscribe to its call-status events.
import { openEventStream } from './sse.js';
import { dashboardUrl } from './api.js';
import { getToken } from './auth.js';

const STATE_TEXT = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Live refused',
  closed: 'Offline',
};
const STATE_TITLE = {
  connecting: 'Live updates: connecting',
  open: 'Live updates on: call status changes appear without reloading',
  reconnecting: 'Live updates: connection lost, reconnecting',
  unauthorized: 'Live updates refused: the token was rejected',
  closed: 'Live updates off',
};

export function createLiveCalls(indicator) {
  const subscribers = new Set();
  let stream = null;

  function setState(state) {
    indicator.dataset.state = state;
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` (${STATE_TITLE[state] || state})`;
    indicator.replaceChildren(STATE_TEXT[state] || state, hidden);
    indicator.title = STATE_TITLE[state] || state;
  }

  function onEvent(event) {
    if (event.type !== 'call-status') return;
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!data || !data.callId) return;
    subscribers.forEach((listener) => listener(data));
  }

  return {
    start() {
      this.stop();
      if (!getToken()) return;
      stream = openEventStream(dashboardUrl('/api/calls/stream'), {
        headers: () => ({ Authorization: `Bearer ${getToken()}` }),
        onEvent,
        onState: setState,
      });
    },
    stop() {
      if (stream) stream.close();
      stream = null;
      setState('closed');
    },
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
  };
}
