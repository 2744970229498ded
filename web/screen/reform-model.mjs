// The what-if panel's state (测算方案) as plain data and pure functions, so
// the page draws it and the tests check it without a browser: the policy's
// parameters as the engine lists them (Estimator#parameters), the values the
// clerk typed, the 国办发〔2025〕25号 uplift choice, and the reform document
// they make (rules/README.md "Reforms"). The engine checks the document; a
// value refused there is shown at its field by the issue's pointer.

/** Words for the parameters a stabilisation refund policy has; others show their id. */
export const PARAM_WORDS = {
  refund_rate_sme: { zh: '中小微企业返还比例', en: 'Refund rate, small, medium and micro enterprises' },
  refund_rate_large: { zh: '大型企业返还比例', en: 'Refund rate, large enterprises' },
  min_contribution_months: { zh: '最少缴费月数', en: 'Least months of contributions' },
  layoff_rate_max: { zh: '裁员率上限', en: 'Highest layoff rate' },
  small_unit_headcount: { zh: '小单位的参保人数上限', en: 'Headcount of a small unit, at most' },
  small_unit_layoff_rate_max: { zh: '小单位的裁员率上限', en: 'Highest layoff rate of a small unit' },
  large_headcount: { zh: '大型企业的参保人数下限', en: 'Headcount from which an enterprise is large' },
};

/** The uplift of 国办发〔2025〕25号 一（二）: SME up to 90%, large up to 50%. */
export const UPLIFT = { sme: '90%', large: '50%', fact: 'related_enterprise' };

export function label(id, lang) {
  const w = PARAM_WORDS[id];
  return w ? (lang === 'en' ? w.en : w.zh) : id;
}

/** Whether the uplift can be chosen: the policy has both refund rates. */
export function upliftApplies(params) {
  const ids = new Set((params || []).map((p) => p.id));
  return ids.has('refund_rate_sme') && ids.has('refund_rate_large');
}

// The uplift as a parameter's cases say it: raised to `raised` where
// related_enterprise is yes, and nothing else.
function isUpliftCase(when, raised) {
  return Array.isArray(when) && when.length === 1 && when[0] && when[0].fact === UPLIFT.fact && when[0].equals === true &&
    String(when[0].value) === raised && !when[0].where_adopted;
}

/** The uplift the policy in force already has: 'column' where both rates carry it (国办发〔2025〕25号 from 2025-07-09), else 'none'. */
function upliftInForce(params) {
  const rate = (id) => params.find((p) => p.id === id);
  const sme = rate('refund_rate_sme'), large = rate('refund_rate_large');
  return sme && large && isUpliftCase(sme.when, UPLIFT.sme) && isUpliftCase(large.when, UPLIFT.large) ? 'column' : 'none';
}

/**
 * A fresh panel for a parameters answer: every editable parameter at its
 * value in force, and the uplift as the policy in force has it.
 */
export function newPanel(parameters) {
  const params = (parameters.params || []).filter((p) => p.editable);
  const policy = parameters.policy || {};
  const inForce = upliftInForce(params);
  return {
    base: policy.id || '', program: parameters.program || '', docNo: policy.doc_no || '',
    params, values: Object.fromEntries(params.map((p) => [p.id, String(p.value)])),
    upliftInForce: inForce, uplift: inForce, title: '', issues: [],
  };
}

const RAISED = { refund_rate_sme: UPLIFT.sme, refund_rate_large: UPLIFT.large };

/**
 * The cases a parameter has in force that the panel does not draw as the
 * uplift (a value that depends on another fact, or a province's choice):
 * a reform that sets the parameter replaces them, and the panel says so.
 */
export function otherCases(panel, param) {
  if (RAISED[param.id] && panel.upliftInForce === 'column') return [];
  return (param.when || []);
}

/** The panel with one value typed. */
export function setValue(panel, id, text) {
  return { ...panel, values: { ...panel.values, [id]: String(text).trim() }, issues: [] };
}

export function setUplift(panel, uplift) {
  return { ...panel, uplift: ['none', 'all', 'column'].includes(uplift) ? uplift : 'none', issues: [] };
}

export function setTitle(panel, title) {
  return { ...panel, title: String(title).slice(0, 200), issues: [] };
}

// A typed value as the reform writes it: counts as numbers, rates and
// amounts as text ("40%", "1500"); a rate typed without % gets one.
function written(param, text) {
  const t = String(text).trim().replace(/％/g, '%');
  if (param.type === 'count') return /^\d+$/.test(t) ? Number(t) : t;
  if (param.type === 'rate' && /^\d+(\.\d+)?$/.test(t)) return `${t}%`;
  return t;
}

function same(param, text) {
  return String(written(param, text)) === String(param.value);
}

/** The value a rate field shows: the raised ceiling while the uplift applies to every enterprise. */
export function shownValue(panel, param) {
  return panel.uplift === 'all' && RAISED[param.id] ? RAISED[param.id] : panel.values[param.id];
}

/** What the panel changes: [{ id, from, to }] (the uplift's rates included). */
export function changes(panel) {
  const out = [];
  for (const p of panel.params) {
    const typed = panel.values[p.id];
    const upliftTo = panel.uplift === 'all' ? RAISED[p.id] || null : null;
    if (upliftTo) out.push({ id: p.id, from: String(p.value), to: upliftTo });
    else if (typed !== undefined && typed !== '' && !same(p, typed)) out.push({ id: p.id, from: String(p.value), to: String(written(p, typed)) });
  }
  if (panel.uplift === 'column' && panel.upliftInForce !== 'column') out.push({ id: UPLIFT.fact, from: '', to: `${UPLIFT.sme} / ${UPLIFT.large}` });
  if (panel.uplift === 'none' && panel.upliftInForce === 'column') out.push({ id: UPLIFT.fact, from: `${UPLIFT.sme} / ${UPLIFT.large}`, to: '' });
  return out;
}

/**
 * The reform document the panel makes, or null when it changes nothing.
 * The uplift "for every enterprise" sets the raised ceilings; "for the units
 * the sheet marks" keeps the typed rate and raises it where
 * related_enterprise is 是 (a column of the file).
 */
export function reformOf(panel) {
  if (!changes(panel).length) return null;
  const set = {};
  const upliftChanged = panel.uplift !== panel.upliftInForce;
  for (const p of panel.params) {
    const typed = panel.values[p.id];
    const value = typed === undefined || typed === '' ? p.value : written(p, typed);
    const raised = RAISED[p.id] || null;
    if (raised && panel.uplift === 'all') set[p.id] = raised;
    else if (raised && panel.uplift === 'column' && (upliftChanged || !same(p, value))) set[p.id] = { value, when: [{ fact: UPLIFT.fact, equals: true, value: raised }] };
    else if (raised && panel.uplift === 'none' && (upliftChanged || !same(p, value))) set[p.id] = value;
    else if (!raised && !same(p, value)) set[p.id] = value;
  }
  const title = panel.title || defaultTitle(panel);
  return { kind: 'reform', format: 1, id: idOf(panel), title, base: panel.base, program: panel.program, set };
}

function defaultTitle(panel) {
  const parts = changes(panel).map((c) => (c.id === UPLIFT.fact ? `相关企业提高到${c.to}` : `${label(c.id, 'zh')}${c.to}`));
  return `${panel.docNo || panel.base}：${parts.join('，')}`.slice(0, 200);
}

// A stable id from what it changes (the reform's id must be [a-z0-9_-]).
function idOf(panel) {
  const text = JSON.stringify([panel.base, panel.uplift, panel.params.map((p) => panel.values[p.id])]);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return `${panel.base}-whatif-${h.toString(36)}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-').slice(0, 64);
}

/**
 * A reform document read back into the panel (a saved file, a shared
 * link): its values into the fields, its uplift recognised. One for another
 * policy is refused, saying which.
 */
export function panelFrom(panel, reform) {
  if (!reform || typeof reform !== 'object' || reform.kind !== 'reform') {
    return { ...panel, issues: [{ pointer: '', message: '这不是测算方案文件（kind 应为 "reform"）' }] };
  }
  if (reform.base !== panel.base || reform.program !== panel.program) {
    return { ...panel, issues: [{ pointer: '/base', message: `这个方案基于 ${reform.base}（${reform.program}），当前筛查用的是 ${panel.base}：请先按那份政策筛查` }] };
  }
  const values = { ...Object.fromEntries(panel.params.map((p) => [p.id, String(p.value)])) };
  let uplift = panel.upliftInForce;
  const set = reform.set || {};
  const ids = new Set(panel.params.map((p) => p.id));
  // What the panel cannot draw it refuses, rather than run another reform than the one loaded.
  const refuse = (id, why) => ({ ...panel, issues: [{ pointer: `/set/${id}`, message: `这个方案的 ${id} ${why}，面板无法表示；请用命令行 estimate --reform 测算这个方案` }] });
  const sets = { column: 0, plain: 0 };
  for (const [id, v] of Object.entries(set)) {
    if (!ids.has(id)) return refuse(id, '不是这份政策可以修改的参数');
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (!RAISED[id] || !isUpliftCase(v.when, RAISED[id])) return refuse(id, '含有按其他情形取值的规则');
      values[id] = String(v.value);
      sets.column += 1;
    } else {
      values[id] = String(v);
      if (RAISED[id]) sets.plain += 1;
    }
  }
  if (sets.column && sets.plain) return refuse('refund_rate_sme', '和 refund_rate_large 一个按相关企业提高、一个不提高');
  if (sets.column) uplift = 'column';
  else if (sets.plain) uplift = 'none';
  // Taking up or dropping the uplift the policy has in force changes both rates; a reform that changes one cannot be drawn.
  if (uplift !== panel.upliftInForce && sets.column + sets.plain === 1) {
    return refuse(set.refund_rate_sme !== undefined ? 'refund_rate_sme' : 'refund_rate_large', '的提高办法和另一类企业的不同');
  }
  if (set.refund_rate_sme === UPLIFT.sme && set.refund_rate_large === UPLIFT.large) {
    uplift = 'all';
    values.refund_rate_sme = String((panel.params.find((p) => p.id === 'refund_rate_sme') || {}).value);
    values.refund_rate_large = String((panel.params.find((p) => p.id === 'refund_rate_large') || {}).value);
  }
  return { ...panel, values, uplift, title: typeof reform.title === 'string' ? reform.title : '', issues: [] };
}

/** The reform in a link's fragment (#reform=…, base64url of its UTF-8 JSON): nothing leaves the device. */
export function linkFragment(reform) {
  const bytes = new TextEncoder().encode(JSON.stringify(reform));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `reform=${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The reform a fragment holds, or null (a fragment of up to 64 KiB). */
export function fromFragment(hash) {
  const m = /(?:^#?|&)reform=([A-Za-z0-9_-]{1,90000})/.exec(hash || '');
  if (!m) return null;
  try {
    const bin = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

/** The field an engine issue points at (/set/<id>…), or '' for the document as a whole. */
export function issueField(pointer) {
  const m = /^\/set\/([^/]+)/.exec(pointer || '');
  return m ? m[1].replace(/~1/g, '/').replace(/~0/g, '~') : '';
}
