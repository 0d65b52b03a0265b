'use strict';

// The live page of the Provider Breaker sample: plain JavaScript, no build step.
// It polls GET /actuator/circuitbreakers every second, drives the simulated providers through
// /sim/control, and sends traffic through the gateway and the three demo endpoints.

const POLL_MS = 1000;

const SIM = {
  anthropic: { label: 'Anthropic', models: ['claude-sonnet-4-5', 'claude-haiku-4-5'] },
  openai: { label: 'OpenAI', models: ['gpt-4o', 'gpt-4o-mini'] },
};

const MODES = [
  { mode: 'healthy', label: 'Healthy', desc: '200 OK' },
  { mode: 'rate-limited', label: '429 Rate limited', desc: 'with Retry-After' },
  { mode: 'overloaded', label: { anthropic: '529 Overloaded', openai: '503 Overloaded' }, desc: 'overloaded error' },
  { mode: 'unavailable', label: '503 Unavailable', desc: 'service unavailable' },
  { mode: 'slow', label: 'Slow', desc: 'gateway times out: 504' },
  { mode: 'sluggish', label: 'Sluggish', desc: 'first token after 1.5 s, always 200' },
  { mode: 'flaky', label: 'Flaky', desc: 'some calls fail' },
  { mode: 'stream-error', label: 'Fails mid-stream', desc: '200, then an error event' },
];

const TARGETS = {
  anthropic: {
    label: 'Gateway → Anthropic', sim: 'anthropic', stream: true,
    note: '<code>POST /anthropic/v1/messages</code>, guarded by the inbound filter: breaker <b>anthropic</b>, one per endpoint.',
  },
  openai: {
    label: 'Gateway → OpenAI', sim: 'openai', stream: true,
    note: '<code>POST /openai/v1/chat/completions</code>, guarded by the inbound filter: breaker <b>openai</b>, one per endpoint and model.',
  },
  summary: {
    label: 'WebClient demo → Anthropic', sim: 'anthropic', stream: false,
    models: ['claude-haiku-4-5'],
    note: '<code>POST /demo/summary</code> calls Anthropic with a WebClient, guarded by the starter\'s filter: breaker <b>anthropic-direct</b>.',
  },
  haiku: {
    label: '@ProviderBreaker demo → OpenAI', sim: 'openai', stream: false,
    note: '<code>GET /demo/haiku</code> calls an annotated method with a fallback: breaker <b>openai-direct</b>, one per model.',
  },
  ask: {
    label: 'Failover demo → Anthropic, else OpenAI', sim: 'anthropic', stream: false,
    models: ['claude-sonnet-4-5'],
    note: '<code>POST /demo/ask</code> asks Spring AI\'s <code>ChatClient</code>: the chain answers from Anthropic while it can, '
      + 'else from OpenAI. Breakers <b>spring-ai-anthropic</b> and <b>spring-ai-openai</b>.',
  },
};

const ROLES = {
  anthropic: ['Inbound filter', 'Gateway route /anthropic/** → simulated Anthropic'],
  openai: ['Inbound filter', 'Gateway route /openai/** → simulated OpenAI, one breaker per model'],
  'anthropic-direct': ['WebClient filter', 'POST /demo/summary → WebClient → simulated Anthropic'],
  'openai-direct': ['@ProviderBreaker', 'GET /demo/haiku → HaikuService.write(model, topic), with a fallback'],
  'spring-ai-anthropic': ['Spring AI, failover', 'POST /demo/ask → ChatClient → the chain\'s first model, anthropic/claude-sonnet-4-5'],
  'spring-ai-openai': ['Spring AI, failover', 'POST /demo/ask → ChatClient → the chain\'s next model, openai/gpt-4o'],
};

const $ = (selector, root = document) => root.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'text') node.textContent = value;
    else if (name === 'html') node.innerHTML = value;
    else node.setAttribute(name, value);
  });
  children.forEach(child => node.append(child));
  return node;
}

/* ---------- 3. Circuit breakers, polled ---------- */

const cards = new Map();

async function poll() {
  try {
    const response = await fetch('actuator/circuitbreakers', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET /actuator/circuitbreakers answered ${response.status}`);
    renderProviders((await response.json()).providers || {});
    setLive(true, 'live');
  } catch (error) {
    setLive(false, 'no data');
    showEndpointError(error.message);
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

function setLive(ok, text) {
  $('#live').classList.toggle('down', !ok);
  $('#live-text').textContent = text + ' · ' + new Date().toLocaleTimeString();
}

function showEndpointError(message) {
  const box = $('#endpoint-error');
  box.hidden = false;
  box.textContent = message + '. Is the application running, with the circuitbreakers endpoint exposed?';
}

function renderProviders(providers) {
  $('#endpoint-error').hidden = true;
  sortedNames(Object.keys(providers)).forEach(name => {
    const card = cards.get(name) || createCard(name);
    const breakers = providers[name].breakers || [];
    const seen = new Set();
    breakers.forEach(breaker => {
      seen.add(breaker.key);
      updateRow(card, breaker);
    });
    card.rows.forEach((row, key) => {
      if (!seen.has(key)) { row.remove(); card.rows.delete(key); }
    });
    card.node.classList.toggle('idle', breakers.length === 0);
    card.node.dataset.worst = worstState(breakers);
  });
}

/** The sample's providers in the order of the three ways to use the starter, then any other. */
function sortedNames(names) {
  const known = Object.keys(ROLES);
  const rank = name => (known.includes(name) ? known.indexOf(name) : known.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function worstState(breakers) {
  const states = breakers.map(breaker => breaker.state);
  return states.includes('OPEN') ? 'OPEN' : states.includes('HALF_OPEN') ? 'HALF_OPEN' : 'CLOSED';
}

function createCard(name) {
  const [how, detail] = ROLES[name] || ['Provider', ''];
  const body = el('tbody');
  const node = el('article', { class: 'provider', 'data-provider': name },
    el('header', {},
      el('div', {},
        el('h3', { text: name }),
        el('span', { class: 'via', text: how }),
        el('p', { class: 'muted', text: detail })),
      el('div', { class: 'actions' },
        el('button', { 'data-action': 'force-open', title: 'Open every breaker of ' + name, text: 'Force open all' }),
        el('button', { 'data-action': 'reset', title: 'Close every breaker of ' + name + ' with an empty window', text: 'Reset all' }))),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ...['Key', 'State', 'Calls', 'Failures', 'Failure rate', 'Slow', 'Rejected',
        'Trips', 'Retry in', ''].map((title, i) => el('th', { text: title, class: i >= 2 && i <= 7 && i !== 4 ? 'num' : '' })))),
      body)),
    el('p', { class: 'empty muted', text: 'No calls yet. Send a burst through it.' }));
  $('#providers').append(node);
  const card = { node, body, rows: new Map() };
  cards.set(name, card);
  return card;
}

function updateRow(card, breaker) {
  let row = card.rows.get(breaker.key);
  if (!row) {
    row = el('tr', { 'data-key': breaker.key },
      el('td', { class: 'key' }, keyLabel(breaker.key)),
      el('td', { class: 'state-cell' },
        el('span', { class: 'state' }), el('span', { class: 'forced', text: 'forced' }), el('small', { class: 'why' })),
      el('td', { class: 'num calls' }), el('td', { class: 'num failures' }),
      el('td', { class: 'rate' }, el('div', { class: 'bar' }, el('i')), el('span')),
      el('td', { class: 'num slow', title: 'slow calls in the window (slowCalls) and their share (slowCallRate)' }),
      el('td', { class: 'num rejections' }), el('td', { class: 'num trips' }),
      el('td', { class: 'retry' }),
      el('td', { class: 'actions' },
        el('button', { 'data-action': 'force-open', text: 'Force open' }),
        el('button', { 'data-action': 'reset', text: 'Reset' })));
    card.rows.set(breaker.key, row);
    card.body.append(row);
  }
  const state = breaker.state || 'CLOSED';
  row.className = 'row-' + state.toLowerCase();
  const pill = $('.state', row);
  pill.className = 'state state-' + state.toLowerCase();
  pill.textContent = state;
  $('.forced', row).hidden = !breaker.forced;
  const why = [breaker.reason, breaker.lastFailureStatus && 'last failure ' + breaker.lastFailureStatus];
  $('.why', row).textContent = why.filter(Boolean).join(' · ');
  $('.calls', row).textContent = breaker.calls ?? 0;
  $('.failures', row).textContent = breaker.failures ?? 0;
  const rate = Math.round(100 * (breaker.failureRate || 0));
  $('.rate i', row).style.width = rate + '%';
  $('.rate span', row).textContent = rate + ' %';
  // slowCalls and slowCallRate are there only for providers with slow-call-duration.
  $('.slow', row).textContent = breaker.slowCalls == null ? '–'
    : breaker.slowCalls + ' · ' + Math.round(100 * (breaker.slowCallRate || 0)) + ' %';
  $('.rejections', row).textContent = breaker.rejections ?? 0;
  $('.trips', row).textContent = breaker.trips ?? 0;
  row.dataset.retryAt = state === 'OPEN' && breaker.retryAfterSeconds != null
    ? Date.now() + breaker.retryAfterSeconds * 1000 : '';
  tickRow(row);
}

/** A key such as "/v1/chat/completions|gpt-4o", which may wrap after each '|' and nowhere else. */
function keyLabel(key) {
  const code = el('code');
  key.split('|').forEach((part, i) => {
    if (i > 0) code.append('|', el('wbr'));
    code.append(el('span', { text: part }));
  });
  return code;
}

function tickRow(row) {
  const cell = $('.retry', row);
  if (!row.dataset.retryAt) { cell.textContent = ''; return; }
  const seconds = Math.max(0, Math.ceil((Number(row.dataset.retryAt) - Date.now()) / 1000));
  cell.textContent = seconds > 0 ? seconds + ' s' : 'next call probes';
}

setInterval(() => document.querySelectorAll('tr[data-retry-at]').forEach(tickRow), 250);

$('#providers').addEventListener('click', async event => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const provider = button.closest('[data-provider]').dataset.provider;
  const row = button.closest('tr[data-key]');
  const command = { action: button.dataset.action };
  if (row) command.key = row.dataset.key;
  button.disabled = true;
  try {
    const response = await fetch('actuator/circuitbreakers/' + encodeURIComponent(provider), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command),
    });
    if (!response.ok) showEndpointError(`POST /actuator/circuitbreakers/${provider} answered ${response.status}`);
  } finally {
    button.disabled = false;
  }
});

/* ---------- 1. The simulated providers ---------- */

let simProvider = 'anthropic';
let simMode = 'overloaded';
let simRules = {};
let simServed = {};

/** Creates the provider tabs once, then only updates them: a click must never land on a replaced node. */
function renderSimTabs() {
  const tabs = $('#sim-tabs');
  if (!tabs.children.length) {
    tabs.append(...Object.entries(SIM).map(([name, sim]) => el('button', { role: 'tab', 'data-sim': name },
      el('span', { class: 'dot' }), sim.label, el('small', { title: 'Calls that reached the simulated provider' }))));
  }
  tabs.querySelectorAll('[data-sim]').forEach(tab => {
    const name = tab.dataset.sim;
    const broken = (simRules[name] || []).some(rule => rule.mode !== 'healthy');
    tab.setAttribute('aria-selected', String(name === simProvider));
    tab.classList.toggle('broken', broken);
    tab.title = SIM[name].label + (broken ? ' is failing' : ' is healthy');
    $('small', tab).textContent = `${simServed[name] ?? 0} served`;
  });
}

function renderModes() {
  $('#modes').replaceChildren(...MODES.map(({ mode, label, desc }) => el('button', {
    role: 'radio', 'data-mode': mode, 'aria-checked': String(mode === simMode),
  }, el('b', { text: typeof label === 'string' ? label : label[simProvider] }), el('small', { text: desc }))));
  document.querySelectorAll('.params label').forEach(label => {
    label.hidden = label.dataset.for !== simMode;
  });
}

function renderModelChoice() {
  $('#p-model').replaceChildren(el('option', { value: '', text: 'every model' }),
    ...SIM[simProvider].models.map(model => el('option', { value: model, text: model })));
  $('#scope-summary').textContent = '(every model)';
}

let shownRules = '';

function renderRules() {
  const rules = simRules[simProvider] || [];
  const list = $('#rules');
  const shown = simProvider + JSON.stringify(rules);
  if (shown === shownRules) return;
  shownRules = shown;
  if (rules.length === 0) {
    list.replaceChildren(el('li', { class: 'muted', text: SIM[simProvider].label + ' is healthy for every call.' }));
    return;
  }
  list.replaceChildren(...rules.map(rule => el('li', { class: 'rule-' + rule.mode },
    el('span', { text: describeRule(rule) }),
    el('button', {
      class: 'link', title: 'Remove this rule', 'data-endpoint': rule.endpoint || '', 'data-model': rule.model || '',
      text: '×',
    }))));
}

function describeRule(rule) {
  const mode = MODES.find(candidate => candidate.mode === rule.mode);
  const label = typeof mode.label === 'string' ? mode.label : mode.label[simProvider];
  const extra = {
    'rate-limited': ` (Retry-After ${rule.retryAfterSeconds} s)`,
    flaky: ` (${rule.failurePercent} % fail)`,
    slow: ` (${rule.delayMillis} ms)`,
    sluggish: ` (first token after ${rule.delayMillis} ms)`,
  }[rule.mode] || '';
  const scope = [rule.endpoint, rule.model].filter(Boolean).join(' · ') || 'every call';
  return `${scope}: ${label}${extra}`;
}

async function loadRules() {
  try {
    const [rules, served] = await Promise.all([fetch('sim/control'), fetch('sim/control/served')]);
    if (rules.ok) simRules = await rules.json();
    if (served.ok) simServed = await served.json();
  } catch (ignored) { /* the breaker poll reports an unreachable application */ }
  renderSimTabs();
  renderRules();
}

async function changeSim(method, query = '', body) {
  const response = await fetch(`sim/control/${simProvider}${query}`, {
    method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  if (!response.ok) alert('The simulator refused: ' + (await response.text()));
  await loadRules();
}

$('#sim-tabs').addEventListener('click', event => {
  const tab = event.target.closest('[data-sim]');
  if (!tab) return;
  simProvider = tab.dataset.sim;
  renderSimTabs(); renderModes(); renderModelChoice(); renderRules();
});

$('#modes').addEventListener('click', event => {
  const button = event.target.closest('[data-mode]');
  if (!button) return;
  simMode = button.dataset.mode;
  renderModes();
});

$('#p-model').addEventListener('change', () => {
  $('#scope-summary').textContent = '(' + ($('#p-model').value || 'every model') + ')';
});

$('#apply').addEventListener('click', () => changeSim('PUT', '', {
  mode: simMode,
  model: $('#p-model').value || null,
  retryAfterSeconds: Number($('#p-retry').value),
  failurePercent: Number($('#p-percent').value),
  delayMillis: Number($(simMode === 'sluggish' ? '#p-first-token' : '#p-delay').value),
}));

$('#heal').addEventListener('click', () => changeSim('DELETE'));

$('#rules').addEventListener('click', event => {
  const button = event.target.closest('button[data-model]');
  if (!button) return;
  const query = new URLSearchParams();
  if (button.dataset.endpoint) query.set('endpoint', button.dataset.endpoint);
  if (button.dataset.model) query.set('model', button.dataset.model);
  const text = query.toString();
  changeSim('DELETE', text ? '?' + text : '?model=*');
});

/* ---------- 2. Traffic ---------- */

function renderTargets() {
  $('#target').replaceChildren(...Object.entries(TARGETS).map(([name, target]) =>
    el('option', { value: name, text: target.label })));
  renderTargetOptions();
}

function renderTargetOptions() {
  const target = TARGETS[$('#target').value];
  $('#target-note').innerHTML = target.note;
  $('#t-model').replaceChildren(...(target.models || SIM[target.sim].models)
    .map(model => el('option', { value: model, text: model })));
  $('#t-stream').disabled = !target.stream;
  if (!target.stream) $('#t-stream').checked = false;
}

$('#target').addEventListener('change', renderTargetOptions);

function request(name, model, stream) {
  const json = { 'content-type': 'application/json' };
  const messages = [{ role: 'user', content: 'Hello from the burst button' }];
  switch (name) {
    case 'anthropic':
      return ['anthropic/v1/messages', { method: 'POST', headers: { ...json, 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model, max_tokens: 64, stream, messages }) }];
    case 'openai':
      return ['openai/v1/chat/completions', { method: 'POST', headers: json,
        body: JSON.stringify({ model, stream, messages }) }];
    case 'ask':
      return ['demo/ask', { method: 'POST', headers: { 'content-type': 'text/plain' },
        body: 'What does a circuit breaker do?' }];
    case 'summary':
      return ['demo/summary', { method: 'POST', headers: { 'content-type': 'text/plain' },
        body: 'Circuit breakers stop calls to an upstream that keeps failing.' }];
    default:
      return ['demo/haiku?' + new URLSearchParams({ model, topic: 'circuit breakers' }), { method: 'GET' }];
  }
}

/** What one answer means for the person watching: passed, failed upstream, or turned away by a breaker. */
function classify(status, text) {
  if (status >= 200 && status < 300) {
    const served = /"servedBy":"([^"]+)"/.exec(text);
    if (served) return { kind: 'ok', label: `${status} answered by ${served[1]}` };
    if (/"fallback":true/.test(text)) {
      return /breaker open/i.test(text)
        ? { kind: 'rejected', label: `${status} fallback: breaker open` }
        : { kind: 'failed', label: `${status} fallback: upstream failed` };
    }
    if (/^event: error|^data: ?\{"error"/m.test(text)) return { kind: 'failed', label: `${status} then failed mid-stream` };
    return { kind: 'ok', label: `${status} OK` };
  }
  if (/breaker/i.test(text)) return { kind: 'rejected', label: `${status} rejected by breaker` };
  if (status === 504) return { kind: 'failed', label: '504 gateway timeout' };
  return { kind: 'failed', label: `${status} from provider` };
}

const tally = new Map();

function count(outcome) {
  const entry = tally.get(outcome.label) || { ...outcome, count: 0 };
  entry.count += 1;
  tally.set(outcome.label, entry);
  $('#tally').replaceChildren(...[...tally.values()].map(entry =>
    el('span', { class: 'chip chip-' + entry.kind, 'data-kind': entry.kind },
      el('b', { text: '×' + entry.count }), ' ' + entry.label)));
}

function showLast(response, text) {
  $('#last').hidden = false;
  $('#last-status').textContent = `${response.status} ${response.statusText}`.trim();
  $('#last-status').className = response.ok ? 'ok' : 'bad';
  const retryAfter = response.headers.get('retry-after');
  $('#last-headers').textContent = [response.headers.get('content-type'), retryAfter && 'Retry-After: ' + retryAfter]
    .filter(Boolean).join(' · ');
  let body = text;
  try { body = JSON.stringify(JSON.parse(text), null, 2); } catch (notJson) { /* a stream, shown as it came */ }
  $('#last-body').textContent = body.length > 1800 ? body.slice(0, 1800) + '\n…' : body;
}

$('#burst').addEventListener('click', async () => {
  const name = $('#target').value;
  const total = Math.max(1, Math.min(100, Number($('#t-count').value) || 1));
  const button = $('#burst');
  button.disabled = true;
  tally.clear();
  try {
    for (let i = 1; i <= total; i++) {
      $('#progress').textContent = `sending ${i} / ${total}…`;
      const [url, init] = request(name, $('#t-model').value, $('#t-stream').checked);
      try {
        const response = await fetch(url, init);
        const text = await response.text();
        count(classify(response.status, text));
        showLast(response, text);
      } catch (error) {
        count({ kind: 'failed', label: 'network error' });
      }
    }
    $('#progress').textContent = `${total} sent.`;
  } finally {
    button.disabled = false;
  }
});

/* ---------- Failover ---------- */

/** The chain, the entry that answered last, and how often the chain moved on (the meter breaker.fallbacks). */
async function loadFailover() {
  try {
    const response = await fetch('demo/failover');
    if (!response.ok) return;
    const status = await response.json();
    const open = entry => entry.provider && cards.get(entry.provider)?.node.dataset.worst === 'OPEN';
    $('#chain').replaceChildren(...status.chain.map(entry => el('li', {
      'data-entry': entry.entry,
      class: [entry.entry === status.lastServedBy && 'serving', open(entry) && 'open'].filter(Boolean).join(' '),
      title: entry.provider ? 'breaker provider ' + entry.provider : 'no breaker',
      text: `${entry.entry} · ${entry.answers} answered`,
    })));
    $('#served-by').textContent = status.lastServedBy || 'nobody yet';
    $('#fallbacks').textContent = status.fallbacks;
  } catch (ignored) { /* the breaker poll reports an unreachable application */ }
}

/* ---------- start ---------- */

renderSimTabs();
renderModes();
renderModelChoice();
renderTargets();
loadRules();
setInterval(loadRules, POLL_MS);
loadFailover();
setInterval(loadFailover, POLL_MS);
poll();
