// The demo page: pick, drop or choose a sample CSV; classify it in a Web Worker with the wasm
// package; show the report. The file goes from the disk to the worker as a File handle (streamed
// there in chunks); it is never sent over the network. The only other read is the first 64 KiB,
// here, for the masked sample values.
import { cloakInWorker, planCloakInWorker } from '/pkg/threads.js';
import { delimiterChar, parseCsv, PREVIEW_BYTES, sampleValues } from './csv.js';
import { drawGraph, highlight } from './graph.js';
import { maskValue } from './mask.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
/** `?threads=N`: threads for the wasm build in the worker (1 forces the single-threaded build). */
const threads = params.has('threads') ? Number(params.get('threads')) : undefined;

/** The classification under way: `{controller, name}`; null when idle. */
let current = null;
/** The last report shown, for the download buttons: `{report, name, file}`. */
let shown = null;
/** The width the graph was drawn for. */
let drawnWidth = 0;

const formatBytes = (n) => {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let u = -1;
  do {
    n /= 1000;
    u += 1;
  } while (n >= 1000 && u < units.length - 1);
  return `${n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)} ${units[u]}`;
};
const percent = (x) => `${Math.round(x * 100)}%`;

function setStatus(text, kind = '') {
  $('status').textContent = text;
  $('status').className = `status ${kind}`;
}

function showError(e) {
  const box = $('error');
  $('error-code').textContent = e?.code ?? e?.name ?? 'ERROR';
  $('error-message').textContent = e?.message ?? String(e);
  // The message names the file already; the rest says where in it.
  const where = [];
  if (e?.row) where.push(`row ${e.row}`);
  if (e?.line) where.push(`line ${e.line}`);
  if (e?.column) where.push(`column “${e.column}”`);
  if (e?.option) where.push(`option ${e.option}`);
  if (e?.rule) where.push(`rule ${e.rule}`);
  $('error-where').textContent = where.join(', ');
  $('error-where').hidden = where.length === 0;
  box.hidden = false;
  reveal(box);
}

/**
 * Scrolls `el` into view when it is out of sight (on a phone the panels are below the picker);
 * with block 'start' (a tall element), when its top is not in the upper half of the window.
 */
function reveal(el, block = 'nearest') {
  const { top, bottom } = el.getBoundingClientRect();
  const hidden = block === 'start' ? top < 0 || top > innerHeight / 2 : top < 0 || bottom > innerHeight;
  if (hidden) el.scrollIntoView({ block, behavior: 'smooth' });
}

/** Shows the progress panel for `file` and returns the progress callback. */
function startProgress(file) {
  $('run').hidden = false;
  $('run-name').textContent = `Classifying ${file.name}`;
  const bar = $('progress');
  bar.max = Math.max(file.size, 1);
  bar.value = 0;
  $('run-bytes').textContent = `0 of ${formatBytes(file.size)}`;
  $('cancel').disabled = false;
  reveal($('run'));
  return ({ bytesRead, rowsRead }) => {
    bar.value = bytesRead;
    $('run-bytes').textContent =
      `${formatBytes(bytesRead)} of ${formatBytes(file.size)} · ${rowsRead.toLocaleString('en')} rows`;
  };
}

/** A few values of each column from the head of the file, for display only. */
async function previewSamples(file, report) {
  try {
    const head = file.slice(0, PREVIEW_BYTES);
    const records = parseCsv(await head.text(), delimiterChar(report.table.delimiter), {
      truncated: file.size > PREVIEW_BYTES,
    });
    return sampleValues(records, report.columns.length, report.table.has_header);
  } catch {
    // The preview is decoration: a file the core classified but this small parser cannot read
    // (odd encoding) just shows no samples.
    return report.columns.map(() => []);
  }
}

async function classifyFile(file) {
  current?.controller.abort();
  const run = { controller: new AbortController(), name: file.name };
  current = run;
  // The last results are of another file: they go, so nothing on screen mixes the two.
  $('error').hidden = true;
  $('results').hidden = true;
  shown = null;
  setStatus('');
  const onProgress = startProgress(file);
  const started = performance.now();
  try {
    const options = { signal: run.controller.signal, onProgress, ...rulesOption() };
    if (threads !== undefined) options.threads = threads;
    // Classified in a Web Worker, which also says what the safe copy would do by default.
    const { report, plan, actions } = await planCloakInWorker(file, options);
    const seconds = (performance.now() - started) / 1000;
    const samples = current === run ? await previewSamples(file, report) : null;
    const choices = cloakChoices(plan, actions);
    if (current !== run) return; // replaced by a newer file meanwhile
    render(report, file, samples, seconds, choices);
    setStatus(`Classified ${file.name} in ${seconds.toFixed(2)} s, in this tab.`, 'ok');
    reveal($('results'), 'start');
  } catch (e) {
    if (current !== run) return; // replaced by a newer file: its own status counts
    if (e?.code === 'ABORTED') setStatus(`Cancelled: ${file.name} was not classified.`, 'cancelled');
    else {
      setStatus('');
      showError(e);
    }
  } finally {
    if (current === run) {
      current = null;
      $('run').hidden = true;
    }
  }
}

function cell(tr, heading, ...children) {
  const td = document.createElement('td');
  td.dataset.th = heading; // the narrow layout shows it as the cell's caption
  td.append(...children);
  tr.append(td);
  return td;
}

function node(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function list(className, items) {
  const ul = node('ul', className);
  for (const item of items) {
    const li = node('li');
    li.append(item);
    ul.append(li);
  }
  return ul;
}

/** Each column's default action (the plan) and the actions that fit its label. */
function cloakChoices(plan, { actions, generalise }) {
  return plan.columns.map((c) => ({
    chosen: c.action,
    fitting: actions.filter((a) => a !== 'generalise' || generalise.includes(c.label)),
  }));
}

/** The action picker of one column, preset from the plan. */
function actionPicker(c, choice) {
  const select = node('select', 'action');
  select.dataset.column = c.name;
  select.setAttribute('aria-label', `action for column ${c.name}`);
  for (const a of choice.fitting) {
    const option = node('option', '', a);
    option.value = a;
    option.selected = a === choice.chosen;
    select.append(option);
  }
  return select;
}

function columnRow(c, samples, choice) {
  const tr = document.createElement('tr');
  tr.dataset.column = c.name;
  tr.dataset.label = c.label;
  tr.dataset.index = c.index;
  tr.className = `sens-${c.sensitivity}`;

  const name = node('div', 'col-name', c.name);
  const stats = c.stats;
  // Pieces that never break inside, so the stats wrap between them.
  const facts = node('div', 'col-stats');
  const pieces = [
    `#${c.index + 1}`,
    `${stats.rows.toLocaleString('en')} rows`,
    `${stats.nulls.toLocaleString('en')} empty`,
    `~${stats.distinct_estimate.toLocaleString('en')} distinct`,
  ];
  pieces.forEach((p, i) => facts.append(node('span', '', p), i < pieces.length - 1 ? ' · ' : ''));
  const picker = node('label', 'col-action', 'safe copy: ');
  picker.append(actionPicker(c, choice));
  cell(tr, 'Column', name, facts, picker);
  const label = [node('code', 'label', c.label), node('div', 'kind', c.kind.replaceAll('_', ' '))];
  // Labels a rules document set are shown apart from the model's.
  if (c.source?.startsWith('rule:')) {
    tr.dataset.source = c.source;
    label.push(node('div', 'rule-made', `by rule ${c.source.slice('rule:'.length)}`));
  }
  cell(tr, 'Label', ...label);
  cell(tr, 'Sensitivity', node('span', `badge sens-${c.sensitivity}`, c.sensitivity));

  const bar = node('div', 'bar');
  const fill = node('div', 'bar-fill');
  fill.style.width = percent(c.confidence); // CSSOM, not a style attribute: allowed by the CSP
  bar.append(fill);
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', `confidence ${percent(c.confidence)}`);
  const conf = [node('span', 'conf', percent(c.confidence)), bar];
  if (c.uncertain) {
    tr.dataset.uncertain = 'true';
    conf.push(node('div', 'uncertain', 'uncertain: check the alternatives'));
  }
  cell(tr, 'Confidence', ...conf);

  const shownValues = samples.map((v) => node('code', 'value', maskValue(v, c.label, c.sensitivity)));
  cell(tr, 'Sample values', shownValues.length ? list('values', shownValues) : node('span', 'none', '—'));
  cell(tr, 'Evidence', list('evidence', c.evidence));
  cell(
    tr,
    'Alternatives',
    list(
      'alternatives',
      c.alternatives.map((a) => {
        const span = node('span', '', `${a.label} `);
        span.append(node('small', '', percent(a.confidence)));
        return span;
      }),
    ),
  );
  tr.addEventListener('mouseenter', () => highlight($('graph'), c.index));
  tr.addEventListener('mouseleave', () => highlight($('graph'), null));
  return tr;
}

function render(report, file, samples, seconds, actions) {
  shown = { report, name: file.name, file };
  $('cloak-status').textContent = '';
  const { table } = report;
  $('results-title').textContent = file.name;
  $('summary').textContent = table.summary.text;
  $('summary').className = `summary${table.summary.high ? ' sens-high' : table.summary.personal ? ' sens-medium' : ' sens-low'}`;
  const delimiter = table.delimiter === '\t' || table.delimiter === 'tab' ? 'TAB' : `“${table.delimiter}”`;
  $('facts').textContent = [
    `${table.rows.toLocaleString('en')} rows`,
    `${table.columns} columns`,
    formatBytes(table.bytes),
    `delimiter ${delimiter}`,
    table.has_header ? 'with header' : 'no header',
    `${seconds.toFixed(2)} s`,
  ].join(' · ');
  for (const s of ['high', 'medium', 'low']) {
    $(`count-${s}`).textContent = table.summary[s];
    const names = report.columns.filter((c) => c.sensitivity === s).map((c) => c.name);
    $(`names-${s}`).textContent = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
  }

  const warnings = $('warnings');
  warnings.replaceChildren(...table.warnings.map((w) => node('li', '', w)));
  warnings.hidden = table.warnings.length === 0;

  $('results').hidden = false; // first, so that the graph can measure its width
  redrawGraph();
  $('columns').tBodies[0].replaceChildren(
    ...report.columns.map((c, i) => columnRow(c, samples[i] ?? [], actions?.[i])),
  );
  $('build').textContent =
    `Model ${table.model.sha256.slice(0, 12)}… · ${table.model.labels} labels · features ${table.model.feature_layout}` +
    (table.rules ? ` · rules ${table.rules.source}: ${table.rules.rules} rules, ${table.rules.columns} columns labelled by them` : '');
}

/** Draws the graph of the report shown for the svg's width; hovering a circle marks its row. */
function redrawGraph() {
  drawnWidth = $('graph').clientWidth;
  drawGraph($('graph'), shown.report, drawnWidth);
  for (const g of $('graph').querySelectorAll('.node')) {
    const i = Number(g.dataset.index);
    const row = () => document.querySelector(`#columns tbody tr[data-index="${i}"]`);
    g.addEventListener('mouseenter', () => {
      highlight($('graph'), i);
      row()?.classList.add('hover');
    });
    g.addEventListener('mouseleave', () => {
      highlight($('graph'), null);
      row()?.classList.remove('hover');
    });
  }
}

/** Saves `blob` as a download named after the file shown, with `suffix`. */
function save(blob, suffix) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${shown.name.replace(/\.[^.]*$/, '')}${suffix}`;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

function download() {
  if (!shown) return;
  save(new Blob([`${JSON.stringify(shown.report, null, 2)}\n`], { type: 'application/json' }), '.datacloak.json');
}

/**
 * Cloaks the file shown with the actions picked, in a Web Worker (one pass: the report shown is
 * the classification), and downloads the safe copy.
 */
async function downloadSafeCopy() {
  if (!shown) return;
  const target = shown;
  const columns = {};
  for (const select of document.querySelectorAll('#columns select.action')) columns[select.dataset.column] = select.value;
  const key = $('cloak-key').value;
  const options = { report: target.report, policy: { columns }, safeFormulas: true };
  if (key) options.key = key;
  if (threads !== undefined) options.threads = threads;
  const button = $('cloak-download');
  button.disabled = true;
  $('error').hidden = true;
  $('cloak-status').textContent = 'Making the safe copy…';
  try {
    const { blob, summary } = await cloakInWorker(target.file, options);
    if (shown !== target) return; // another file is shown now
    save(blob, '.cloaked.csv');
    const changed = summary.columns.filter((c) => c.action !== 'keep' && c.action !== 'drop').length;
    const dropped = summary.columns.filter((c) => c.action === 'drop').length;
    $('cloak-status').textContent =
      `Safe copy: ${summary.rows.toLocaleString('en')} rows, ${changed} columns cloaked, ${dropped} dropped; ` +
      (summary.key === 'given' ? `key ${summary.key_fingerprint}.` : 'random key, not kept.');
  } catch (e) {
    $('cloak-status').textContent = '';
    showError(e);
  } finally {
    button.disabled = false;
  }
}

/** The rules pasted or loaded in the rules panel, as classify options (none when it is empty). */
function rulesOption() {
  const text = $('rules-text').value.trim();
  return text ? { rules: text, rulesSource: rulesName || 'pasted rules' } : {};
}

/** The name the rules in the panel came from (a file's), or '' when typed or pasted. */
let rulesName = '';

function setRules(text, name) {
  $('rules-text').value = text;
  rulesName = name;
  $('rules-name').textContent = name ? `from ${name}` : '';
  $('rules-panel').open = text !== '' || $('rules-panel').open;
}

async function loadExampleRules() {
  const res = await fetch('/rules/org.rules.json');
  if (!res.ok) throw new Error(`could not load the example rules: HTTP ${res.status}`);
  setRules(await res.text(), 'org.rules.json');
}

async function classifySample(name, button) {
  $('error').hidden = true; // at once, not after the fetch: the old error is not about this file
  button.setAttribute('aria-busy', 'true');
  try {
    // The rules example comes with its rules, unless the user has rules of their own in the panel.
    if (button.dataset.dir === 'rules' && !$('rules-text').value.trim()) await loadExampleRules();
    const res = await fetch(`/${button.dataset.dir ?? 'samples'}/${encodeURIComponent(name)}`);
    if (!res.ok) throw new Error(`could not load the sample ${name}: HTTP ${res.status}`);
    const blob = await res.blob();
    await classifyFile(new File([blob], name, { type: 'text/csv' }));
  } catch (e) {
    showError(e);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

function wireDragAndDrop() {
  const overlay = $('drop-overlay');
  let depth = 0; // dragenter/dragleave fire for every child element crossed
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth += 1;
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  // Without preventDefault the browser would open the dropped file instead.
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = e.dataTransfer.files[0];
    if (file) classifyFile(file);
  });
}

$('file').addEventListener('change', (e) => {
  const file = e.target.files[0];
  // Cleared so that picking the same file again fires `change` again.
  e.target.value = '';
  if (file) classifyFile(file);
});
for (const b of document.querySelectorAll('button.sample')) {
  b.addEventListener('click', () => classifySample(b.dataset.sample, b));
}
$('rules-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  e.target.value = '';
  if (file) setRules(await file.text(), file.name);
});
$('rules-text').addEventListener('input', () => {
  rulesName = '';
  $('rules-name').textContent = '';
});
$('rules-example').addEventListener('click', () => loadExampleRules().catch(showError));
$('rules-clear').addEventListener('click', () => setRules('', ''));
$('cancel').addEventListener('click', () => {
  $('cancel').disabled = true;
  current?.controller.abort();
});
$('download').addEventListener('click', download);
$('cloak-download').addEventListener('click', downloadSafeCopy);
// The graph is drawn for its width: redraw it when that changes (a phone turned, a window resized).
new ResizeObserver(() => {
  const width = $('graph').clientWidth;
  if (shown && width > 0 && Math.abs(width - drawnWidth) >= 24) redrawGraph();
}).observe($('graph'));
wireDragAndDrop();

// Offline after the first visit. The worker caches only what this server serves (page, package,
// samples): a chosen file is never fetched, so it never passes through it.
if ('serviceWorker' in navigator && !params.has('nosw')) {
  navigator.serviceWorker.register('/sw.js').catch((e) => console.warn('service worker:', e.message));
}
