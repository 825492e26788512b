// A Cloudflare Worker that classifies a CSV posted to /classify and answers with the JSON report,
// and cloaks a CSV posted to /cloak and streams the safe copy back. The CSV streams through the
// wasm module inside this isolate: it is never stored or forwarded.
//
//   curl --data-binary @customers.csv 'http://127.0.0.1:8787/classify?sampleSize=500'
//   curl --data-binary @customers.csv -H 'x-datacloak-policy: {"labels": {"email": "mask"}}' \
//        'http://127.0.0.1:8787/cloak?safeFormulas=true' > safe.csv
//
// Query parameters: the data options sampleSize, delimiter, hasHeader, seed, source, and the limits maxBytes,
// maxSampleBytes, maxCellBytes, maxColumns, maxValueBytes, which a request may only lower; for /cloak also
// safeFormulas. The cloak's key is the Worker's secret CLOAK_KEY (`wrangler secret put CLOAK_KEY`), never a
// request's: without it each request gets a random key and its tokens match no other request's. The policy is
// the request's `x-datacloak-policy` header, else the Worker's CLOAK_POLICY variable, else the default.
// The body is read once: the cloak classifies its first 8 MiB, then streams the whole body through.
// An organisation's own labels and rules (docs/rules.md) come from the Worker's DATACLOAK_RULES variable,
// never from a request: `wrangler dev --var DATACLOAK_RULES:"$(cat rules.json)"`, or [vars] in wrangler.toml.
import { classifyText, cloak, DataCloakError } from 'datacloak';

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

/** Options of /cloak only. */
const CLOAK_OPTIONS = { safeFormulas: 'boolean' };

/** Longest policy a request header may carry. */
const MAX_POLICY_BYTES = 16 * 1024;

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

/** Query parameters as classify options: data options as given, limits only below the server's.
 *  `extra` are the options of one endpoint besides those. */
function optionsFrom(params, extra = {}) {
  const options = { source: 'request body', ...LIMITS };
  const known = { ...DATA_OPTIONS, ...extra };
  for (const [key, text] of params) {
    if (key in LIMITS) {
      if (!/^\d+$/.test(text)) throw new QueryError(key, 'must be a whole number');
      options[key] = Math.min(Number(text), LIMITS[key]);
    } else if (known[key] === 'number') {
      if (!/^\d+$/.test(text)) throw new QueryError(key, 'must be a whole number');
      options[key] = Number(text);
    } else if (known[key] === 'boolean') {
      if (text !== 'true' && text !== 'false') throw new QueryError(key, 'must be true or false');
      options[key] = text === 'true';
    } else if (known[key] === 'string') {
      options[key] = text;
    } else {
      const names = [...Object.keys(known), ...Object.keys(LIMITS)].join(', ');
      throw new QueryError(key, `is not an option of this endpoint (known: ${names})`);
    }
  }
  // The analysed prefix of a value cannot be longer than the longest cell a request allows.
  options.maxValueBytes = Math.min(options.maxValueBytes, options.maxCellBytes);
  return options;
}

/** The Worker's rules document, from its configuration (a bad one answers every request with a
 *  coded 500 that names the rule, since no request can fix it). */
function rulesFrom(env) {
  const rules = env?.DATACLOAK_RULES;
  return rules ? { rules, rulesSource: 'DATACLOAK_RULES' } : {};
}

/** The answer to a failure: coded JSON, never a stack trace or a file path. */
function errorResponse(e, what) {
  if (e instanceof QueryError) return failure(400, 'INVALID_OPTION', e.message, { option: e.option });
  if (!(e instanceof DataCloakError)) {
    // The Worker's own log has the details.
    console.error(`${what} failed:`, e);
    return failure(500, 'INTERNAL', `internal error while ${what}; the data was not kept`);
  }
  const { name, ...fields } = e.toJSON();
  // A bad rules document is the server's configuration, not the request's fault.
  return json(e.code === 'RULES' ? 500 : STATUS[e.code] ?? 400, { error: fields });
}

/**
 * /cloak: the safe copy streamed back as it is made. Errors found before the first byte (the
 * options, the policy, the classification of the head) are coded JSON answers; one found later
 * (a broken quote near the end) can only abort the response, which the client sees as a failed
 * download, never as a complete file.
 */
async function cloakResponse(request, env, url) {
  const options = optionsFrom(url.searchParams, CLOAK_OPTIONS);
  const header = request.headers.get('x-datacloak-policy');
  if (header !== null && header.length > MAX_POLICY_BYTES) {
    throw new QueryError('x-datacloak-policy', `is longer than ${MAX_POLICY_BYTES} bytes`);
  }
  const policy = header ?? env?.CLOAK_POLICY;
  const result = await cloak(request.body, {
    ...options,
    ...rulesFrom(env),
    policy,
    policySource: header !== null ? 'x-datacloak-policy header' : 'CLOAK_POLICY',
    key: env?.CLOAK_KEY || undefined,
  });
  return new Response(result.stream, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'cache-control': 'no-store',
      'x-datacloak-key': env?.CLOAK_KEY ? 'given' : 'random',
      // What each column got, when it fits in a header (the plan is also what /classify plus the
      // policy give).
      ...planHeader(result.plan),
    },
  });
}

function planHeader(plan) {
  const text = plan.columns.map((c) => `${encodeURIComponent(c.name)}=${c.action}`).join(',');
  return text.length <= 8192 ? { 'x-datacloak-actions': text } : {};
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== '/classify' && url.pathname !== '/cloak') {
      return failure(404, 'NOT_FOUND', 'POST a CSV body to /classify or /cloak');
    }
    if (request.method !== 'POST') {
      return failure(405, 'METHOD_NOT_ALLOWED', 'use POST with the CSV as the body', {}, { allow: 'POST' });
    }
    if (!request.body) return failure(400, 'EMPTY_INPUT', 'request body: no data (POST the CSV as the body)');
    if (url.pathname === '/cloak') {
      try {
        return await cloakResponse(request, env, url);
      } catch (e) {
        return errorResponse(e, 'cloaking');
      }
    }
    try {
      const report = await classifyText(request.body, { ...optionsFrom(url.searchParams), ...rulesFrom(env) });
      return json(200, report);
    } catch (e) {
      return errorResponse(e, 'classifying');
    }
  },
};
