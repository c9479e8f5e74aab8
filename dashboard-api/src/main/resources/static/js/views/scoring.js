// #/settings/scoring: Settings → Scoring, the organization's analysis settings (analysis-service's
// GET/PUT /api/analysis/settings): the scorecard (a preset, or its criteria edited: label, description, weight, 3 to 8
// of them), the coaching language, whether internal meetings are analyzed and the daily token budget. Heads of sales
// and admins change them; members read them.
import { h, clear, uid } from '../dom.js';
import { analysis } from '../api.js';
import { seesOrganization } from '../auth.js';
import { errorBox } from './common.js';

const MIN_CRITERIA = 3;
const MAX_CRITERIA = 8;
const LANGUAGES = {
  fr: 'Français', en: 'English', de: 'Deutsch', es: 'Español', it: 'Italiano', nl: 'Nederlands', pt: 'Português',
};
const PRESET_LABELS = { default: 'Default (five criteria)', meddic: 'MEDDIC', spin: 'SPIN', bant: 'BANT' };

const presetLabel = (preset) => preset.label || PRESET_LABELS[preset.name] || preset.name;

/** "New calls will use meddic version 2." */
export function versionLine(scorecard) {
  return `New calls will use ${scorecard.name} version ${scorecard.version}.`;
}

/**
 * A 400's field errors as [{field, message}]: problem+json's `errors` [{field, detail}], or its one `field` beside
 * its `detail` (as dashboard-api's review answers).
 */
export function fieldErrors(problem) {
  if (!problem) return [];
  if (Array.isArray(problem.errors)) {
    return problem.errors.filter((e) => e && e.field).map((e) => ({ field: e.field, message: e.detail || e.message || '' }));
  }
  return problem.field ? [{ field: problem.field, message: problem.detail || '' }] : [];
}

const copyCriteria = (criteria) => criteria.map(({ key, label, description, weight }) => ({
  key, label: label || '', description: description || '', weight: weight ?? 1, fixedKey: true,
}));

export function renderScoring(main, { user, announce, signal }) {
  const editor = seesOrganization(user);
  const region = h('div', {});
  main.append(
    h('h1', { tabindex: '-1' }, 'Scoring'),
    h('p', { class: 'lead' }, 'What the AI coach scores your organization\'s calls on, and how.'),
    region);
  region.append(h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  Promise.all([
    analysis('/api/analysis/settings', { signal }),
    analysis('/api/analysis/scorecard-presets', { signal }),
  ]).then(([settings, presets]) => {
    clear(region).append(settingsForm(settings, Array.isArray(presets) ? presets : [], { editor, announce, signal }));
  }).catch((error) => {
    if (error.name === 'AbortError') return;
    clear(region).append(errorBox(`Could not load the scoring settings: ${error.message}`));
  });
}

function settingsForm(loaded, presets, { editor, announce, signal }) {
  const state = { name: loaded.scorecard.name, criteria: copyCriteria(loaded.scorecard.criteria || []) };
  const version = h('p', { id: 'scorecard-version', class: 'alert info', role: 'status' }, versionLine(loaded.scorecard));
  const result = h('div', { id: 'scoring-result', role: 'alert' });
  const criteriaList = h('ol', { class: 'criteria-list', id: 'criteria' });
  const addButton = h('button', { type: 'button', class: 'button secondary small', id: 'add-criterion', onclick: () => {
    state.criteria.push({ key: '', label: '', description: '', weight: 1, fixedKey: false });
    renderCriteria();
    criteriaList.querySelector('li:last-child input').focus();
  } }, 'Add a criterion');

  const nameId = uid('scorecard-name');
  const nameInput = h('input', { id: nameId, name: 'scorecardName', type: 'text', required: true, value: state.name,
    'data-field': 'scorecard.name', 'aria-describedby': `${nameId}-error`,
    oninput: (event) => { state.name = event.target.value; } });

  const presetId = uid('preset');
  const presetSelect = h('select', { id: presetId, name: 'preset' },
    presets.map((preset) => h('option', { value: preset.name }, presetLabel(preset))));
  if (presets.some((p) => p.name === state.name)) presetSelect.value = state.name;
  const usePreset = h('button', { type: 'button', class: 'button secondary', id: 'use-preset', onclick: () => {
    const preset = presets.find((p) => p.name === presetSelect.value);
    if (!preset) return;
    state.name = preset.name;
    nameInput.value = preset.name;
    state.criteria = copyCriteria(preset.criteria || []);
    renderCriteria();
    announce(`${presetLabel(preset)}: ${state.criteria.length} criteria. Save to use them for new calls.`);
  } }, 'Use this preset');

  const languageId = uid('language');
  const languages = { ...LANGUAGES };
  if (loaded.language && !languages[loaded.language]) languages[loaded.language] = loaded.language;
  const languageSelect = h('select', { id: languageId, name: 'language', 'data-field': 'language',
    'aria-describedby': `${languageId}-help ${languageId}-error` },
  Object.entries(languages).map(([code, label]) => h('option', { value: code }, label)));
  languageSelect.value = loaded.language || 'fr';

  const internalId = uid('internal');
  const internalInput = h('input', { id: internalId, name: 'analyzeInternalMeetings', type: 'checkbox',
    'data-field': 'analyzeInternalMeetings', 'aria-describedby': `${internalId}-help` });
  internalInput.checked = loaded.analyzeInternalMeetings === true;

  const budgetId = uid('budget');
  const budgetInput = h('input', { id: budgetId, name: 'dailyTokenBudget', type: 'number', min: '0', step: '1',
    inputmode: 'numeric', value: loaded.dailyTokenBudget ?? '', 'data-field': 'dailyTokenBudget',
    'aria-describedby': `${budgetId}-help ${budgetId}-error` });

  const save = h('button', { type: 'submit', class: 'button primary', id: 'save-scoring' }, 'Save');

  /** One input with its label and the place of its field error, named by the criterion's number. */
  function criterionField(index, name, label, control) {
    const id = uid(`criterion-${name}`);
    control.id = id;
    control.dataset.field = `scorecard.criteria[${index}].${name}`;
    control.setAttribute('aria-describedby', `${id}-error`);
    return h('div', { class: `field field-${name}` },
      h('label', { for: id }, label, h('span', { class: 'visually-hidden' }, ` of criterion ${index + 1}`)),
      control, h('p', { class: 'field-error', id: `${id}-error` }));
  }

  function criterionItem(criterion, index) {
    const key = criterion.fixedKey
      ? h('p', { class: 'criterion-key' }, h('code', {}, criterion.key))
      : criterionField(index, 'key', 'Key', h('input', { type: 'text', required: true, pattern: '[a-z][a-z0-9_]*',
        value: criterion.key, spellcheck: 'false', oninput: (e) => { criterion.key = e.target.value.trim(); } }));
    const description = h('textarea', { rows: '2', oninput: (e) => { criterion.description = e.target.value; } });
    description.value = criterion.description;
    return h('li', { class: 'criterion', 'data-key': criterion.key },
      key,
      h('div', { class: 'criterion-fields' },
        criterionField(index, 'label', 'Label', h('input', { type: 'text', required: true, value: criterion.label,
          oninput: (e) => { criterion.label = e.target.value; } })),
        criterionField(index, 'weight', 'Weight', h('input', { type: 'number', required: true, min: '0.1', step: '0.1',
          inputmode: 'decimal', value: String(criterion.weight), oninput: (e) => { criterion.weight = e.target.value; } })),
        criterionField(index, 'description', 'Description', description)),
      h('button', { type: 'button', class: 'button secondary small remove-criterion',
        disabled: state.criteria.length <= MIN_CRITERIA, onclick: () => {
          state.criteria.splice(index, 1);
          renderCriteria();
          addButton.focus();
        } }, 'Remove', h('span', { class: 'visually-hidden' }, ` criterion ${index + 1}`)));
  }

  function renderCriteria() {
    criteriaList.replaceChildren(...state.criteria.map(criterionItem));
    addButton.disabled = state.criteria.length >= MAX_CRITERIA;
  }

  function clearErrors() {
    clear(result);
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    form.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; });
  }

  /** Each field error beside its input; those of no input (the number of criteria, say) in the alert. */
  function showErrors(error) {
    const unplaced = [];
    for (const { field, message } of fieldErrors(error.problem)) {
      const input = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
      const place = input && form.querySelector(`#${CSS.escape(input.id)}-error`);
      if (!place) {
        unplaced.push(h('li', {}, `${field}: ${message}`));
        continue;
      }
      input.setAttribute('aria-invalid', 'true');
      place.textContent = message;
    }
    result.append(h('div', { class: 'alert error' }, `The settings were not saved. ${error.message}`,
      unplaced.length ? h('ul', {}, unplaced) : null));
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
  }

  const form = h('form', { class: 'scoring-form', 'aria-label': 'Scoring settings', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      clearErrors();
      const budget = budgetInput.value.trim();
      const body = {
        language: languageSelect.value,
        scorecard: {
          name: state.name.trim(),
          criteria: state.criteria.map(({ key, label, description, weight }) => ({
            key, label: label.trim(), description: description.trim(), weight: Number(weight),
          })),
        },
        analyzeInternalMeetings: internalInput.checked,
        dailyTokenBudget: budget === '' ? null : Number(budget),
      };
      save.disabled = true;
      try {
        const saved = await analysis('/api/analysis/settings', { method: 'PUT', body, signal })
          || await analysis('/api/analysis/settings', { signal });
        version.textContent = versionLine(saved.scorecard);
        state.criteria = copyCriteria(saved.scorecard.criteria || []);
        renderCriteria();
        result.append(h('div', { class: 'alert success', role: 'status' }, `Saved. ${versionLine(saved.scorecard)}`));
        announce(`Scoring saved. ${versionLine(saved.scorecard)}`);
      } catch (error) {
        if (error.name === 'AbortError') return;
        showErrors(error);
      } finally {
        save.disabled = false;
      }
    } },
  h('fieldset', { class: 'plain', disabled: !editor },
    h('legend', { class: 'visually-hidden' }, 'Scoring settings'),
    h('section', { class: 'card', 'aria-labelledby': 'scorecard-heading' },
      h('h2', { id: 'scorecard-heading' }, 'Scorecard'),
      h('div', { class: 'preset-row' },
        h('div', { class: 'field' }, h('label', { for: presetId }, 'Preset'), presetSelect), usePreset),
      h('div', { class: 'field' }, h('label', { for: nameId }, 'Scorecard name'), nameInput,
        h('p', { class: 'field-error', id: `${nameId}-error` })),
      h('h3', {}, `Criteria (${MIN_CRITERIA} to ${MAX_CRITERIA})`),
      h('p', { class: 'help' }, 'The AI coach scores each criterion 1 to 5 from its label and description; the overall '
        + 'score weighs the criteria by their weights.'),
      criteriaList,
      addButton),
    h('section', { class: 'card', 'aria-labelledby': 'analysis-heading' },
      h('h2', { id: 'analysis-heading' }, 'Analysis'),
      h('div', { class: 'field' }, h('label', { for: languageId }, 'Coaching language'), languageSelect,
        h('p', { class: 'help', id: `${languageId}-help` }, 'The language of the coaching, the summary and the criteria.'),
        h('p', { class: 'field-error', id: `${languageId}-error` })),
      h('div', { class: 'field checkbox' }, internalInput, h('label', { for: internalId }, 'Analyze internal meetings'),
        h('p', { class: 'help', id: `${internalId}-help` },
          'Off: meetings with only people of your company are skipped (no AI cost).')),
      h('div', { class: 'field' }, h('label', { for: budgetId }, 'Daily token budget'), budgetInput,
        h('p', { class: 'help', id: `${budgetId}-help` },
          'Tokens the AI coach may use per day for your organization; calls beyond it are skipped until the next day.'),
        h('p', { class: 'field-error', id: `${budgetId}-error` })))),
  editor ? h('div', { class: 'actions' }, save)
    : h('p', { class: 'help', id: 'scoring-read-only' },
      'Only a head of sales or an admin changes these settings; you see what your calls are scored on.'),
  result);
  renderCriteria();
  return h('div', {}, version, form);
}
