// #/settings: Settings → Webhooks → Fathom.video. Test, save, import and disconnect the caller's Fathom integration.
import { h, clear } from '../dom.js';
import { integration } from '../api.js';
import { dateTime } from '../format.js';
import { errorBox } from './common.js';

const POLL_MS = 1000;
const DONE = new Set(['completed', 'succeeded', 'failed', 'cancelled']);
const TEAM_RECORDINGS_WHY = 'Sur les offres Team de Fathom, vos enregistrements partagés avec une équipe ne sont envoyés que si cette option est cochée.';

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function facts(entries) {
  return h('dl', { class: 'facts' }, entries.filter(([, v]) => v != null && v !== '').map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

export function renderSettings(main, { announce, signal }) {
  let pollTimer = null;
  let connected = false;
  const statusRegion = h('div', { id: 'integration-status' });
  const result = h('div', { id: 'connection-result', class: 'result', role: 'status', 'aria-live': 'polite' });
  const importResult = h('div', { id: 'import-progress', class: 'result', role: 'status', 'aria-live': 'polite' });
  const keyInput = h('input', { id: 'fathom-api-key', name: 'apiKey', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'fathom-api-key-help' });
  const testButton = h('button', { type: 'button', class: 'button secondary', id: 'test-connection' }, 'Test Connection');
  const saveButton = h('button', { type: 'submit', class: 'button primary', id: 'save-configuration' }, 'Save Configuration');
  const teamInput = h('input', { id: 'team-recordings', name: 'teamRecordings', type: 'checkbox', 'aria-describedby': 'team-recordings-help' });
  const emailInput = h('input', { id: 'fathom-email', name: 'fathomEmail', type: 'email', autocomplete: 'email', required: true, 'aria-describedby': 'fathom-email-help' });
  const emailButton = h('button', { type: 'submit', class: 'button secondary', id: 'correct-fathom-email' }, 'Corriger l’adresse');
  const emailResult = h('div', { id: 'fathom-email-result', role: 'status', 'aria-live': 'polite' });
  const importMax = h('input', { id: 'import-max', name: 'maxMeetings', type: 'number', min: '1', max: '50', value: '50', required: true });
  const importButton = h('button', { type: 'submit', class: 'button primary', id: 'import-calls' }, 'Import Historical Calls');
  const disconnectButton = h('button', { type: 'button', class: 'button danger', id: 'disconnect' }, 'Disconnect');

  function busy(button, on, text) {
    button.disabled = on;
    if (on) {
      button.dataset.label = button.textContent;
      button.textContent = text;
    } else if (button.dataset.label) {
      button.textContent = button.dataset.label;
    }
  }

  function showResult(kind, ...content) {
    clear(result).append(h('div', { class: `alert ${kind}` }, ...content));
  }

  function apiKey() {
    const value = keyInput.value.trim();
    if (!value) {
      showResult('error', 'Enter your Fathom API key first.');
      keyInput.setAttribute('aria-invalid', 'true');
      keyInput.focus();
      return null;
    }
    keyInput.removeAttribute('aria-invalid');
    return value;
  }

  async function loadStatus() {
    try {
      const view = await integration('/api/integrations/fathom', { signal });
      renderStatus(view);
    } catch (error) {
      if (error.name === 'AbortError') return;
      if (error.status === 404) renderStatus(null);
      else clear(statusRegion).append(errorBox(`Could not read the integration: ${error.message}`));
    }
  }

  // Which address calls are credited by, a warning when no recent meeting was recorded with it, and its correction.
  function creditRegion(view) {
    const region = h('div', { id: 'fathom-credit' },
      h('p', { id: 'fathom-email-line' }, view.fathomEmail
        ? ['Vos enregistrements vous sont crédités sous l’adresse Fathom ', h('strong', { class: 'mono' }, view.fathomEmail), '.']
        : 'Aucune adresse Fathom n’est connue : vos enregistrements ne peuvent pas vous être crédités.'));
    if (view.recorderEmailSeen === false) {
      const seen = (view.recorderEmailsSeen || []).join(', ');
      region.append(h('div', { class: 'alert error', id: 'fathom-email-warning', role: 'alert' },
        h('strong', {}, 'Cette adresse n’apparaît dans aucune de vos réunions Fathom récentes. '),
        `Enregistreurs vus : ${seen || '—'}. Si vous enregistrez sous une autre adresse, corrigez-la : sinon vos appels compteront comme partagés et ne seront pas évalués.`));
    }
    emailInput.value = view.fathomEmail || '';
    region.append(h('form', { class: 'inline-form', novalidate: true, onsubmit: correctEmail },
      h('div', { class: 'field' }, h('label', { for: 'fathom-email' }, 'Adresse e-mail Fathom'), emailInput),
      emailButton),
    h('p', { id: 'fathom-email-help', class: 'help' }, 'L’adresse avec laquelle vous enregistrez dans Fathom (champ « recorded by »).'),
    emailResult);
    return region;
  }

  function lastSync(view) {
    if (!view.lastSyncAt) return 'pas encore';
    return h('span', { id: 'last-sync' }, `${dateTime(view.lastSyncAt)} — ${plural(view.lastSyncRecovered || 0, 'appel récupéré', 'appels récupérés')}`);
  }

  function renderStatus(view) {
    connected = !!view && view.status !== 'disabled';
    clear(statusRegion);
    if (!view) {
      statusRegion.append(h('p', {}, h('span', { class: 'badge status-none' }, 'Not connected'), ' Add your Fathom API key below.'));
    } else {
      const last = view.lastImport;
      teamInput.checked = !!view.teamRecordings;
      statusRegion.append(facts([
        ['Status', h('span', { class: `badge integration-${view.status}` }, view.status === 'active' ? 'Connected' : view.status)],
        ['API key', view.maskedApiKey ? h('span', { class: 'mono' }, view.maskedApiKey) : null],
        ['Webhook id', view.webhookId ? h('span', { class: 'mono', id: 'status-webhook-id' }, view.webhookId) : null],
        ['Destination URL', view.destinationUrl ? h('span', { class: 'mono break' }, view.destinationUrl) : null],
        ['Connected since', view.createdAt ? dateTime(view.createdAt) : null],
        ['Enregistrements d’équipe', h('span', { id: 'status-team-recordings' }, view.teamRecordings ? 'oui' : 'non')],
        ['Dernière synchronisation', lastSync(view)],
        ['Last import', last ? `${last.status}: ${last.imported} imported, ${last.skippedDuplicates} skipped, ${last.failed} failed (${dateTime(last.finishedAt || last.startedAt)})` : null],
      ]), creditRegion(view));
    }
    disconnectButton.hidden = !connected;
    importButton.disabled = !connected;
    importHint.hidden = connected;
  }

  async function correctEmail(event) {
    event.preventDefault();
    const fathomEmail = emailInput.value.trim();
    if (!fathomEmail || !emailInput.checkValidity()) {
      emailInput.setAttribute('aria-invalid', 'true');
      clear(emailResult).append(h('p', { class: 'field-error' }, 'Saisissez une adresse e-mail valide.'));
      emailInput.focus();
      return;
    }
    emailInput.removeAttribute('aria-invalid');
    busy(emailButton, true, 'Correction…');
    try {
      const view = await integration('/api/integrations/fathom', { method: 'PATCH', body: { fathomEmail }, signal });
      renderStatus(view);
      clear(emailResult).append(h('p', { class: 'alert success' }, `Adresse Fathom corrigée : ${view.fathomEmail}`));
      announce(`Adresse Fathom corrigée : ${view.fathomEmail}`);
    } catch (error) {
      if (error.name !== 'AbortError') clear(emailResult).append(h('p', { class: 'alert error' }, error.message));
    } finally {
      busy(emailButton, false);
    }
  }

  async function testConnection() {
    const key = apiKey();
    if (!key) return;
    busy(testButton, true, 'Testing…');
    clear(result).append(h('p', { class: 'muted' }, 'Testing the connection…'));
    try {
      const verdict = await integration('/api/integrations/fathom/test', { method: 'POST', body: { apiKey: key }, signal });
      if (verdict.success) {
        showResult('success', h('strong', {}, verdict.message), verdict.meetingsFound != null ? h('span', { class: 'meetings-found' }, ` — ${verdict.meetingsFound} meeting${verdict.meetingsFound === 1 ? '' : 's'} found`) : null);
      } else {
        showResult('error', h('strong', {}, verdict.message || 'Connection failed'),
          verdict.retryAfterSeconds != null ? ` — try again in ${verdict.retryAfterSeconds} s` : null);
      }
    } catch (error) {
      if (error.name !== 'AbortError') showResult('error', error.message);
    } finally {
      busy(testButton, false);
    }
  }

  async function save(event) {
    event.preventDefault();
    const key = apiKey();
    if (!key) return;
    busy(saveButton, true, 'Saving…');
    clear(result).append(h('p', { class: 'muted' }, 'Checking the key and creating the webhook…'));
    try {
      const saved = await integration('/api/integrations/fathom', { method: 'PUT', body: { apiKey: key, teamRecordings: teamInput.checked }, signal });
      keyInput.value = '';
      showResult('success', h('strong', {}, 'Webhook automatically created'),
        facts([['Webhook id', h('span', { class: 'mono', id: 'saved-webhook-id' }, saved.webhookId || '—')],
          ['Destination URL', h('span', { class: 'mono break', id: 'saved-destination' }, saved.destinationUrl || '—')],
          ['Status', saved.status || '—'],
          ['Enregistrements d’équipe', saved.teamRecordings ? 'oui' : 'non']]));
      announce('Fathom integration saved, webhook created');
      loadStatus();
    } catch (error) {
      if (error.name !== 'AbortError') showResult('error', error.message);
    } finally {
      busy(saveButton, false);
    }
  }

  function renderJob(job) {
    const processed = (job.imported || 0) + (job.skippedDuplicates || 0) + (job.failed || 0);
    const requested = Math.max(job.requested || 0, processed, 1);
    const done = DONE.has(String(job.status).toLowerCase());
    clear(importResult).append(
      h('label', { for: 'import-bar' }, done ? `Import ${job.status}` : 'Importing…'),
      h('progress', { id: 'import-bar', max: String(requested), value: String(processed) }, `${processed} of ${requested}`),
      h('p', { id: 'import-counts' }, `${processed} of ${job.requested ?? '?'} processed: ${job.imported || 0} imported, ${job.skippedDuplicates || 0} skipped as duplicates, ${job.failed || 0} failed`),
      (job.errors || []).length ? h('details', { open: true }, h('summary', {}, `Errors (${job.errors.length})`), h('ul', { class: 'bullets' }, job.errors.map((e) => h('li', {}, String(e))))) : null);
    return done;
  }

  async function poll(jobId) {
    try {
      const job = await integration(`/api/integrations/fathom/import/${encodeURIComponent(jobId)}`, { signal });
      if (renderJob(job)) {
        busy(importButton, false);
        announce(`Import ${job.status}: ${job.imported} imported, ${job.skippedDuplicates} skipped, ${job.failed} failed`);
        loadStatus();
        return;
      }
    } catch (error) {
      if (error.name === 'AbortError') return;
      importResult.append(errorBox(`Could not read the import progress: ${error.message}`));
      busy(importButton, false);
      return;
    }
    pollTimer = setTimeout(() => poll(jobId), POLL_MS);
  }

  async function startImport(event) {
    event.preventDefault();
    busy(importButton, true, 'Importing…');
    clear(importResult).append(h('p', { class: 'muted' }, 'Starting the import…'));
    try {
      const { jobId } = await integration('/api/integrations/fathom/import', { method: 'POST', body: { maxMeetings: Number(importMax.value) || 50 }, signal });
      poll(jobId);
    } catch (error) {
      if (error.name === 'AbortError') return;
      clear(importResult).append(errorBox(error.message));
      busy(importButton, false);
    }
  }

  async function disconnect() {
    if (!window.confirm('Disconnect Fathom? The webhook is deleted and new recordings stop arriving. Calls already analyzed stay.')) return;
    busy(disconnectButton, true, 'Disconnecting…');
    try {
      await integration('/api/integrations/fathom', { method: 'DELETE', signal });
      showResult('success', 'Fathom disconnected: the webhook and the stored key were deleted.');
      announce('Fathom disconnected');
      loadStatus();
    } catch (error) {
      if (error.name !== 'AbortError') showResult('error', error.message);
    } finally {
      busy(disconnectButton, false);
    }
  }

  testButton.addEventListener('click', testConnection);
  disconnectButton.addEventListener('click', disconnect);
  const importHint = h('p', { class: 'help', id: 'import-hint' }, 'Connect Fathom first.');

  main.append(
    h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumb' }, h('ol', {},
      h('li', {}, 'Settings'), h('li', {}, 'Webhooks'), h('li', { 'aria-current': 'page' }, 'Fathom.video'))),
    h('h1', { tabindex: '-1' }, 'Fathom.video'),
    h('p', { class: 'lead' }, 'Connect your Fathom account: every new recording is sent here by a webhook, then analyzed and scored.'),
    h('div', { class: 'grid-2' },
      h('section', { class: 'card', 'aria-labelledby': 'status-heading' },
        h('h2', { id: 'status-heading' }, 'Current status'), statusRegion, h('div', { class: 'actions' }, disconnectButton)),
      h('section', { class: 'card', 'aria-labelledby': 'key-heading' },
        h('h2', { id: 'key-heading' }, 'API key'),
        h('form', { onsubmit: save },
          h('label', { for: 'fathom-api-key' }, 'Fathom API key'),
          keyInput,
          h('p', { id: 'fathom-api-key-help', class: 'help' }, 'In Fathom: Settings → API Access. The key is stored encrypted and never shown again.'),
          h('label', { for: 'team-recordings' }, teamInput, ' Inclure mes enregistrements partagés avec une équipe'),
          h('p', { id: 'team-recordings-help', class: 'help' }, TEAM_RECORDINGS_WHY),
          h('div', { class: 'actions' }, testButton, saveButton)),
        result)),
    h('section', { class: 'card', 'aria-labelledby': 'import-heading' },
      h('h2', { id: 'import-heading' }, 'Import historical calls'),
      h('form', { class: 'inline-form', onsubmit: startImport },
        h('div', { class: 'field' }, h('label', { for: 'import-max' }, 'Meetings to import (1–50)'), importMax),
        importButton),
      importHint,
      importResult));
  disconnectButton.hidden = true;
  loadStatus();
  return () => clearTimeout(pollTimer);
}
