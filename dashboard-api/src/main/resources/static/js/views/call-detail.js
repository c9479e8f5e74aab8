// #/calls/<id>: scores with checked evidence, a manager's review, coaching, summary, metrics, transcript and how the
// call was analyzed.
import { h, clear, safeUrl } from '../dom.js';
import { dashboard } from '../api.js';
import {
  criterionLabel, dateTime, duration, score, percent, decimal, clock, timestampToSeconds, playbackUrlAt,
  statusLabel, skipReasonLabel, sourceLabel, ATTRIBUTION_LABELS,
} from '../format.js';
import { statusBadge, outcomeBadge, errorBox, section } from './common.js';
import { markdownBlocks } from '../markdown.js';
import { reviewSection, reviewedScore } from './call-review.js';

const CAP = 2;

/** What a skip means for the reader, beside its short label. */
const SKIP_EXPLANATIONS = {
  no_transcript: 'Fathom sent no transcript for this recording, so there is nothing to evaluate.',
  internal_meeting: 'Only people from your company were invited: internal meetings are not scored as sales calls.',
  recorded_outside_org: 'Someone outside your organization recorded this call and shared it: it is listed, but scored for no one.',
  budget_exhausted: 'Your organization\'s daily analysis budget was used up when this call arrived.',
};

function textBlock(text, cls = 'prose') {
  return h('p', { class: cls }, text);
}

function list(items, cls) {
  const values = (items || []).filter((x) => x != null && x !== '');
  if (values.length === 0) return h('p', { class: 'muted' }, 'None.');
  return h('ul', { class: cls || 'bullets' }, values.map((x) => h('li', {}, String(x))));
}

/** Fathom's Markdown as DOM nodes (see markdown.js): text only, no HTML from the server. */
function markdown(text, props = {}) {
  return h('div', { class: 'markdown', ...props }, markdownBlocks(text).map((block) => {
    if (block.type === 'bullets') return h('ul', { class: 'bullets' }, block.items.map((item) => h('li', {}, item)));
    return h(block.type === 'heading' ? 'h4' : 'p', {}, block.text);
  }));
}

function timeLink(call, seconds, label) {
  if (seconds == null) return null;
  const href = safeUrl(playbackUrlAt(call, seconds));
  const text = label || clock(seconds);
  return href
    ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'timestamp', 'aria-label': `Open the recording at ${clock(seconds)}` }, text)
    : h('span', { class: 'timestamp' }, text);
}

/** Scrolls the transcript to a segment and marks it, without touching the route in the URL. */
function showSegment(event, index) {
  event.preventDefault();
  const target = document.getElementById(`seg-${index}`);
  if (!target) return;
  document.querySelectorAll('.transcript .segment-target').forEach((el) => el.classList.remove('segment-target'));
  target.classList.add('segment-target');
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

function evidenceItem(call, e) {
  const seconds = timestampToSeconds(e.timestamp);
  const index = Number.isInteger(e.segmentIndex) ? e.segmentIndex : null;
  const inTranscript = index != null && index >= 0 && index < (call.transcript || []).length;
  if (e.verified && inTranscript) {
    return h('li', { class: 'evidence-verified', 'data-verified': 'true' },
      h('q', {}, e.quote || ''), ' ',
      h('a', { href: `#seg-${index}`, class: 'segment-link', onclick: (event) => showSegment(event, index) }, 'Found in the transcript'),
      ' ', timeLink(call, seconds));
  }
  // Not found in the transcript: the model's own timestamp is not linked, it may point nowhere.
  return h('li', { class: 'evidence-unverified', 'data-verified': 'false' },
    h('q', { class: 'unverified' }, e.quote || ''), ' ',
    h('span', { class: 'badge unverified' }, 'Not found in the transcript'));
}

function injectionWarning(call) {
  if (!(call.reviewFlags || []).includes('possible_prompt_injection')) return null;
  return h('div', { class: 'alert warning', id: 'injection-warning', role: 'note' },
    h('strong', {}, 'Possible prompt injection. '),
    'The transcript, title or participant names contain text aimed at the AI evaluator (such as "ignore previous instructions"). '
    + 'The call was still scored: check these scores against the transcript before relying on them.');
}

function equalWeights(scores) {
  const weights = scores.map((s) => (s.weight == null ? 1 : Number(s.weight)));
  return weights.every((w) => w === weights[0]);
}

function overallExplanation(call) {
  const { evaluation } = call;
  const scores = evaluation.scores || [];
  const formula = equalWeights(scores)
    ? 'the average of the criteria brought to 0–100: 100 × Σ(score − 1) / (4 × number of criteria)'
    : 'the weighted average of the criteria brought to 0–100: 100 × Σ weight × (score − 1) / (4 × Σ weight)';
  const quotes = evaluation.quotesTotal
    ? ` ${evaluation.quotesVerified ?? 0} of ${evaluation.quotesTotal} quotes were found in the transcript.` : '';
  const reviewed = call.review
    ? ` After the manager's review, with their scores in place of the AI's: ${score(call.review.effectiveScore)} / 100, the score that counts.` : '';
  return h('p', { class: 'overall-explained', id: 'overall-explained' },
    h('strong', {}, `Overall ${score(evaluation.overallScore)} / 100`),
    ` — computed, not judged by the AI: ${formula}, after capping unsupported criteria at ${CAP}.${quotes}${reviewed}`);
}

function criterionCell(s) {
  return h('th', { scope: 'row' }, s.label || criterionLabel(s.criterion),
    s.supported === false ? h('span', { class: 'unsupported-note' },
      h('span', { class: 'badge unsupported' }, 'Unsupported'),
      ` No quote found in the transcript: capped at ${CAP} / 5.`) : null);
}

/** The reviewer's score of a criterion and their comment, beside the AI's. */
function reviewedCell(reviewed) {
  if (!reviewed) return h('td', { class: 'reviewed-cell muted' }, '—');
  return h('td', { class: 'reviewed-cell', 'data-reviewed-score': String(reviewed.score) },
    h('span', { class: 'score-value' }, `${reviewed.score} / 5`),
    reviewed.comment ? h('span', { class: 'cell-note' }, reviewed.comment) : null);
}

function scoresSection(call) {
  const evaluation = call.evaluation;
  if (!evaluation) {
    const why = call.status === 'skipped'
      ? `Not sent to the AI coach: ${skipReasonLabel(call.skipReason).toLowerCase()}, so there are no rubric scores.`
      : call.analysis?.mode === 'metrics-only'
        ? 'Metrics-only mode: no LLM evaluation is configured, so there are no rubric scores.'
        : 'No evaluation yet.';
    return section('Scores', 'scores-heading', h('p', { class: 'muted' }, why));
  }
  return section('Scores', 'scores-heading',
    injectionWarning(call),
    overallExplanation(call),
    h('table', { class: 'data-table scores' },
      h('caption', { class: 'visually-hidden' }, 'Rubric scores from 1 to 5 with evidence'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Criterion'), h('th', { scope: 'col' }, 'AI score'),
        call.review ? h('th', { scope: 'col' }, 'Reviewed') : null, h('th', { scope: 'col' }, 'Evidence'))),
      h('tbody', {}, (evaluation.scores || []).map((s) => h('tr', { 'data-criterion': s.criterion, 'data-supported': String(s.supported !== false) },
        criterionCell(s),
        h('td', { class: 'score-cell' },
          h('span', { class: 'score-value' }, `${s.score} / 5`),
          h('span', { class: 'score-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(0, Math.min(5, Number(s.score) || 0)) * 20}%` }))),
        call.review ? reviewedCell(reviewedScore(call, s.criterion)) : null,
        h('td', {}, (s.evidence || []).length === 0 ? h('span', { class: 'muted' }, '—')
          : h('ul', { class: 'evidence' }, s.evidence.map((e) => evidenceItem(call, e)))))))));
}

function metricsSection(call) {
  const m = call.metrics;
  if (!m) return section('Conversation metrics', 'metrics-heading', h('p', { class: 'muted' }, 'Not computed yet.'));
  if (m.available === false) {
    return section('Conversation metrics', 'metrics-heading',
      h('p', { class: 'alert info' }, `Metrics unavailable: ${m.unavailableReason || 'speakers could not be told apart'}`));
  }
  const ratio = m.repTalkRatio == null ? null : Math.max(0, Math.min(1, Number(m.repTalkRatio)));
  const monologue = m.longestMonologue;
  return section('Conversation metrics', 'metrics-heading',
    ratio == null ? null : h('div', { class: 'talk-ratio' },
      h('p', { id: 'talk-ratio-label' }, 'Rep talk ratio: ', h('strong', {}, percent(ratio))),
      h('div', { class: 'ratio-bar', role: 'meter', 'aria-labelledby': 'talk-ratio-label', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(Math.round(ratio * 100)) },
        h('span', { class: 'rep', style: `width:${ratio * 100}%` }),
        h('span', { class: 'others', style: `width:${(1 - ratio) * 100}%` })),
      h('p', { class: 'legend' }, h('span', { class: 'swatch rep', 'aria-hidden': 'true' }), ' Rep ', h('span', { class: 'swatch others', 'aria-hidden': 'true' }), ' Others')),
    h('dl', { class: 'metrics' },
      h('dt', {}, 'Longest monologue'), h('dd', {}, monologue ? `${duration(monologue.seconds)} (${monologue.speaker || 'unknown'})` : '—'),
      h('dt', {}, 'Rep questions'), h('dd', {}, m.repQuestions ?? '—'),
      h('dt', {}, 'Customer questions'), h('dd', {}, m.customerQuestions ?? '—'),
      h('dt', {}, 'Speaker switches / min'), h('dd', {}, decimal(m.speakerSwitchesPerMinute)),
      h('dt', {}, 'Words / min'), h('dd', {}, decimal(m.wordsPerMinute, 0)),
      h('dt', {}, 'Filler words'), h('dd', {}, m.fillerWordCount ?? '—')));
}

function transcriptSection(call) {
  const segments = call.transcript || [];
  return section('Transcript', 'transcript-heading',
    segments.length === 0 ? h('p', { class: 'muted' }, 'No transcript.')
      : h('ol', { class: 'transcript' }, segments.map((s, index) => h('li', { id: `seg-${index}`, tabindex: '-1' },
        h('p', { class: 'speaker' }, h('span', { class: 'speaker-name' }, s.speaker || 'Unknown speaker'),
          s.speakerEmail ? h('span', { class: 'muted' }, ` ${s.speakerEmail}`) : null, ' ',
          timeLink(call, s.offsetSeconds)),
        h('p', { class: 'utterance' }, s.text || '')))));
}

function highlightsSection(call) {
  const highlights = call.highlights || [];
  if (highlights.length === 0) return null;
  return section('Highlights (Fathom bookmarks)', 'highlights-heading',
    h('p', { class: 'help' }, 'Moments someone bookmarked in Fathom.'),
    h('ul', { class: 'bullets highlights' }, highlights.map((x) => h('li', {},
      x.type ? h('span', { class: 'badge highlight-type' }, x.type) : null, ' ',
      x.summary || x.text || '', ' ',
      timeLink(call, x.startSeconds == null ? null : Math.floor(x.startSeconds))))));
}

function evaluationSections(call) {
  const e = call.evaluation;
  if (!e) return [];
  return [
    section('Coaching', 'coaching-heading', textBlock(e.coaching || '—', 'prose coaching')),
    section('Summary', 'summary-heading', textBlock(e.summary || '—')),
    h('div', { class: 'grid-2' },
      section('Strengths', 'strengths-heading', list(e.strengths)),
      section('Improvements', 'improvements-heading', list(e.improvements))),
    h('div', { class: 'grid-2' },
      section('Next steps', 'next-steps-heading', (e.nextSteps || []).length === 0 ? h('p', { class: 'muted' }, 'None.')
        : h('table', { class: 'data-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Action'), h('th', { scope: 'col' }, 'Owner'))),
          h('tbody', {}, e.nextSteps.map((n) => h('tr', {}, h('td', {}, n.action || ''), h('td', {}, n.owner || '—')))))),
      section('Risks', 'risks-heading', list(e.risks))),
  ];
}

/** Fathom writes its summary and action items in English, whatever the language of the coaching. */
function fathomSections(call) {
  return [
    call.summaryMarkdown ? section('Fathom summary (English)', 'fathom-summary-heading', markdown(call.summaryMarkdown, { lang: 'en' })) : null,
    (call.actionItems || []).length ? section('Fathom action items (English)', 'action-items-heading', h('ul', { class: 'bullets', lang: 'en' },
      call.actionItems.map((i) => h('li', {}, i.description || '', i.assignee?.name ? ` — ${i.assignee.name}` : '',
        i.completed ? ' (done)' : '', ' ', timeLink(call, i.timestampSeconds))))) : null,
  ];
}

function statusAlerts(call) {
  if (call.status === 'failed') return h('div', { class: 'alert error', role: 'alert' }, `Analysis failed: ${call.failureReason || 'no reason given'}`);
  if (call.status === 'pending') return h('p', { class: 'alert info' }, 'Analysis in progress: this page updates by itself when it is done.');
  if (call.status === 'skipped') {
    return h('div', { class: 'alert info', id: 'skip-reason' },
      h('strong', {}, `Not analyzed: ${skipReasonLabel(call.skipReason)}. `),
      SKIP_EXPLANATIONS[call.skipReason] || 'This call was not sent to the AI coach.',
      ' Skipped calls count in no average.');
  }
  return null;
}

function attributionFact(call) {
  if (!call.attribution) return '—';
  return call.attribution === 'shared'
    ? h('span', { class: 'badge attribution-shared' }, ATTRIBUTION_LABELS.shared)
    : ATTRIBUTION_LABELS[call.attribution] || call.attribution;
}

function analysisSection(call) {
  const a = call.analysis;
  return section('Analysis', 'analysis-heading', a ? [h('dl', { class: 'metrics' },
    h('dt', {}, 'Mode'), h('dd', {}, a.mode === 'metrics-only' ? 'Metrics only (no LLM)' : a.mode === 'llm' ? 'LLM' : (a.mode || '—')),
    h('dt', {}, 'Model'), h('dd', {}, a.model || '—'),
    h('dt', {}, 'Prompt version'), h('dd', {}, a.promptVersion || '—'),
    h('dt', {}, 'Analyzed'), h('dd', {}, dateTime(a.analyzedAt)),
    call.evaluation?.scorecard ? [h('dt', {}, 'Scorecard'), h('dd', {}, `${call.evaluation.scorecard.name} v${call.evaluation.scorecard.version}`)] : null,
    call.evaluation?.language ? [h('dt', {}, 'Language'), h('dd', {}, call.evaluation.language)] : null,
    h('dt', {}, 'Source'), h('dd', {}, sourceLabel(call.source))),
  call.transcriptTruncated ? h('p', { class: 'alert info' }, 'The transcript is longer than the analysis cap: only its first part was analyzed.') : null]
    : h('p', { class: 'muted' }, 'Not analyzed yet.'));
}

/** The score that counts (a review's, else the AI's), and the AI's beside it when a review changed it. */
function scoreFact(call) {
  const ai = call.overallScore ?? call.evaluation?.overallScore;
  const counted = call.effectiveScore ?? ai;
  return [score(counted), call.review ? h('span', { class: 'cell-note score-origin' }, `Reviewed · AI ${score(ai)}`) : null];
}

function detailView(call, context) {
  const shareHref = safeUrl(call.url || call.shareUrl);
  return [
    h('p', {}, h('a', { href: '#/dashboard', class: 'back' }, '← Back to the dashboard')),
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', { tabindex: '-1' }, call.title || '(untitled call)'),
        h('p', { class: 'lead' }, `${call.repName || call.userId || ''} · ${dateTime(call.startedAt)} · ${duration(call.durationSeconds)}`),
        shareHref ? h('p', {}, h('a', { href: shareHref, target: '_blank', rel: 'noopener noreferrer' }, 'Open the recording in Fathom')) : null),
      h('dl', { class: 'call-facts' },
        h('div', {}, h('dt', {}, 'Status'), h('dd', { id: 'call-status' }, statusBadge(call.status))),
        h('div', {}, h('dt', {}, 'Overall score'), h('dd', { class: 'big-score', id: 'call-score' }, scoreFact(call))),
        h('div', {}, h('dt', {}, 'Outcome'), h('dd', {}, outcomeBadge(call.outcome ?? call.evaluation?.outcome))),
        h('div', {}, h('dt', {}, 'Team'), h('dd', { id: 'call-team' }, call.team || '—')),
        h('div', {}, h('dt', {}, 'Attribution'), h('dd', { id: 'call-attribution' }, attributionFact(call))),
        h('div', {}, h('dt', {}, 'External invitees'), h('dd', {}, call.externalInviteeCount ?? '—')))),
    statusAlerts(call),
    h('div', { class: 'detail-grid' },
      h('div', { class: 'detail-main' },
        scoresSection(call),
        reviewSection(call, context),
        ...evaluationSections(call),
        highlightsSection(call),
        ...fathomSections(call)),
      h('div', { class: 'detail-side' },
        metricsSection(call),
        (call.participants || []).length ? section('Participants', 'participants-heading', h('ul', { class: 'bullets' },
          call.participants.map((p) => h('li', {}, p.name || p.email || '—', p.external ? h('span', { class: 'badge neutral' }, 'external') : null)))) : null,
        analysisSection(call))),
    transcriptSection(call),
  ];
}

export function renderCallDetail(main, { params, user, live, announce, signal }) {
  const callId = params[0];
  let lastStatus = null;
  main.append(h('h1', { tabindex: '-1', class: 'visually-hidden' }, 'Call'), h('p', { class: 'muted' }, 'Loading…'));

  function render(call) {
    // a saved review shows at once from the answer: the read model applies it a moment later
    const onSaved = (review) => {
      render({ ...call, review, reviewed: true, effectiveScore: review.effectiveScore });
      main.querySelector('#review-summary').focus();
      announce(`Review saved: the call now scores ${score(review.effectiveScore)} out of 100`);
    };
    clear(main).append(...detailView(call, { user, onSaved, signal }).filter(Boolean));
  }

  async function load() {
    try {
      const call = await dashboard(`/api/calls/${encodeURIComponent(callId)}`, { signal });
      lastStatus = call.status;
      const focused = main.contains(document.activeElement);
      render(call);
      if (focused) main.querySelector('h1').focus({ preventScroll: true });
      document.title = `${call.title || 'Call'} · Call Intelligence`;
    } catch (error) {
      if (error.name === 'AbortError') return;
      clear(main).append(h('h1', { tabindex: '-1' }, 'Call'), errorBox(error.status === 404 ? 'This call does not exist or is not visible to you.' : error.message),
        h('p', {}, h('a', { href: '#/dashboard' }, '← Back to the dashboard')));
    }
  }

  const unsubscribe = live.subscribe((change) => {
    if (change.callId !== callId || change.status === lastStatus) return;
    announce(`This call is now ${statusLabel(change.status).toLowerCase()}`);
    load();
  });
  load();
  return unsubscribe;
}
