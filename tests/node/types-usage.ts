// Compiled (not run) by types.test.mjs: the package's .d.ts must describe real use without errors.
import {
  classify, classifyInWorker, classifyText, cloak, cloakInWorker, cloakPlan, createProfiler, DataCloakError, features, info, init,
  predict, refine,
} from 'datacloak';
import type { CloakAction, CloakSummary, ColumnReport, Refined, Report, RulesDocument } from 'datacloak';

export async function example(file: Blob, bytes: Uint8Array): Promise<string[]> {
  await init();
  const controller = new AbortController();
  const report: Report = await classify(file, {
    sampleSize: 500,
    delimiter: ';',
    hasHeader: true,
    onProgress: ({ bytesRead, rowsRead }) => console.log(bytesRead, rowsRead),
    signal: controller.signal,
  });
  const fromRows = await classify([{ email: 'ann@example.org', age: 31 }]);
  const rules: RulesDocument = {
    labels: [{ name: 'employee_id', sensitivity: 'high', kind: 'identifier' }],
    rules: [
      { label: 'employee_id', value: { regex: '^EMP-[0-9]{6}$' } },
      { label: 'identifier', header: { regex: '^case_no$' }, override: true },
      { header: { words: ['case no'] }, never: ['ssn'] },
    ],
  };
  const withRules = await classify(file, { rules, rulesSource: 'org.rules.json' });
  const fromRule: boolean = withRules.columns.some((c) => c.source !== 'model') && withRules.table.rules !== undefined;
  try {
    await classify(file, { rules: JSON.stringify(rules) });
  } catch (e) {
    if (e instanceof DataCloakError && e.code === 'RULES') console.log(e.rule, fromRule);
  }
  const fromColumns = await classifyInWorker([{ name: 'email', values: ['ann@example.org', null] }], { threads: 2 });
  const text: string = await classifyText(bytes, {}, 'table');
  const p = createProfiler({ maxCellBytes: 4096 });
  p.push(bytes);
  const again: Report = p.finish();
  try {
    await classify('a,b\n1,"open\n');
  } catch (e) {
    if (e instanceof DataCloakError) console.log(e.code, e.row, e.column);
  }
  const probs: Float32Array = predict(await features(bytes));
  const refined: Refined = refine([{ name: 'email', values: ['ann@example.org'] }], probs);
  console.log(refined.rank[0], refined.probs.length);
  const high: ColumnReport[] = report.columns.filter((c) => c.sensitivity === 'high');
  return [text, info().modelSha256, ...high.map((c) => c.label), ...fromRows.columns.map((c) => c.kind),
    String(fromColumns.table.summary.personal), String(again.table.rows)];
}

export async function cloaking(file: Blob, writable: WritableStream<Uint8Array>): Promise<CloakAction[]> {
  const result = await cloak(file, {
    policy: { labels: { email: 'mask' }, sensitivity: { medium: 'generalize' }, columns: { notes: 'drop' } },
    key: new Uint8Array(32),
    safeFormulas: true,
    sampleSize: 500,
  });
  await result.stream.pipeTo(writable);
  const summary: CloakSummary = await result.done;
  const again = await cloak('a\n1\n', { report: result.report, key: 'a key of sixteen+ bytes' });
  const text: string = await again.text();
  const inWorker = await cloakInWorker(file, { threads: 2 });
  const blob: Blob = inWorker.blob;
  console.log(text, blob.size, summary.key_fingerprint, inWorker.summary.rows);
  return cloakPlan(result.report).columns.map((c) => c.action);
}
