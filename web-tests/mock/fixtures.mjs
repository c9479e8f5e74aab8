// Fixture data in the shapes of the design's dashboard-api and integration-service contracts.
const DAY = 24 * 3600 * 1000;
const iso = (msAgo) => new Date(Date.now() - msAgo).toISOString();

const transcript = [
  { speaker: 'Alice Martin', speakerEmail: 'alice@acme-sales.test', text: 'Bonjour Claire, merci pour votre temps. Quels sont vos principaux défis en prospection ?', offsetSeconds: 0 },
  { speaker: 'Claire Client', speakerEmail: 'claire@client.test', text: 'Nous perdons beaucoup de temps à qualifier des leads froids.', offsetSeconds: 14 },
  { speaker: 'Alice Martin', speakerEmail: 'alice@acme-sales.test', text: 'Combien de personnes travaillent sur la qualification aujourd’hui ?', offsetSeconds: 41 },
  { speaker: 'Claire Client', speakerEmail: 'claire@client.test', text: 'Quatre SDR, et le budget est autour de 20 000 euros.', offsetSeconds: 58 },
  { speaker: 'Alice Martin', speakerEmail: 'alice@acme-sales.test', text: 'Parfait, je vous propose une démo avec votre équipe mardi prochain.', offsetSeconds: 1260 },
];

/**
 * An evaluation in the v2 shape: quotes checked against the transcript (verified ones carry the segment they were
 * found in and its timestamp), criteria without a verified quote unsupported and capped at 2. `rescored`: other
 * criterion scores by key, for a rep whose weakest criterion differs.
 */
export function evaluation(overallScore, outcome, rescored = {}) {
  const scores = [
      { criterion: 'discovery', label: 'Discovery', weight: 1, score: 4, supported: true,
        evidence: [{ quote: 'Quels sont vos principaux défis en prospection ?', timestamp: '00:00:00', verified: true, segmentIndex: 0 }] },
      { criterion: 'active_listening', label: 'Active listening', weight: 1, score: 3, supported: true,
        evidence: [{ quote: 'Combien de personnes travaillent sur la qualification', timestamp: '00:00:41', verified: true, segmentIndex: 2 }] },
      { criterion: 'value_proposition', label: 'Value proposition', weight: 1, score: 2, supported: false, evidence: [] },
      { criterion: 'objection_handling', label: 'Objection handling', weight: 1, score: 2, supported: false,
        evidence: [{ quote: 'Le prix ne sera jamais un problème pour nous', timestamp: '00:05:00', verified: false, segmentIndex: null }] },
      { criterion: 'next_steps', label: 'Next steps', weight: 1, score: 5, supported: true,
        evidence: [{ quote: 'je vous propose une démo avec votre équipe mardi prochain', timestamp: '00:21:00', verified: true, segmentIndex: 4 }] },
  ].map((s) => (s.criterion in rescored ? { ...s, score: rescored[s.criterion] } : s));
  return {
    scorecard: { name: 'default', version: 1 },
    scores,
    overallScore,
    outcome,
    summary: 'Appel de découverte avec Claire : douleur claire sur la qualification des leads, budget évoqué, démo planifiée.',
    strengths: ['Questions ouvertes dès le début', 'Prochaine étape datée'],
    improvements: ['Quantifier l’impact de la douleur', 'Traiter l’objection budget plus tôt'],
    nextSteps: [{ action: 'Envoyer l’invitation à la démo', owner: 'Alice Martin' }, { action: 'Préparer un ROI chiffré', owner: 'Alice Martin' }],
    risks: ['Décideur final non identifié'],
    coaching: 'Très bon démarrage : vos questions ouvertes ont fait émerger la douleur.\nPour le prochain appel, chiffrez le coût du problème avant de parler de la solution.',
    language: 'fr',
    quotesVerified: 3,
    quotesTotal: 4,
  };
}

export const metrics = {
  available: true,
  unavailableReason: null,
  durationSeconds: 1320,
  speakers: [],
  repTalkRatio: 0.46,
  longestMonologue: { speaker: 'Alice Martin', seconds: 74, startSeconds: 300 },
  repQuestions: 9,
  customerQuestions: 3,
  speakerSwitchesPerMinute: 2.4,
  wordsPerMinute: 148,
  fillerWordCount: 7,
  fillerWords: { euh: 5, 'du coup': 2 },
};

const TEAMS = { 'rep-alice': 'Enterprise', 'rep-chloe': 'Enterprise', 'rep-bob': 'SMB' };
/** Criteria of Bob's and Chloé's calls that differ from Alice's, so each rep has another weakest criterion. */
const REP_SCORES = {
  'rep-bob': { discovery: 2, value_proposition: 3, objection_handling: 3, next_steps: 4 },
  'rep-chloe': { value_proposition: 3, objection_handling: 3, next_steps: 1 },
};

// `url` is Fathom's calls URL (its id is not the share id): playback links seek on it, url?timestamp=N.
function call(id, userId, repName, title, daysAgo, status, overallScore, outcome, extra = {}) {
  return {
    callId: id, userId, repName, title, startedAt: iso(daysAgo * DAY), durationSeconds: 1320, status,
    overallScore: status === 'evaluated' ? overallScore : null, effectiveScore: status === 'evaluated' ? overallScore : null,
    outcome: status === 'evaluated' ? outcome : null,
    externalInviteeCount: 1, source: 'webhook',
    attribution: 'recorder', team: TEAMS[userId] || null, skipReason: null, reviewFlags: [], reviewed: false,
    receivedBy: userId, meetingType: 'Discovery', calendarInviteesDomainsType: 'one_or_more_external',
    participants: [{ name: repName, email: `${userId}@acme-sales.test`, emailDomain: 'acme-sales.test', external: false },
      { name: 'Claire Client', email: 'claire@client.test', emailDomain: 'client.test', external: true }],
    transcript,
    summaryMarkdown: '## Summary\n- Pain: lead qualification\n- **Budget**: EUR 20,000',
    actionItems: [{ description: 'Send the demo invitation', assignee: { name: repName, email: null }, timestampSeconds: 1260, completed: false }],
    highlights: [{ type: 'Objection', summary: 'Budget around 20 000 euros', text: 'le budget est autour de 20 000 euros', startSeconds: 58, endSeconds: 64 }],
    shareUrl: `https://fathom.video/share/${id}`,
    url: `https://fathom.video/calls/rec-${id}`,
    metrics: status === 'evaluated' || status === 'skipped' ? metrics : null,
    evaluation: status === 'evaluated' ? evaluation(overallScore, outcome, REP_SCORES[userId]) : null,
    review: null,
    analysis: status === 'pending' ? null : { mode: 'llm', model: 'gpt-5-mini', promptVersion: 'coach-v1', analyzedAt: iso(daysAgo * DAY - 60000) },
    transcriptTruncated: false,
    failureReason: status === 'failed' ? 'OpenAI returned 429 after 5 retries' : null,
    ...extra,
  };
}

export function initialCalls() {
  return [
    call('call-alice-1', 'rep-alice', 'Alice Martin', 'Discovery call — Acme Logistics', 2, 'evaluated', 78, 'advanced'),
    call('call-bob-1', 'rep-bob', 'Bob Durand', 'Renewal — Globex', 5, 'evaluated', 61, 'stalled'),
    call('call-alice-2', 'rep-alice', 'Alice Martin', '<img src=x onerror="window.__xss=1">Pricing call', 9, 'evaluated', 85, 'won'),
    call('call-bob-2', 'rep-bob', 'Bob Durand', 'Intro — Initech', 12, 'failed', null, null, { url: null }),
    call('call-alice-3', 'rep-alice', 'Alice Martin', 'Demo — Umbrella Corp', 20, 'evaluated', 70, 'advanced',
      { reviewFlags: ['possible_prompt_injection'] }),
    call('call-bob-3', 'rep-bob', 'Bob Durand', 'Weekly pipeline review', 3, 'skipped', null, null,
      { skipReason: 'internal_meeting', calendarInviteesDomainsType: 'only_internal', externalInviteeCount: 0, highlights: [] }),
    // Enterprise's second rep, with one call older than the 10-day period the later tests pick
    call('call-chloe-1', 'rep-chloe', 'Chloé Petit', 'Discovery — Stark Industries', 25, 'evaluated', 66, 'lost'),
    call('call-shared-1', 'rep-alice', 'Paula Partner', 'Partner sync — Wayne', 4, 'skipped', null, null,
      { attribution: 'shared', team: null, skipReason: 'recorded_outside_org', highlights: [] }),
  ];
}

export function newRecording(n) {
  return call(`call-new-${n}`, 'rep-alice', 'Alice Martin', `Live recording ${n}`, 0, 'pending', null, null, { analysis: null });
}

export const SUMMARY_KEYS = ['callId', 'userId', 'repName', 'title', 'startedAt', 'durationSeconds', 'status', 'overallScore',
  'effectiveScore', 'outcome', 'externalInviteeCount', 'source', 'attribution', 'team', 'skipReason', 'reviewFlags', 'reviewed'];

const criterion = (key, label, description, weight = 1) => ({ key, label, description, weight });

/** analysis-service's GET /api/analysis/scorecard-presets: the design's four, default being today's five criteria. */
export const SCORECARD_PRESETS = [
  { name: 'default', criteria: [
    criterion('discovery', 'Discovery', 'Open questions that uncover the customer\'s situation and pain'),
    criterion('active_listening', 'Active listening', 'Builds on what the customer says, reformulates, lets them talk'),
    criterion('value_proposition', 'Value proposition', 'Ties the offer to the customer\'s stated needs'),
    criterion('objection_handling', 'Objection handling', 'Explores and answers objections instead of dodging them'),
    criterion('next_steps', 'Next steps', 'A dated, agreed next step with an owner'),
  ] },
  { name: 'meddic', criteria: [
    criterion('metrics', 'Metrics', 'Quantified gains the customer expects'),
    criterion('economic_buyer', 'Economic buyer', 'Who decides on the budget, and whether they are involved'),
    criterion('decision_criteria', 'Decision criteria', 'How the customer will compare the options'),
    criterion('decision_process', 'Decision process', 'The steps and dates to a signature'),
    criterion('identify_pain', 'Identify pain', 'The business pain behind the project', 2),
    criterion('champion', 'Champion', 'Someone inside who sells for us'),
  ] },
  { name: 'spin', criteria: [
    criterion('situation', 'Situation', 'Questions on the facts of the customer\'s situation'),
    criterion('problem', 'Problem', 'Questions that surface difficulties'),
    criterion('implication', 'Implication', 'Questions on the consequences of the problem'),
    criterion('need_payoff', 'Need-payoff', 'Questions that make the customer state the value of a solution'),
  ] },
  { name: 'bant', criteria: [
    criterion('budget', 'Budget', 'Whether money is set aside, and how much'),
    criterion('authority', 'Authority', 'Who signs'),
    criterion('need', 'Need', 'The need the offer answers'),
    criterion('timeline', 'Timeline', 'When the customer wants to decide and start'),
  ] },
];

/** An organization's settings before anyone changed them: the default scorecard, version 1. */
export function initialAnalysisSettings() {
  return {
    language: 'fr',
    scorecard: { name: 'default', version: 1, criteria: structuredClone(SCORECARD_PRESETS[0].criteria) },
    analyzeInternalMeetings: false,
    dailyTokenBudget: 2000000,
  };
}
