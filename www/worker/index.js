// A Cloudflare Worker that classifies a CSV posted to /classify and answers with the JSON report.
// The CSV streams through the wasm module inside this isolate: it is never stored or forwarded.
//
//   curl --data-binary @customers.csv 'http://127.0.0.1:8787/classify?sampleSize=500'
//
// Query parameters are the options of `classify` (sampleSize, delimiter, hasHeader, maxBytes, ...).
import { classifyText, DataCloakError } from 'datacloak';

/** Bytes a request may carry unless `maxBytes` asks for less: what fits a Worker's CPU budget. */
const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const STATUS = { INPUT_TOO_LARGE: 413, UNSUPPORTED_ENCODING: 415, MODEL: 500, STATE: 500 };

function json(status, body, extra = {}) {
  return new Response(typeof body === 'string' ? `${body}\n` : `${JSON.stringify(body)}\n`, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra },
  });
}

function failure(status, code, message, more = {}, headers = {}) {
  return json(status, { error: { code, message, ...more } }, headers);
}

/** Query parameters as classify options: numbers and booleans parsed, the rest left as text. */
function optionsFrom(params) {
  // A Worker has 128 MB of memory: a quarter of it at most for the samples of a very wide table.
  const options = { source: 'request body', maxBytes: DEFAULT_MAX_BYTES, maxSampleBytes: 32 << 20 };
  for (const [key, value] of params) {
    if (value === 'true' || value === 'false') options[key] = value === 'true';
    else if (/^\d+$/.test(value)) options[key] = Number(value);
    else options[key] = value;
  }
  return options;
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname !== '/classify') {
      return failure(404, 'NOT_FOUND', 'POST a CSV body to /classify');
    }
    if (request.method !== 'POST') {
      return failure(405, 'METHOD_NOT_ALLOWED', 'use POST with the CSV as the body', {}, { allow: 'POST' });
    }
    if (!request.body) return failure(400, 'EMPTY_INPUT', 'request body: no data (POST the CSV as the body)');
    try {
      const report = await classifyText(request.body, optionsFrom(url.searchParams));
      return json(200, report);
    } catch (e) {
      if (!(e instanceof DataCloakError)) throw e;
      const { code, message, row, line, column, option } = e;
      return failure(STATUS[code] ?? 400, code, message, { row, line, column, option });
    }
  },
};
