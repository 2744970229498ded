// The scenario matching rule of tests/scenarios/README.md ("Matching rule"),
// the same one the native tests implement in C++. match() returns a list of
// mismatches, each "pointer: what was wrong"; empty means the response matches.

const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
const show = (x) => (x === undefined ? 'absent' : JSON.stringify(x));

function matchConditions(expect, actual, path, out) {
  if (!Array.isArray(actual)) {
    out.push(`${path}: expected a conditions array, got ${show(actual)}`);
    return;
  }
  for (const [id, want] of Object.entries(expect)) {
    // A value is the expected `passed`, or {passed, cite} with the cite matched partially.
    const passed = isObject(want) ? want.passed : want;
    const hit = actual.find((c) => isObject(c) && c.id === id);
    if (!hit) out.push(`${path}: no condition "${id}" (have ${actual.map((c) => c && c.id).join(', ')})`);
    else if (hit.passed !== passed) out.push(`${path}/${id}: passed ${show(hit.passed)}, want ${show(passed)}`);
    else if (isObject(want) && 'cite' in want) matchValue(want.cite, hit.cite, `${path}/${id}/cite`, out);
  }
}

function matchWhatif(expect, actual, path, out) {
  if (!Array.isArray(expect) || !Array.isArray(actual)) {
    out.push(`${path}: expected arrays, got ${show(actual)}`);
    return;
  }
  expect.forEach((want, i) => {
    if (!actual.some((a) => matchValue(want, a, '', []).length === 0)) {
      out.push(`${path}[${i}]: no whatif matches ${show(want)} (have ${show(actual)})`);
    }
  });
}

function matchNotes(expect, notes, path, out) {
  const list = Array.isArray(notes) ? notes.filter((n) => typeof n === 'string') : [];
  for (const needle of expect) {
    if (!list.some((n) => n.includes(needle))) out.push(`${path}: no note contains "${needle}"`);
  }
}

function matchMessage(expect, message, path, out) {
  const text = typeof message === 'string' ? message : '';
  for (const needle of expect) {
    if (!text.includes(needle)) out.push(`${path}: the message does not contain "${needle}"`);
  }
}

function matchValue(expect, actual, path, out) {
  if (Array.isArray(expect)) {
    if (!Array.isArray(actual) || actual.length !== expect.length) {
      out.push(`${path}: ${show(actual)}, want ${show(expect)}`);
      return out;
    }
    expect.forEach((e, i) => matchValue(e, actual[i], `${path}/${i}`, out));
    return out;
  }
  if (isObject(expect)) {
    if (!isObject(actual)) {
      out.push(`${path}: ${show(actual)}, want an object like ${show(expect)}`);
      return out;
    }
    for (const [key, want] of Object.entries(expect)) {
      const at = `${path}/${key}`;
      if (key === 'conditions' && isObject(want)) matchConditions(want, actual.conditions, at, out);
      else if (key === 'whatif') matchWhatif(want, actual.whatif, at, out);
      else if (key === 'notes_include') matchNotes(want, actual.notes, `${path}/notes`, out);
      else if (key === 'message_includes' && Array.isArray(want)) matchMessage(want, actual.message, `${path}/message`, out);
      else if (!(key in actual)) out.push(`${at}: absent, want ${show(want)}`);
      else matchValue(want, actual[key], at, out);
    }
    return out;
  }
  if (expect !== actual) out.push(`${path}: ${show(actual)}, want ${show(expect)}`);
  return out;
}

/** Mismatches of `response` against a scenario's `expect` (README rules 1–5). */
export function match(expect, response) {
  let want = expect;
  // Rule 5: the contract examples' shorthand {"ok": false, "code", "path"}.
  if (isObject(expect) && expect.ok === false && ('code' in expect || 'path' in expect)) {
    const { code, path, ...rest } = expect;
    const error = { ...(isObject(rest.error) ? rest.error : {}) };
    if (code !== undefined) error.code = code;
    if (path !== undefined) error.path = path;
    want = { ...rest, error };
  }
  return matchValue(want, response, '', []);
}
