// Types of the DataCloak JS API (the same for every entry point: `datacloak`, `datacloak/threads`
// and `datacloak/onnx`, in browsers, Node and Workers).

/** Sensitivity of a label: `high` (identifies or harms a person alone), `medium`, `low`. */
export type Sensitivity = 'high' | 'medium' | 'low';

/** The shape of a column's values (`taxonomy::Kind` in the Rust core). */
export type Kind =
  | 'text_long' | 'text_short' | 'numeric' | 'datetime' | 'categorical' | 'identifier' | 'boolean' | 'unknown';

export interface Scored {
  label: string;
  confidence: number;
}

export interface ColumnStats {
  rows: number;
  nulls: number;
  sampled: number;
  distinct_estimate: number;
  min_length: number;
  max_length: number;
}

/** What DataCloak says about one column. */
export interface ColumnReport {
  name: string;
  index: number;
  /** A label of the taxonomy (`src/taxonomy.json`), e.g. `email`, `ssn`, `identifier`, or `empty`;
   *  a custom model may add its own. */
  label: string;
  /** What the values look like as data. */
  kind: Kind;
  /** Calibrated probability that `label` is right, 0..1 (3 decimals). */
  confidence: number;
  sensitivity: Sensitivity;
  alternatives: Scored[];
  /** Short sentences a person can check. */
  evidence: string[];
  stats: ColumnStats;
  /** Importance in the column graph (sums to 1 over the columns). */
  rank: number;
  /** The confidence is below 0.6: check the alternatives (the evidence names any highly
   *  sensitive one above 0.2). */
  uncertain: boolean;
  /** Where the label comes from: `model`, or `rule:NAME` when a rule of the `rules` option set it. */
  source: 'model' | `rule:${string}`;
}

export interface EdgeReport {
  source: number;
  target: number;
  weight: number;
  reasons: Array<'adjacent' | 'header' | 'values' | 'labels'>;
}

export interface Report {
  columns: ColumnReport[];
  table: {
    source: string;
    rows: number;
    columns: number;
    bytes: number;
    delimiter: string;
    has_header: boolean;
    /** The first row was taken as the header with nothing to support it: it may be data. */
    header_unsure: boolean;
    ragged_rows: number;
    warnings: string[];
    summary: { columns: number; personal: number; high: number; medium: number; low: number; text: string };
    edges: EdgeReport[];
    model: { sha256: string; feature_layout: string; labels: number };
    /** The rules document applied (only with the `rules` option): its name, how many rules, the
     *  labels it adds, and how many columns a rule labelled. */
    rules?: { source: string; rules: number; labels: string[]; columns: number };
  };
}

/** A test of values in a rule: every part given must hold (docs/rules.md). */
export interface RuleValueTest {
  /** Must match the whole value (regex-lite syntax: no Unicode classes, ASCII case folding). */
  regex?: string;
  dictionary?: string[];
  /** Compare dictionary entries without case and accents. */
  fold?: boolean;
  /** A validator of the core, e.g. `luhn`, `iban`, `verhoeff`, `be_national_number` (rules.schema.json lists them). */
  validator?: string;
  /** The last character is `alphabet[(the other digits) mod alphabet.length]`. */
  check_letter?: string;
  length?: { min?: number; max?: number };
}

/** A rules document: an organisation's own labels and rules, applied beside the model
 *  (`rules.schema.json` in the package is its JSON Schema). */
export interface RulesDocument {
  version?: 1;
  labels?: Array<{ name: string; sensitivity: Sensitivity; kind?: Kind; description?: string }>;
  rules: Array<{
    name?: string;
    label?: string;
    description?: string;
    value?: RuleValueTest;
    /** Any of the word phrases, or the pattern (searched anywhere, case-insensitive). */
    header?: { words?: string[]; regex?: string };
    /** Share of sampled non-null values the value test must match (default 0.8). */
    min_share?: number;
    /** Sets the label whatever the model and the neighbouring columns say. */
    override?: boolean;
    /** Labels the column can never have. */
    never?: string[];
  }>;
}

export interface Progress {
  bytesRead: number;
  rowsRead: number;
  /** `cloak` while the safe copy is written (absent while classifying). */
  phase?: 'cloak';
}

/** Options of one classification. Unknown keys are refused with code `INVALID_OPTION`. */
export interface ClassifyOptions {
  /** Values sampled per column (default 1000, at most 100000). */
  sampleSize?: number;
  /** One ASCII character or `'tab'`; sniffed among `,` `;` TAB `|` when absent. */
  delimiter?: string;
  /** Whether the first row is a header; detected when absent. */
  hasHeader?: boolean;
  /** Seed of the deterministic sampler (same seed, same sample, on every platform). */
  seed?: number;
  /** Name of the input used in messages and the report (a File's name by default). */
  source?: string;
  /** Longest accepted cell in bytes (default 1048576). */
  maxCellBytes?: number;
  /** Most accepted columns (default 10000). */
  maxColumns?: number;
  /** Most accepted input bytes (default: no limit). */
  maxBytes?: number;
  /** Bytes of each sampled value analysed (default 256). */
  maxValueBytes?: number;
  /**
   * Bytes all the columns' samples may hold together (default 67108864): a wide table gets fewer
   * sampled values per column (said in `table.warnings`) instead of unbounded memory.
   */
  maxSampleBytes?: number;
  /** A custom ONNX model (its labels and feature layout are checked). Read by the build of
   *  `datacloak/onnx`; `datacloak` and `datacloak/threads` (and so Workers) refuse it with code `MODEL`. */
  model?: Uint8Array | ArrayBuffer;
  /** Your own labels and rules, applied beside the model: the document or its JSON text.
   *  A bad document is refused with code `RULES`, naming the rule. */
  rules?: RulesDocument | string;
  /** The rules document's name in errors (e.g. its file path; default `rules`). */
  rulesSource?: string;
  /** Called after each chunk of the input. */
  onProgress?: (progress: Progress) => void;
  /** Cancels the classification; it then rejects with `code: 'ABORTED'` (`name: 'AbortError'`). */
  signal?: AbortSignal;
}

export interface InitOptions {
  /** A compiled module (required on Cloudflare Workers unless the bundler imports the .wasm). */
  module?: WebAssembly.Module;
  /** The .wasm as bytes instead of the file next to the package; in browsers also a URL or a
   *  `Response` to fetch it from (Node and Workers take bytes or `module` only). */
  wasm?: BufferSource | URL | string | Response;
  /**
   * Browser, `datacloak/threads` only: threads of the threaded build, which runs inside Web Workers
   * of cross-origin isolated pages (default `navigator.hardwareConcurrency`; 1: the single-threaded
   * build). The default `datacloak` entry is single-threaded and says so on the console if asked for more.
   */
  threads?: number;
}

/** Columns given directly. */
export interface ColumnInput {
  name: string;
  values: Array<string | number | boolean | Date | null | undefined>;
}

export type Input =
  | string
  | Uint8Array
  | ArrayBuffer
  | ArrayBufferView
  | Blob
  | ReadableStream<Uint8Array | string>
  | AsyncIterable<Uint8Array | string>
  | ColumnInput[]
  | Array<Record<string, unknown>>;

/** The properties a DataCloakError may carry besides `name` and `message`. */
export const ERROR_FIELDS: readonly ['code', 'input', 'row', 'line', 'column', 'option', 'rule'];

/** A failure with a stable `code` and, when it concerns one place, where. */
export class DataCloakError extends Error {
  /** `name`, `message` and the fields that are set, as plain data. */
  toJSON(): { name: string; message: string; code: string; input?: string; row?: number; line?: number; column?: string; option?: string; rule?: string };
  code:
    | 'EMPTY_INPUT' | 'BINARY_INPUT' | 'UNSUPPORTED_ENCODING' | 'UNTERMINATED_QUOTE' | 'CELL_TOO_LARGE'
    | 'ROW_TOO_LARGE' | 'TOO_MANY_COLUMNS' | 'INPUT_TOO_LARGE' | 'INVALID_OPTION' | 'MODEL' | 'MODEL_MISMATCH' | 'IO'
    | 'STATE' | 'POLICY' | 'REPORT_MISMATCH' | 'RULES' | 'ABORTED' | 'INTERNAL' | 'USAGE';
  /** The input's name (`source`). */
  input?: string;
  /** 1-based record number (the header is row 1). */
  row?: number;
  /** 1-based line where the record starts. */
  line?: number;
  /** Column name. */
  column?: string;
  /** The option at fault, for `INVALID_OPTION` (`policy` for `POLICY`, `rules` for `RULES`). */
  option?: string;
  /** Where in the rules document, for `RULES` (e.g. `rules[2].value.regex`). */
  rule?: string;
}

/** Loads the wasm module once; later calls return at once. `classify` calls it when needed. */
export function init(options?: InitOptions): Promise<void>;
export function classify(input: Input, options?: ClassifyOptions): Promise<Report>;
/** The report as the native CLI prints it (pretty JSON), or its text table. */
export function classifyText(input: Input, options?: ClassifyOptions, format?: 'json' | 'table'): Promise<string>;
/**
 * `classify` in a Web Worker (browsers); elsewhere the same as `classify`. With `datacloak/threads`,
 * `threads` sets the worker's thread pool on cross-origin isolated pages (1: the single-threaded build).
 */
export function classifyInWorker(input: Input, options?: ClassifyOptions & { threads?: number }): Promise<Report>;
/**
 * `info()` of the build a Web Worker loads with these init options (browsers; elsewhere `info()`
 * after `init()`): `threads` says whether `classifyInWorker` and the like run on a thread pool.
 */
export function infoInWorker(options?: { threads?: number }): Promise<BuildInfo>;

export interface Profiler {
  push(chunk: Uint8Array | string): void;
  readonly bytesRead: number;
  readonly rowsRead: number;
  finish(model?: Uint8Array): Report;
  free(): void;
}
/** Streaming by hand (after `await init()`): push chunks as they arrive, then `finish()`. */
export function createProfiler(options?: Omit<ClassifyOptions, 'model' | 'onProgress' | 'signal'>): Profiler;

export interface BuildInfo {
  labels: string[];
  modelSha256: string;
  featureCount: number;
  simd: boolean;
  threads: boolean;
  /** Whether this build reads custom ONNX models (`model`): `datacloak/onnx`'s does, `datacloak`'s does not. */
  customModels: boolean;
  memoryBytes: number | null;
  /** Columns of the default engine answered from the feature cache, and extracted. */
  featureCache: { hits: number; misses: number };
  /** Custom models loaded (and optimised) so far; the same buffer passed again is not reloaded. */
  customModelsLoaded: number;
}
export function info(): BuildInfo;
/** `text` with control, bidi and zero-width characters escaped, as the CLIs print names. */
export function forTerminal(text: string): string;
export interface Profiled {
  readonly columnCount: number;
  /** Every column's feature vector, concatenated (`featureCount` floats each). */
  features(): Float32Array;
  free(): void;
}
/** Inputs `profile` and `features` take: CSV text or bytes, not arrays of columns or rows. */
export type CsvInput = Exclude<Input, ColumnInput[] | Array<Record<string, unknown>>>;
/** Profiles an input without classifying it (for tools and benchmarks); `signal` and
 *  `onProgress` are not used here. */
export function profile(input: CsvInput, options?: Omit<ClassifyOptions, 'model' | 'onProgress' | 'signal'>): Promise<Profiled>;
/** Feature vectors of every column, concatenated (`featureCount` floats each). */
export function features(input: CsvInput, options?: Omit<ClassifyOptions, 'model' | 'onProgress' | 'signal'>): Promise<Float32Array>;
/**
 * Forgets the feature vectors remembered from earlier classifications. Each engine keeps those of
 * its last ~1,000 columns so that re-classifying the same data is fast; they hold no cell values.
 */
export function clearCache(): void;
/**
 * Runs the model alone on feature vectors laid end to end (as `features()` returns them): label
 * probabilities, `info().labels.length` per column, in the order of `info().labels`.
 */
export function predict(features: Float32Array, options?: { model?: Uint8Array | ArrayBuffer }): Float32Array;
/** The column graph's answer: refined probabilities (laid out as given) and one rank per column. */
export interface Refined {
  probs: Float32Array;
  rank: Float32Array;
}
/**
 * Runs the table-context graph alone on label probabilities you already have (`info().labels.length`
 * per column, e.g. from `predict`): neighbouring columns correct each other as in `classify`.
 */
export function refine(
  columns: ColumnInput[] | Array<Record<string, unknown>>,
  probs: Float32Array,
  options?: { model?: Uint8Array | ArrayBuffer },
): Refined;

/** What the cloak does to every value of a column (`cloak::Action` in the Rust core). */
export type CloakAction = 'keep' | 'drop' | 'redact' | 'mask' | 'pseudonymise' | 'generalise' | 'fake';

/**
 * A cloak policy (docs/cloak.md). Most specific first: `columns` (by header), `labels`,
 * `sensitivity`, then the default (high → pseudonymise, medium → generalise, low → keep).
 * The American spellings `pseudonymize` and `generalize` are read too.
 */
export interface CloakPolicy {
  version?: 1;
  sensitivity?: Partial<Record<Sensitivity, CloakAction | 'pseudonymize' | 'generalize'>>;
  labels?: Record<string, CloakAction | 'pseudonymize' | 'generalize'>;
  columns?: Record<string, CloakAction | 'pseudonymize' | 'generalize'>;
  /** The token `redact` writes (default `[redacted]`). */
  redaction?: string;
}

export interface CloakOptions extends ClassifyOptions {
  policy?: CloakPolicy | string;
  /** The policy's name in error messages (e.g. its file name; default `policy`). */
  policySource?: string;
  /** The secret for pseudonyms and fakes (16 to 4096 bytes; text is UTF-8). Without one, a random
   *  key is made for this call and never kept: tokens then differ from run to run. */
  key?: string | Uint8Array | ArrayBuffer;
  /** A classify report of this input (object or JSON text): one pass, no classification. */
  report?: Report | string;
  /** Prefix cells a spreadsheet would run as formulas (`=`, `+`, `-`, `@`, ...) with `'`. */
  safeFormulas?: boolean;
}

/** The action chosen for one column, and the part of the policy that chose it. */
export interface ColumnPlan {
  name: string;
  index: number;
  label: string;
  sensitivity: Sensitivity;
  action: CloakAction;
  reason: string;
}

export interface CloakPlan {
  columns: ColumnPlan[];
  /** Policy entries that matched no column of this table. */
  warnings: string[];
}

export interface CloakSummary {
  rows: number;
  columns: Array<ColumnPlan & { changed: number; nulls: number; unreadable: number }>;
  ragged_rows: number;
  formulas_neutralised: number;
  key: 'given' | 'random';
  /** 8 hex digits naming a given key (same key, same fingerprint); null for a random key. */
  key_fingerprint: string | null;
  warnings: string[];
}

export interface CloakResult {
  /** The classification the cloak acted on. */
  report: Report;
  plan: CloakPlan;
  /** The cloaked CSV; read it once (or use `text()` / `blob()`, which read it). */
  stream: ReadableStream<Uint8Array>;
  /** Resolves with the summary once the stream has been read to its end. */
  done: Promise<CloakSummary>;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

/**
 * Turns a CSV into a safe copy: classifies it (unless `report` is given), then streams it through
 * the policy. Text, bytes and Blobs are read twice; a stream or async iterable is classified on
 * its first 8 MiB, held while they are cloaked.
 */
export function cloak(input: CsvInput, options?: CloakOptions): Promise<CloakResult>;

/** `cloak` read to its end — in a Web Worker in browsers, on the same thread in Node and Workers. */
export function cloakInWorker(
  input: CsvInput,
  options?: CloakOptions & { threads?: number },
): Promise<{ report: Report; plan: CloakPlan; blob: Blob; summary: CloakSummary }>;

/** The plan `cloak` would follow for a report under a policy. Needs `init()`. */
export function cloakPlan(report: Report | string, policy?: CloakPolicy | string): CloakPlan;

/** The action names, and the labels `generalise` fits. Needs `init()`. */
export function cloakActions(): { actions: CloakAction[]; generalise: string[] };

export interface CloakPreview {
  report: Report;
  /** What `cloak` would do under the policy given (default: the built-in one). */
  plan: CloakPlan;
  actions: { actions: CloakAction[]; generalise: string[] };
}

/** Classifies and gives the cloak's plan, for a page offering an action per column. */
export function planCloak(input: Input, options?: ClassifyOptions & { policy?: CloakPolicy | string }): Promise<CloakPreview>;

/** `planCloak` in a Web Worker in browsers (on the same thread in Node and Workers). */
export function planCloakInWorker(
  input: Input,
  options?: ClassifyOptions & { policy?: CloakPolicy | string; threads?: number },
): Promise<CloakPreview>;
