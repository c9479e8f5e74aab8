// Formatting of server values for display. Pure functions (no DOM), unit-tested in node.

export const OUTCOME_LABELS = {
  won: 'Won',
  advanced: 'Advanced',
  stalled: 'Stalled',
  lost: 'Lost',
  no_decision: 'No decision',
  not_a_sales_call: 'Not a sales call',
};

export const STATUS_LABELS = { pending: 'Pending', evaluated: 'Evaluated', failed: 'Failed', skipped: 'Skipped' };

/** Why a call was not sent to the AI coach (status skipped). */
export const SKIP_REASON_LABELS = {
  no_transcript: 'No transcript',
  internal_meeting: 'Internal meeting',
  recorded_outside_org: 'Recorded outside the organization',
  budget_exhausted: 'Daily analysis budget used up',
};

export const ATTRIBUTION_LABELS = { recorder: 'Recorded by the rep', shared: 'Shared with the rep' };

export const REVIEW_FLAG_LABELS = { possible_prompt_injection: 'Possible prompt injection' };

export const SOURCE_LABELS = { webhook: 'Webhook', import: 'Import', sync: 'Catch-up sync' };

export const CRITERION_LABELS = {
  discovery: 'Discovery',
  active_listening: 'Active listening',
  value_proposition: 'Value proposition',
  objection_handling: 'Objection handling',
  next_steps: 'Next steps',
};

export function outcomeLabel(outcome) {
  return outcome ? OUTCOME_LABELS[outcome] || String(outcome) : '—';
}

export function statusLabel(status) {
  return status ? STATUS_LABELS[status] || String(status) : '—';
}

export function skipReasonLabel(reason) {
  return reason ? SKIP_REASON_LABELS[reason] || String(reason).replace(/_/g, ' ') : '—';
}

export function sourceLabel(source) {
  return source ? SOURCE_LABELS[source] || String(source) : '—';
}

export function criterionLabel(criterion) {
  return criterion ? CRITERION_LABELS[criterion] || String(criterion).replace(/_/g, ' ') : '—';
}

/** 2700 → "45 min", 75 → "1 min 15 s", 3725 → "1 h 02 min". */
export function duration(seconds) {
  if (seconds == null || Number.isNaN(Number(seconds))) return '—';
  const total = Math.round(Number(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return s > 0 && m < 10 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/** Seconds → "MM:SS" or "H:MM:SS", for transcript offsets. */
export function clock(seconds) {
  if (seconds == null) return '';
  const total = Math.max(0, Math.round(Number(seconds)));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** "HH:MM:SS", "MM:SS", "SS" or a number → seconds; null when unreadable. */
export function timestampToSeconds(timestamp) {
  if (timestamp == null || timestamp === '') return null;
  if (typeof timestamp === 'number') return Number.isFinite(timestamp) ? Math.max(0, Math.floor(timestamp)) : null;
  const parts = String(timestamp).trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  return Math.floor(parts.reduce((acc, p) => acc * 60 + Number(p), 0));
}

/** A Fathom URL at a moment of the recording: url + ?timestamp=<seconds>. */
export function urlAt(url, seconds) {
  if (!url || seconds == null) return null;
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}timestamp=${seconds}`;
}

/**
 * Where a call plays from a moment: its calls URL (the pattern of Fathom's own recording_playback_url,
 * url?timestamp=N), else its share URL as before the calls URL was known.
 */
export function playbackUrlAt(call, seconds) {
  return urlAt(call?.url || call?.shareUrl, seconds);
}

export function score(value) {
  return value == null ? '—' : String(Math.round(Number(value)));
}

export function scoreChange(value) {
  if (value == null) return '—';
  const rounded = Math.round(Number(value) * 10) / 10;
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

/** 0..1 → "62 %". */
export function percent(ratio) {
  if (ratio == null || Number.isNaN(Number(ratio))) return '—';
  return `${Math.round(Number(ratio) * 100)} %`;
}

export function decimal(value, digits = 1) {
  if (value == null || Number.isNaN(Number(value))) return '—';
  return Number(value).toFixed(digits);
}

export function dateTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleString('en-GB', { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function shortDate(iso) {
  if (!iso) return '—';
  const date = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleDateString('en-GB', { day: '2-digit', month: 'short', timeZone: 'UTC' });
}

/** yyyy-mm-dd of a Date in UTC. */
export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}
