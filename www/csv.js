// Just enough CSV (RFC 4180: quotes, doubled quotes, CRLF, quoted newlines) to show a few sample
// values of each column next to its label. Classification never uses this: the wasm core reads the
// whole file. This reads only the head of the file, in this tab, for display.

/** Bytes of the file read for the sample values. */
export const PREVIEW_BYTES = 64 * 1024;

/**
 * Records of `text`, split on `delimiter`. When `truncated` (the text is a cut-off head of a file),
 * the last record may be incomplete and is dropped.
 */
export function parseCsv(text, delimiter, { truncated = false, maxRecords = 200 } = {}) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length && records.length < maxRecords) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i += 1;
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  // The text ran out inside a record: keep it only when the text is the whole file.
  if (i >= text.length && (field !== '' || record.length > 0) && !truncated && !quoted) endRecord();
  return records;
}

/**
 * Up to `perColumn` distinct non-empty values of each of `columnCount` columns, from the head of
 * the file (skipping the header when there is one).
 */
export function sampleValues(records, columnCount, hasHeader, perColumn = 3) {
  const samples = Array.from({ length: columnCount }, () => []);
  for (const record of records.slice(hasHeader ? 1 : 0)) {
    record.forEach((raw, c) => {
      const v = raw.trim();
      if (c < columnCount && v !== '' && samples[c].length < perColumn && !samples[c].includes(v)) {
        samples[c].push(v);
      }
    });
    if (samples.every((s) => s.length >= perColumn)) break;
  }
  return samples;
}

/** The report's `delimiter` as the character in the file ('tab' and '\t' both mean TAB). */
export const delimiterChar = (d) => (d === 'tab' || d === '\\t' ? '\t' : d || ',');
