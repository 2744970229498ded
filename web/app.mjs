// The estimator page. It talks to the engine only through the JS facade
// (estimator-api.js): the programs, regions, questions, conditions, amounts
// and citations all come from the rule packs, so the page holds no rule
// numbers and no rule logic, and a new province needs no change here.
//
// Flow: who you are (→ program) · region and date · one question per screen,
// in the order of the engine's `missing`, then its `optional_missing` (each
// skippable) · the result. Nothing the person enters is stored anywhere.
import { STRINGS } from './i18n.mjs';
import { answerValue, decodeShare, encodeShare, today, wanText, yuanText } from './format.mjs';

const query = new URLSearchParams(location.search);
const KIOSK = query.get('kiosk') === '1';
// Kiosk: seconds without input before everything is wiped (?idle= overrides, for tests).
const IDLE_SECONDS = KIOSK ? Math.min(3600, Math.max(1, Math.round(Number(query.get('idle')) || 120))) : 0;
const DEFAULT_UI = { elder: query.get('elder') === '1', lang: query.get('lang') === 'en' ? 'en' : 'zh' };
// The first screen offers one program per audience; the others stay reachable.
const AUDIENCES = ['unit', 'worker', 'unemployed'];
const PRIMARY = { unit: 'stabilization_refund', worker: 'skill_subsidy', unemployed: 'unemployment_benefit' };

const app = document.getElementById('app');
let engine = null;
let catalog = null;
let ui = { ...DEFAULT_UI };
let s = freshState();
let busy = false;

function freshState() {
  return {
    screen: 'who',
    program: null,
    province: query.get('region') || '',   // a kiosk may be set up for one region
    city: '',
    date: today(),
    policy: null,          // an explicit policy id (the person chose the latest one)
    policyInfo: null,
    questions: new Map(),  // fact id → question, for the chosen program and policy
    facts: {},
    drafts: {},            // what was typed, per fact, when the engine refused it
    asked: [],             // facts in the order the person saw them (for Back)
    skipped: new Set(),
    current: null,
    result: null,
    error: null,           // { where: fact id | 'where' | 'screen', message }
    notice: null,
    share: null,
  };
}

const t = () => STRINGS[ui.lang];
const en = () => ui.lang === 'en';

// ---------------------------------------------------------------- DOM helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function button(text, onclick, cls = 'secondary', attrs = {}) {
  return h('button', { type: 'button', class: cls, onclick, ...attrs }, text);
}

function citation(cite) {
  if (!cite || !cite.doc_no) return null;
  const where = [cite.doc_no, cite.clause].filter(Boolean).join(' ');
  return h('details', { class: 'cite' },
    h('summary', {}, `${t().source}：${where}`),
    cite.quote ? h('blockquote', { lang: 'zh-CN' }, cite.quote) : null);
}

function errorLine(id, message) {
  return h('p', { class: 'error', id, role: 'alert' }, message);
}

function render() {
  const screens = { who: whoScreen, where: whereScreen, nopolicy: noPolicyScreen, question: questionScreen,
                    result: resultScreen };
  const view = (screens[s.screen] || whoScreen)();
  app.replaceChildren(view);
  app.dataset.screen = s.screen;
  app.dataset.renders = String(Number(app.dataset.renders || 0) + 1);   // lets tests wait for the next screen
  const heading = app.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

function go(screen) {
  s.screen = screen;
  render();
}

function regionName(code) {
  for (const r of catalog.regions) {
    if (r.code === code) return en() ? r.name_en || r.name : r.name;
    for (const c of r.children || []) {
      if (c.code === code) return `${en() ? r.name_en || r.name : r.name} ${en() ? c.name_en || c.name : c.name}`;
    }
  }
  return code;
}

function program(id) {
  return catalog.programs.find((p) => p.id === id) || { id, title: id, title_en: id, audience: '' };
}

const programTitle = (id) => (en() ? program(id).title_en || program(id).title : program(id).title);

function request(extra = {}) {
  const req = { region: s.city || s.province, date: s.date, program: s.program, facts: s.facts };
  if (s.policy) req.policy = s.policy;
  return { ...req, ...extra };
}

// Every engine call goes through here: a trapped instance has already been
// replaced by the facade, so the person just sees "try again".
async function guarded(work) {
  if (busy) return;
  busy = true;
  app.setAttribute('aria-busy', 'true');
  try {
    await work();
  } catch (e) {
    console.warn('[estimator]', e);
    s.error = { where: 'screen', message: t().engineFailed };
    render();
  } finally {
    busy = false;
    app.removeAttribute('aria-busy');
  }
}

// ---------------------------------------------------------------- the flow

function chooseProgram(id) {
  const keep = { province: s.province, city: s.city, date: s.date };
  s = { ...freshState(), ...keep, program: id };
  go('where');
}

async function loadQuestions() {
  const r = await engine.questions(request({ facts: {} }));
  if (!r.ok) return showError(r.error);
  s.questions = new Map(r.questions.map((q) => [q.fact, q]));
  s.policyInfo = r.policy;
  if (!r.in_force && !s.policy) return go('nopolicy');
  return advance();
}

// Asks the engine what is still needed and moves to that question, or to the result.
async function advance() {
  const res = await engine.estimate(request());
  if (!res.ok) return showError(res.error);
  s.result = res;
  s.error = null;
  if (s.fromShare) {
    // The person who shared saw a result: what they left unanswered stays so.
    for (const f of res.optional_missing || []) s.skipped.add(f);
    s.fromShare = false;
  }
  const next = res.missing[0] || (res.optional_missing || []).find((f) => !s.skipped.has(f));
  if (next) {
    s.current = next;
    return go('question');
  }
  return go('result');
}

function showError(err) {
  if (err.code === 'no_policy_in_force' && err.latest) {
    s.policyInfo = err.latest;
    s.error = null;
    return go('nopolicy');
  }
  const m = /^\/facts\/([^/]+)/.exec(err.path || '');
  const fact = m ? m[1].replace(/~1/g, '/').replace(/~0/g, '~') : null;
  if (fact && s.questions.has(fact)) {
    s.current = fact;
    s.error = { where: fact, message: err.message };
    return go('question');
  }
  if (/^\/(region|date|policy)$/.test(err.path || '')) {
    s.policy = null;
    s.error = { where: 'where', message: err.message };
    return go('where');
  }
  s.error = { where: 'screen', message: err.message };
  return render();
}

function screenError() {
  return s.error && s.error.where === 'screen' ? errorLine('screen-error', s.error.message) : null;
}

// ---------------------------------------------------------------- screens

function whoScreen() {
  const mains = AUDIENCES.map((a) => {
    const list = catalog.programs.filter((p) => p.audience === a);
    return [a, list.find((p) => p.id === PRIMARY[a]) || list[0]];
  }).filter(([, main]) => main);
  const cards = mains.map(([a, main]) =>
    h('button', { type: 'button', class: 'card', 'data-program': main.id, onclick: () => chooseProgram(main.id) },
      h('span', { class: 'card-who' }, t().audience[a]),
      h('span', { class: 'card-what' }, programTitle(main.id))));
  const others = catalog.programs.filter((p) => AUDIENCES.includes(p.audience) && !mains.some(([, m]) => m === p));
  return h('section', { class: 'screen who' },
    s.notice ? h('p', { class: 'notice', role: 'status' }, s.notice) : null,
    h('h1', {}, t().whoTitle),
    h('p', { class: 'hint' }, t().whoHint),
    h('div', { class: 'cards' }, cards),
    others.length
      ? h('section', { class: 'others', 'aria-labelledby': 'others-h' },
          h('h2', { id: 'others-h' }, t().otherPrograms),
          h('ul', {}, others.map((p) => h('li', {},
            button(`${programTitle(p.id)}（${t().audience[p.audience]}）`, () => chooseProgram(p.id), 'link',
                   { 'data-program': p.id })))))
      : null);
}

function whereScreen() {
  const name = (r) => (en() ? r.name_en || r.name : r.name);
  // The city list follows the province in place, so focus stays where it is.
  const cityField = h('div', { class: 'field city' });
  const fillCities = () => {
    const province = catalog.regions.find((r) => r.code === s.province);
    const children = province ? province.children || [] : [];
    cityField.hidden = children.length === 0;
    cityField.replaceChildren(...(children.length ? [
      h('label', { for: 'city' }, t().city),
      h('select', { id: 'city', name: 'city' },
        h('option', { value: '' }, t().wholeProvince),
        children.map((c) => h('option', { value: c.code, selected: c.code === s.city }, name(c)))),
    ] : []));
  };
  const provinceSelect = h('select', { id: 'province', name: 'province', required: true,
    onchange: (e) => { s.province = e.target.value; s.city = ''; fillCities(); } },
    h('option', { value: '' }, '—'),
    catalog.regions.map((r) => h('option', { value: r.code, selected: r.code === s.province }, name(r))));
  fillCities();
  const err = s.error && s.error.where === 'where' ? s.error.message : null;
  const dateInput = h('input', { id: 'date', name: 'date', type: 'date', value: s.date, required: true,
    'aria-describedby': err ? 'date-help where-error' : 'date-help', 'aria-invalid': err ? 'true' : null });
  return h('form', { class: 'screen where', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const city = cityField.querySelector('select');
    s.province = provinceSelect.value;
    s.city = city ? city.value : '';
    s.date = dateInput.value;
    if (!s.province) { s.error = { where: 'where', message: t().needProvince }; return render(); }
    if (!s.date) { s.error = { where: 'where', message: t().needDate }; return render(); }
    s.error = null;
    s.policy = null;
    return guarded(loadQuestions);
  } },
    h('p', { class: 'crumb' }, programTitle(s.program)),
    h('h1', {}, t().whereTitle),
    h('div', { class: 'field' }, h('label', { for: 'province' }, t().province), provinceSelect),
    cityField,
    h('div', { class: 'field' }, h('label', { for: 'date' }, t().date), dateInput,
      h('p', { class: 'help', id: 'date-help' }, t().dateHelp)),
    err ? errorLine('where-error', err) : null,
    screenError(),
    h('div', { class: 'actions' },
      button(t().back, () => { s.error = null; go('who'); }),
      h('button', { type: 'submit', class: 'primary' }, t().next)));
}

function policyLine(p) {
  return [
    h('strong', {}, p.title), ' ', h('span', { class: 'docno' }, `（${p.doc_no}）`), ' ',
    h('span', { class: 'validity' }, t().validity(p.valid_from, p.valid_to)),
  ];
}

function noPolicyScreen() {
  const p = s.policyInfo;
  return h('section', { class: 'screen nopolicy' },
    h('p', { class: 'crumb' }, programTitle(s.program)),
    h('h1', {}, t().noPolicyTitle),
    h('p', { class: 'lead' }, t().noPolicyText(regionName(s.city || s.province), s.date, programTitle(s.program))),
    p ? h('p', { class: 'latest' }, t().latestIs, ' ', policyLine(p)) : null,
    p && p.draft ? h('p', { class: 'badge draft' }, t().draft) : null,
    screenError(),
    h('div', { class: 'actions' },
      button(t().changeDate, () => { s.error = null; go('where'); }),
      p ? button(t().useLatest, () => guarded(async () => { s.policy = p.id; await loadQuestions(); }), 'primary',
                 { id: 'use-latest' }) : null));
}

function optionLabel(o) {
  return en() ? o.label_en || o.label : o.label;
}

// The input for one question, by its type; returns [element, read()].
function control(q, errId) {
  const id = `fact-${q.fact}`;
  const value = s.facts[q.fact];
  const described = [q.help ? `${id}-help` : null, errId].filter(Boolean).join(' ') || null;
  const invalid = errId ? 'true' : null;
  const choice = (options, multiple) => {
    const name = id;
    const box = h('div', { class: 'choices', role: multiple ? 'group' : 'radiogroup', 'aria-labelledby': `${id}-label`,
                           'aria-describedby': described });
    const isChosen = (v) => (multiple ? Array.isArray(value) && value.includes(v) : value === v);
    options.forEach((o, i) => {
      box.append(h('label', { class: 'choice' },
        h('input', { type: multiple ? 'checkbox' : 'radio', name, value: String(i), checked: isChosen(o.value),
                     'aria-invalid': invalid }),
        h('span', {}, optionLabel(o))));
    });
    const read = () => {
      const picked = [...box.querySelectorAll('input:checked')].map((el) => options[Number(el.value)].value);
      return multiple ? (picked.length ? picked : undefined) : picked[0];
    };
    return [box, read];
  };
  if (q.type === 'bool') {
    return choice([{ value: true, label: STRINGS.zh.yes, label_en: STRINGS.en.yes },
                   { value: false, label: STRINGS.zh.no, label_en: STRINGS.en.no }], false);
  }
  if (q.options && q.options.length) return choice(q.options, q.type === 'level_list');
  const typed = s.drafts[q.fact] !== undefined ? s.drafts[q.fact]
    : value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
  const numeric = ['count', 'integer', 'money'].includes(q.type);
  const input = h('input', {
    id, name: q.fact, value: typed, autocomplete: 'off',
    type: q.type === 'date' ? 'date' : 'text',
    inputmode: q.type === 'money' ? 'decimal' : numeric ? 'numeric' : null,
    'aria-labelledby': `${id}-label`, 'aria-describedby': described, 'aria-invalid': invalid,
  });
  const wrap = h('div', { class: 'input-unit' }, input, q.unit ? h('span', { class: 'unit' }, q.unit) : null);
  const read = () => {
    const raw = input.value.trim();
    if (raw === '') return undefined;
    s.drafts[q.fact] = input.value;
    if (q.type === 'level_list') return raw.split(/[,，\s]+/).filter(Boolean).map((x) => answerValue('integer', x));
    return answerValue(q.type, raw);
  };
  return [wrap, read];
}

function questionScreen() {
  const q = s.questions.get(s.current) || { fact: s.current, type: 'string', label: s.current, required: true };
  const res = s.result;
  const required = q.required !== false;
  const err = s.error && s.error.where === q.fact ? s.error.message : null;
  const errId = err ? `fact-${q.fact}-error` : null;
  const [input, read] = control(q, errId);

  const submit = (e) => {
    e.preventDefault();
    const value = read();
    if (value === undefined) {
      if (required) {
        s.error = { where: q.fact, message: t().needAnswer };
        return render();
      }
      return skip();
    }
    s.facts[q.fact] = value;
    s.error = null;
    remember(q.fact);
    guarded(async () => {
      await advance();
      if (!(s.error && s.error.where === q.fact)) delete s.drafts[q.fact];
    });
  };
  const skip = () => {
    delete s.facts[q.fact];
    delete s.drafts[q.fact];
    s.skipped.add(q.fact);
    s.error = null;
    remember(q.fact);
    guarded(advance);
  };
  const skipRest = () => {
    for (const f of res.optional_missing || []) s.skipped.add(f);
    skip();
  };
  const label = en() ? q.label_en || q.label : q.label;
  // "N questions left" only while the engine's list is what brought us here
  // (an error can send the person back to a question answered before).
  const progress = !required ? t().optional
    : res && res.missing.includes(q.fact) ? t().remaining(res.missing.length) : null;
  return h('form', { class: 'screen question', novalidate: true, onsubmit: submit, 'data-fact': q.fact },
    h('p', { class: 'crumb' }, programTitle(s.program), ' · ', regionName(s.city || s.province)),
    progress ? h('p', { class: 'progress' }, progress) : null,
    h('h1', { id: `fact-${q.fact}-label` }, label),
    q.help ? h('p', { class: 'help', id: `fact-${q.fact}-help`, lang: 'zh-CN' }, q.help) : null,
    input,
    err ? errorLine(errId, err) : null,
    screenError(),
    citation(q.cite),
    h('div', { class: 'actions' },
      button(t().back, back),
      required ? null : button(t().skip, skip, 'secondary', { id: 'skip' }),
      required ? null : button(t().skipRest, skipRest, 'secondary', { id: 'skip-rest' }),
      h('button', { type: 'submit', class: 'primary', id: 'next' }, t().next)));
}

function remember(fact) {
  if (!s.asked.includes(fact)) s.asked.push(fact);
}

function back() {
  s.error = null;
  const i = s.screen === 'question' ? s.asked.indexOf(s.current) : s.asked.length;
  const prev = (i === -1 ? s.asked.length : i) - 1;
  if (prev < 0) return go('where');
  s.current = s.asked[prev];
  s.skipped.delete(s.current);
  return go('question');
}

function money(fen) {
  const wan = wanText(fen);
  return [
    h('span', { class: 'yuan' }, `${yuanText(fen)} ${t().yuan}`),
    wan ? h('span', { class: 'wan' }, `（${wan.exact ? '' : `${t().about} `}${wan.text} ${t().wan}）`) : null,
  ];
}

function enumLabel(fact, value) {
  const q = s.questions.get(fact);
  const o = q && q.options && q.options.find((x) => x.value === value);
  return o ? optionLabel(o) : String(value);
}

function extraFields(res) {
  const rows = [];
  for (const key of Object.keys(t().extra)) {
    const v = res[key];
    if (v === null || v === undefined || v === '') continue;
    let shown;
    if (key.endsWith('_fen')) shown = money(v);
    else if (key.endsWith('_months')) shown = t().months(v);
    else if (key === 'size_used') shown = enumLabel('size', v);
    else shown = String(v);
    rows.push(h('div', { class: 'row', 'data-field': key }, h('dt', {}, t().extra[key]), h('dd', {}, shown)));
  }
  return rows.length ? h('dl', { class: 'extra' }, rows) : null;
}

function amountBlock(res) {
  if (res.eligible === false) return null;
  if (Number.isSafeInteger(res.amount_fen)) {
    return h('p', { class: 'amount', id: 'amount' },
      h('span', { class: 'label' }, res.amount_is_cap ? `${t().amount}（${t().amountCap}）` : t().amount),
      money(res.amount_fen));
  }
  if (res.candidates && typeof res.candidates === 'object') {
    return h('div', { class: 'amount candidates', id: 'amount' },
      h('p', {}, t().candidates),
      h('ul', {}, Object.entries(res.candidates).map(([size, fen]) =>
        h('li', {}, `${enumLabel('size', size)}：`, money(fen)))));
  }
  return h('p', { class: 'amount none', id: 'amount' }, t().amountLocal);
}

function conditionItem(c) {
  const mark = c.passed === true ? '✓' : c.passed === false ? '✗' : '?';
  const cls = c.passed === true ? 'pass' : c.passed === false ? 'fail' : 'unknown';
  return h('li', { class: `condition ${cls}`, 'data-condition': c.id },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
    h('span', { class: 'sr-only' }, `${t().passed[String(c.passed)]}：`),
    h('span', { class: 'text', lang: 'zh-CN' }, c.text),
    citation(c.cite));
}

function shareArea() {
  if (KIOSK) return null;
  const area = h('div', { class: 'share', id: 'share-area' });
  const make = () => {
    const inputs = { region: s.city || s.province, date: s.date, program: s.program, facts: s.facts, policy: s.policy };
    const url = `${location.origin}${location.pathname}${location.search}#${encodeShare(inputs)}`;
    const field = h('input', { id: 'share-link', type: 'text', readonly: true, value: url, 'aria-label': t().share });
    const status = h('span', { class: 'copied', role: 'status' });
    area.replaceChildren(
      h('p', { class: 'help' }, t().shareNote),
      h('div', { class: 'share-row' }, field,
        button(t().copy, () => {
          field.select();
          const done = () => { status.textContent = t().copied; };
          if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, () => {});
        })),
      status);
  };
  area.append(button(t().share, make, 'secondary', { id: 'make-share' }));
  return area;
}

function resultScreen() {
  const res = s.result;
  const p = res.policy || {};
  const verdict = res.eligible === true ? ['yes', '✓', t().eligibleYes]
    : res.eligible === false ? ['no', '✗', t().eligibleNo] : ['unknown', '?', t().eligibleUnknown];
  return h('section', { class: 'screen result', 'data-eligible': String(res.eligible) },
    s.notice ? h('p', { class: 'notice', role: 'status' }, s.notice) : null,
    h('p', { class: 'crumb' }, programTitle(s.program), ' · ', regionName(s.city || s.province), ' · ', s.date),
    h('h1', {}, t().resultTitle),
    h('p', { class: `verdict ${verdict[0]}`, id: 'verdict' }, h('span', { 'aria-hidden': 'true' }, verdict[1]), ' ', verdict[2]),
    p.draft ? h('p', { class: 'badge draft', id: 'draft' }, t().draft) : null,
    p.in_force === false ? h('p', { class: 'badge expired', id: 'not-in-force' }, t().notInForce(p.valid_to)) : null,
    amountBlock(res),
    extraFields(res),
    en() && t().enOnly ? h('p', { class: 'hint' }, t().enOnly) : null,
    h('section', { 'aria-labelledby': 'cond-h' },
      h('h2', { id: 'cond-h' }, t().conditions),
      h('ul', { class: 'conditions' }, res.conditions.map(conditionItem))),
    res.whatif && res.whatif.length
      ? h('section', { 'aria-labelledby': 'whatif-h' },
          h('h2', { id: 'whatif-h' }, t().whatif),
          h('ul', { class: 'whatif' }, res.whatif.map((w) => h('li', { lang: 'zh-CN' }, w.text))))
      : null,
    res.notes && res.notes.length
      ? h('section', { 'aria-labelledby': 'notes-h' },
          h('h2', { id: 'notes-h' }, t().notes),
          h('ul', { class: 'notes' }, res.notes.map((n) => h('li', { lang: 'zh-CN' }, n))))
      : null,
    h('section', { class: 'policy', 'aria-labelledby': 'policy-h' },
      h('h2', { id: 'policy-h' }, t().policy),
      h('p', {}, policyLine(p)),
      p.chain && p.chain.length ? h('p', { class: 'chain' }, `${t().chain}：${p.chain.join(' → ')}`) : null),
    h('p', { class: 'disclaimer', id: 'disclaimer' }, '以当地经办机构核定为准', en() ? ' (the local office decides)' : '。'),
    screenError(),
    h('div', { class: 'actions no-print' },
      button(t().editAnswers, back),
      button(t().restart, restart, 'secondary', { id: 'restart' }),
      button(t().print, () => window.print(), 'secondary', { id: 'print' })),
    shareArea());
}

function restart() {
  s = freshState();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  go('who');
}

// ---------------------------------------------------------------- chrome, share links, kiosk

function applyUi() {
  const root = document.documentElement;
  root.lang = en() ? 'en' : 'zh-CN';
  root.classList.toggle('elder', ui.elder);
  root.classList.toggle('kiosk', KIOSK);
  document.title = t().title;
  document.getElementById('brand').textContent = t().title;
  const elder = document.getElementById('toggle-elder');
  elder.textContent = t().elder;
  elder.setAttribute('aria-pressed', String(ui.elder));
  const lang = document.getElementById('toggle-lang');
  lang.textContent = t().lang;
  lang.lang = en() ? 'zh-CN' : 'en';
  document.getElementById('privacy').textContent = t().privacy;
  document.getElementById('disclaimer-foot').textContent = t().disclaimer;
  const idle = document.getElementById('kiosk-note');
  idle.hidden = !KIOSK;
  idle.textContent = KIOSK ? t().kioskIdle(IDLE_SECONDS) : '';
}

async function openShared(shared) {
  const p = program(shared.program);
  const province = catalog.regions.find((r) => r.code === shared.region ||
    (r.children || []).some((c) => c.code === shared.region));
  if (!p.audience || !province) {
    s.notice = t().shareBad;
    return go('who');
  }
  s = { ...freshState(), program: p.id, province: province.code,
        city: province.code === shared.region ? '' : shared.region,
        date: shared.date, facts: { ...shared.facts }, policy: shared.policy, notice: t().shareLoaded,
        fromShare: true };
  s.asked = Object.keys(s.facts);
  await loadQuestions();
}

function startKiosk() {
  let timer = null;
  const wipe = () => {
    s = freshState();
    ui = { ...DEFAULT_UI };
    applyUi();
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    go('who');
    app.dataset.wiped = String(Number(app.dataset.wiped || 0) + 1);
  };
  const poke = () => {
    clearTimeout(timer);
    timer = setTimeout(wipe, IDLE_SECONDS * 1000);
  };
  for (const ev of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart']) {
    document.addEventListener(ev, poke, { capture: true, passive: true });
  }
  // Full screen needs a user gesture: take the first touch.
  document.addEventListener('pointerdown', () => {
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      document.documentElement.requestFullscreen().catch(() => {});
    }
  }, { once: true });
  document.addEventListener('contextmenu', (e) => e.preventDefault());
  poke();
}

// Quotes are folded on screen; a printout shows them all.
window.addEventListener('beforeprint', () => {
  for (const d of app.querySelectorAll('details:not([open])')) {
    d.open = true;
    d.dataset.printOpened = '1';
  }
});
window.addEventListener('afterprint', () => {
  for (const d of app.querySelectorAll('details[data-print-opened]')) {
    d.open = false;
    delete d.dataset.printOpened;
  }
});

async function boot() {
  applyUi();
  document.getElementById('toggle-elder').addEventListener('click', () => { ui.elder = !ui.elder; applyUi(); });
  document.getElementById('toggle-lang').addEventListener('click', () => {
    ui.lang = en() ? 'zh' : 'en';
    applyUi();
    if (catalog) render();
  });
  try {
    engine = await globalThis.UieEstimator.createEstimator({
      factory: globalThis.createUieModule,
      wasmUrl: new URL('estimator.wasm', document.baseURI).href,
      log: (line) => console.warn('[estimator]', line),
    });
    catalog = await engine.catalog();
  } catch (e) {
    console.warn('[estimator]', e);
    app.replaceChildren(h('p', { class: 'error', role: 'alert' }, t().loadFailed));
    app.dataset.screen = 'failed';
    return;
  }
  if (KIOSK) startKiosk();
  const shared = !KIOSK && location.hash ? decodeShare(location.hash) : null;
  if (shared) return guarded(() => openShared(shared));
  if (location.hash && !KIOSK) s.notice = t().shareBad;
  return go('who');
}

boot();
