// A Cloudflare Worker that classifies a CSV posted to /classify and answers with the JSON report.
// The CSV streams through the wasm module inside this isolate: it is never stored or forwarded.
//
//   curl --data-binary @customers.csv 'http://127.0.0.1:8787/classify?sampleSize=500'
//
// Query parameters: the data options sampleSize, delimiter, hasHeader, seed, source, and the limits maxBytes,
// maxSampleBytes, maxCellBytes, maxColumns, maxValueBytes, which a request may only lower.
import { classifyText, DataCloakError } from 'datacloak';

/**
 * The server's limits. A request may lower any of them with the query parameter of the same name,
 * never raise it: a Worker has 128 MB of memory and a CPU budget, and the client is not trusted.
 */
const LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  // A quarter of the Worker's memory at most for the samples of a very wide table.
  maxSampleBytes: 32 << 20,
  maxCellBytes: 1 << 20,
  maxColumns: 10_000,
  maxValueBytes: 256,
};

/** Options about the data itself that a request may set freely. */
const DATA_OPTIONS = { sampleSize: 'number', delimiter: 'string', hasHeader: 'boolean', seed: 'number', source: 'string' };

const STATUS = { INPUT_TOO_LARGE: 413, UNSUPPORTED_ENCODING: 415, MODEL: 500, STATE: 500, INTERNAL: 500 };

function json(status, body, extra = {}) {
  return new Response(typeof body === 'string' ? `${body}\n` : `${JSON.stringify(body)}\n`, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra },
  });
}

function failure(status, code, message, more = {}, headers = {}) {
  return json(status, { error: { code, message, ...more } }, headers);
}

class QueryError extends Error {
  constructor(option, message) {
    super(`query parameter ${option}: ${message}`);
    this.option = option;
  }
}

/** Query parameters as classify options: data options as given, limits only below the server's. */
function optionsFrom(params) {
  const options = { source: 'request body', ...LIMITS };
  for (const [key, text] of params) {
    if (key in LIMITS) {
      if (!/^\d+$/.test(text)) throw new QueryError(key, 'must be a whole number');
      options[key] = Math.min(Number(text), LIMITS[key]);
    } else if (DATA_OPTIONS[key] === 'number') {
      if (!/^\d+$/.test(text)) throw new QueryError(key, 'must be a whole number');
      options[key] = Number(text);
    } else if (DATA_OPTIONS[key] === 'boolean') {
      if (text !== 'true' && text !== 'false') throw new QueryError(key, 'must be true or false');
      options[key] = text === 'true';
    } else if (DATA_OPTIONS[key] === 'string') {
      options[key] = text;
    } else {
      const known = [...Object.keys(DATA_OPTIONS), ...Object.keys(LIMITS)].join(', ');
      throw new QueryError(key, `is not an option of this service (known: ${known})`);
    }
  }
  // The analysed prefix of a value cannot be longer than the longest cell a request allows.
  options.maxValueBytes = Math.min(options.maxValueBytes, options.maxCellBytes);
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
      if (e instanceof QueryError) return failure(400, 'INVALID_OPTION', e.message, { option: e.option });
      if (!(e instanceof DataCloakError)) {
        // Never a stack trace or a file path in the answer; the Worker's own log has the details.
        console.error('classify failed:', e);
        return failure(500, 'INTERNAL', 'internal error while classifying; the data was not kept');
      }
      const { name, ...fields } = e.toJSON();
      return json(STATUS[e.code] ?? 400, { error: fields });
    }
  },
};
