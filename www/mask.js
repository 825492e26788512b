// Masks sample values for display, by what the column was classified as. The page shows a few
// values so a person can judge the label, but a screen (or a screenshot) should not show a whole
// card number: high-sensitivity values keep only a hint (last digits, first letter, domain),
// medium ones their first third, low ones show as they are.

const DOT = '•';
const ALNUM = /[\p{L}\p{N}]/u;
/** Longest value shown; longer ones are cut with an ellipsis. */
const MAX_SHOWN = 32;

/**
 * Letters and digits become dots except the first `keepStart` and the last `keepEnd` of them;
 * spaces and punctuation stay, so the value keeps its shape (`•••-••-6789`). At most half of the
 * letters and digits are ever kept.
 */
export function maskShape(value, keepStart = 0, keepEnd = 0) {
  const chars = [...value];
  const total = chars.filter((c) => ALNUM.test(c)).length;
  const budget = Math.floor(total / 2);
  const start = Math.min(keepStart, budget);
  const end = Math.min(keepEnd, budget - start);
  let seen = 0;
  return chars
    .map((c) => {
      if (!ALNUM.test(c)) return c;
      seen += 1;
      return seen <= start || seen > total - end ? c : DOT;
    })
    .join('');
}

/** First character of each word, then three dots: `Sophia Martinez` → `S••• M•••`. */
const initials = (value) =>
  value
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]}${DOT.repeat(3)}`)
    .join(' ');

/** Rules for high-sensitivity labels; anything else high is masked completely. */
const HIGH = {
  email: (v) => {
    const at = v.lastIndexOf('@');
    return at > 0 ? `${[...v][0]}${DOT.repeat(3)}${v.slice(at)}` : maskShape(v);
  },
  phone_number: (v) => maskShape(v, 0, 2),
  first_name: initials,
  last_name: initials,
  person_name: initials,
  username: (v) => `${[...v][0]}${DOT.repeat(3)}`,
  ssn: (v) => maskShape(v, 0, 4),
  national_id: (v) => maskShape(v, 0, 3),
  passport_number: (v) => maskShape(v, 0, 2),
  credit_card_number: (v) => maskShape(v, 0, 4),
  iban: (v) => maskShape(v, 2, 4),
  ip_address: (v) => (v.includes('.') ? maskShape(v, v.split('.')[0].length, 0) : maskShape(v, 4, 0)),
  // The first characters of a key or hash name its kind (AKIA, $2b$), not the secret.
  api_key: (v) => `${[...v].slice(0, 4).join('')}${DOT.repeat(6)}`,
  password_hash: (v) => `${[...v].slice(0, 4).join('')}${DOT.repeat(6)}`,
};

function cut(v) {
  const chars = [...v];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : v;
}

/** `value` as the page may show it for a column with this `label` and `sensitivity`. */
export function maskValue(value, label, sensitivity) {
  if (sensitivity === 'high') return cut((HIGH[label] ?? ((v) => maskShape(v)))(value));
  if (sensitivity === 'medium') {
    const n = [...value].filter((c) => ALNUM.test(c)).length;
    return cut(maskShape(value, Math.ceil(n / 3), 0));
  }
  return cut(value);
}
