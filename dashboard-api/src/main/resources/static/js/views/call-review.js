// A manager's review on the call page (#/calls/<id>): the review as everyone who sees the call reads it, and for a
// head of sales or an admin a form to score criteria in place of the AI's, with a comment each and a note for the rep
// (PUT /api/calls/<id>/review). The AI's scores stay beside the reviewed ones.
import { h, uid } from '../dom.js';
import { dashboard } from '../api.js';
import { seesOrganization } from '../auth.js';
import { criterionLabel, dateTime, score } from '../format.js';
import { section } from './common.js';

/** dashboard-api's limits (ReviewPolicy). */
export const MAX_COMMENT_CHARS = 1000;
export const MAX_NOTE_CHARS = 4000;
const POINTS = [1, 2, 3, 4, 5];

/** The reviewer's score of a criterion ({criterion, score, comment}), or undefined. */
export function reviewedScore(call, criterion) {
  return (call.review?.scores || []).find((s) => s.criterion === criterion);
}

/** Whether this user may review this call: a head of sales or an admin, on an evaluated call. */
export function canReview(user, call) {
  return seesOrganization(user) && call.status === 'evaluated' && !!call.evaluation;
}

function summary(call) {
  const review = call.review;
  const reviewer = review.by?.name || review.by?.userId || 'a manager';
  return h('div', { id: 'review-summary', class: 'review-summary', tabindex: '-1' },
    h('p', {}, 'Reviewed by ', h('strong', {}, reviewer), ` on ${dateTime(review.at)}. Score after the review: `,
      h('strong', { id: 'review-effective-score' }, `${score(review.effectiveScore)} / 100`),
      ` (the AI's: ${score(call.overallScore ?? call.evaluation?.overallScore)} / 100).`),
    review.note ? h('figure', { class: 'review-note' },
      h('blockquote', { id: 'review-note' }, h('p', { class: 'prose' }, review.note)),
      h('figcaption', {}, `— ${reviewer}`)) : null);
}

/** Marks the control a 400 problem names (scores[i].score of the i-th score sent, or note) as invalid. */
function markInvalid(field, sent, rows, note) {
  const match = /^scores\[(\d+)\]\.(\w+)$/.exec(field || '');
  const row = match && rows.find((r) => r.criterion === sent[Number(match[1])]?.criterion);
  const control = field === 'note' ? note : row && (match[2] === 'comment' ? row.comment : row.select);
  if (control) control.setAttribute('aria-invalid', 'true');
}

function form(call, { onSaved, signal }) {
  const errorId = uid('review-error');
  const error = h('p', { class: 'field-error', role: 'alert', id: errorId });
  const rows = (call.evaluation.scores || []).map((s) => {
    const label = s.label || criterionLabel(s.criterion);
    const current = reviewedScore(call, s.criterion);
    const scoreId = uid('review-score');
    const commentId = uid('review-comment');
    const select = h('select', { id: scoreId, name: `score-${s.criterion}`, 'aria-describedby': errorId },
      h('option', { value: '' }, `Keep the AI's (${s.score})`),
      POINTS.map((n) => h('option', { value: String(n) }, `${n} / 5`)));
    select.value = current ? String(current.score) : '';
    const comment = h('input', { id: commentId, type: 'text', name: `comment-${s.criterion}`, maxlength: String(MAX_COMMENT_CHARS),
      value: current?.comment || '', 'aria-describedby': errorId });
    const row = h('tr', { 'data-review-criterion': s.criterion },
      h('th', { scope: 'row' }, label),
      h('td', { class: 'num' }, `${s.score} / 5`),
      h('td', {}, h('label', { for: scoreId, class: 'visually-hidden' }, `Your score for ${label}`), select),
      h('td', {}, h('label', { for: commentId, class: 'visually-hidden' }, `Comment on ${label}`), comment));
    return { criterion: s.criterion, select, comment, row };
  });
  const noteId = uid('review-note');
  const note = h('textarea', { id: noteId, name: 'note', rows: '3', maxlength: String(MAX_NOTE_CHARS), 'aria-describedby': errorId });
  note.value = call.review?.note || '';
  const save = h('button', { type: 'submit', class: 'button primary', id: 'review-save' }, call.review ? 'Update the review' : 'Save the review');

  const element = h('form', { class: 'review-form', 'aria-label': 'Review the scores', onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    element.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    const scores = rows.filter((r) => r.select.value).map((r) => ({
      criterion: r.criterion, score: Number(r.select.value), comment: r.comment.value.trim() || null,
    }));
    save.disabled = true;
    try {
      const review = await dashboard(`/api/calls/${encodeURIComponent(call.callId)}/review`,
        { method: 'PUT', body: { scores, note: note.value.trim() || null }, signal });
      onSaved(review);
    } catch (e) {
      if (e.name === 'AbortError') return;
      markInvalid(e.problem?.field, scores, rows, note);
      error.textContent = `The review was not saved. ${e.message}`;
      save.disabled = false;
    }
  } },
  h('p', { class: 'help' }, 'Give a score only where you disagree with the AI; the others keep its score. Your scores count in the call\'s overall score, the averages and the trends; the AI\'s stay visible.'),
  h('div', { class: 'table-wrap' }, h('table', { class: 'data-table review-table' },
    h('caption', { class: 'visually-hidden' }, 'Your scores and comments beside the AI\'s, per criterion'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Criterion'), h('th', { scope: 'col', class: 'num' }, 'AI'),
      h('th', { scope: 'col' }, 'Your score'), h('th', { scope: 'col' }, 'Comment'))),
    h('tbody', {}, rows.map((r) => r.row)))),
  h('div', { class: 'field' }, h('label', { for: noteId }, 'Note for the rep'), note),
  h('div', { class: 'actions' }, save),
  error);
  return element;
}

/**
 * The "Manager review" card, or null when there is nothing to show: no review and no right to give one.
 * onSaved(review) is told the saved review (dashboard-api's 202 answer: {by, at, scores, note, effectiveScore}).
 */
export function reviewSection(call, { user, onSaved, signal }) {
  const reviewer = canReview(user, call);
  if (!call.review && !reviewer) return null;
  return section('Manager review', 'review-heading',
    call.review ? summary(call) : h('p', { class: 'muted', id: 'review-none' }, 'Not reviewed yet: the AI\'s scores count.'),
    reviewer ? form(call, { onSaved, signal }) : null);
}
