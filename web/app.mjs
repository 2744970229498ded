// The estimator page: it draws screens and nothing else. The engine runs in a
// Worker (engine-client.js → engine-worker.js → the facade estimator-api.js);
// what people type becomes contract values, and what the engine answers
// becomes what people read, in the shared front-end layer
// (shared/uie-front.js, global UieFront). The page holds no rule numbers and
// no rule logic, so a new province needs no change here.
//
// Flow: who you are (→ program) · region and date · one question per screen,
// in the order of the engine's `missing`, then its `optional_missing` (each
// skippable) · the result. Each screen is a history entry, so Back and
// Forward move between them; the answers stay in this page's memory only,
// never in storage, the URL or the history entries.
import { button, h, loadScript } from './dom.mjs';
import { english, STRINGS } from './i18n.mjs';

const F = globalThis.UieFront;
const J = globalThis.UieJourney;
// engine-client.js is an async script: it may come after this module.
let engine = globalThis.UieEngine;
const engineThere = engine ? Promise.resolve() : new Promise((resolve, reject) => {
  addEventListener('uie-engine', () => { engine = globalThis.UieEngine; resolve(); }, { once: true });
  const script = document.querySelector('script[src$="engine-client.js"]');
  if (script) script.addEventListener('error', () => reject(new Error('engine-client.js did not load')));
});

const query = new URLSearchParams(location.search);
const KIOSK = query.get('kiosk') === '1';
// Kiosk: seconds without input before everything is wiped (?idle= overrides, for tests).
const IDLE_SECONDS = KIOSK ? Math.min(3600, Math.max(1, Math.round(Number(query.get('idle')) || 120))) : 0;
const DEFAULT_UI = { elder: query.get('elder') === '1', lang: query.get('lang') === 'en' ? 'en' : 'zh' };
// The first screen offers one program per audience; the others stay reachable.
const AUDIENCES = ['unit', 'worker', 'unemployed'];
const PRIMARY = { unit: 'stabilization_refund', worker: 'skill_subsidy', unemployed: 'unemployment_benefit' };

const app = document.getElementById('app');
let catalog = null;     // set once the engine has answered
let ui = { ...DEFAULT_UI };
let journey = 0;        // one per program chosen: history entries of another journey are stale
let s = freshState();
let busy = false;
let shown = [];         // the questions with their labels dated for s.date (J.datedQuestions)

// The journey's state (web/shared/journey.js) plus which journey it is.
function freshState(state) {
  const preset = catalog ? F.regionOf(catalog, query.get('region')) : null;   // a kiosk may be set up for one region
  const next = state || J.start({ province: preset ? preset.province : '', city: preset ? preset.city : '' });
  next.journey = ++journey;
  return next;
}

const t = () => STRINGS[ui.lang];
const en = () => ui.lang === 'en';
const question = (fact) => shown.find((q) => q.fact === fact);
const labelOf = (q) => (en() ? q.label_en || q.label : q.label);
// The lang of an engine text on an English page: Chinese until the rules give English.
// Marked Chinese in English mode when it is mostly Chinese: an English sentence
// that ends with a Chinese citation tag is still English.
const zh = (text) => {
  if (!en()) return null;
  const s = String(text);
  return (s.match(/[\u3400-\u9fff]/g) || []).length > (s.match(/[A-Za-z]/g) || []).length ? 'zh-CN' : null;
};

// ---------------------------------------------------------------- history

// One entry per screen. The entry holds a key into `steps` (screen and
// question) and nothing the person entered; answers live in `s` only.
const nav = { gen: 1, seq: 0, pos: 0, steps: new Map(), resetting: false };

function stateOf(key) {
  return { uie: key, gen: nav.gen, pos: nav.pos };
}

function record(replace, url) {
  const key = ++nav.seq;
  nav.steps.set(key, { screen: s.screen, current: s.current, editing: s.editing, journey: s.journey });
  if (replace) {
    history.replaceState(stateOf(key), '', url);
  } else {
    nav.pos += 1;
    history.pushState(stateOf(key), '', url);
  }
}

const plainUrl = () => `${location.pathname}${location.search}`;   // without a share link's fragment

/** Moves to a screen as a new history entry (replace: instead of the current one). */
function go(screen, { replace = false } = {}) {
  s.screen = screen;
  record(replace);
  render();
}

window.addEventListener('popstate', (e) => {
  const st = e.state && e.state.gen === nav.gen ? nav.steps.get(e.state.uie) : null;
  if (e.state && typeof e.state.pos === 'number') nav.pos = e.state.pos;
  // The start screen belongs to no journey: going back to it keeps the answers.
  if (nav.resetting || !st || (st.screen !== 'who' && st.journey !== s.journey)) {
    // After a reset, or an entry from before one: there is nothing to go back to.
    nav.resetting = false;
    s.screen = 'who';
    record(true, plainUrl());
    render();
    return;
  }
  s.screen = st.screen;
  s.current = st.current;
  s.editing = st.editing;
  s.error = null;
  // Back onto the result while answers wait to be confirmed for a new year: that question, not a result built on them.
  if (st.screen === 'result' && s.recheck.length) {
    s.screen = 'question';
    s.current = s.recheck[0];
    record(true);
    return render();
  }
  render();
  // The answers may have changed since this result was drawn.
  if (st.screen === 'result') guarded(async () => { await refreshResult(); render({ focus: false }); });
});

/** Forgets every entry of this page: Back then leaves the page, and nothing comes back by Forward. */
function resetHistory() {
  nav.gen += 1;
  nav.steps.clear();
  const depth = nav.pos;
  nav.pos = 0;
  if (depth > 0) {
    nav.resetting = true;
    history.go(-depth);   // to the landing entry; its popstate records the start screen there
  } else {
    record(true, plainUrl());
  }
}

function back() {
  s.error = null;
  if (nav.pos > 0) return history.back();
  // The first entry (a share link): step through the questions instead.
  s = J.back(s);
  return go(s.screen);
}

// ---------------------------------------------------------------- drawing

function citation(cite) {
  if (!cite || !cite.doc_no) return null;
  const where = [cite.doc_no, cite.clause].filter(Boolean).join(' ');
  // The rules library's page of the policy holds this quote; a kiosk never leads away from itself.
  const policy = s.screen === 'result' && s.result ? s.result.policy : s.policyInfo;
  return h('details', { class: 'cite' },
    h('summary', {}, `${t().source}${t().colon}`, h('span', { lang: zh(where) }, where)),
    cite.quote ? h('blockquote', { lang: 'zh-CN' }, cite.quote) : null,
    policy && !KIOSK ? h('p', { class: 'in-library' }, h('a', { href: F.citeHref(policy.id, cite, ui.lang) }, t().inLibrary)) : null);
}

function errorBlock(id, error) {
  return h('div', { class: 'error', id, role: 'alert' },
    h('p', {}, error.message),
    error.original ? h('p', { class: 'original' }, `${t().inChinese} `, h('span', { lang: 'zh-CN' }, error.original)) : null);
}

function screenError() {
  return s.error && s.error.where === 'screen' ? errorBlock('screen-error', s.error) : null;
}

// English readers are told, from the first screen that shows policy text,
// that it is in Chinese.
function chineseNotice() {
  return en() ? h('p', { class: 'lang-note', id: 'policy-lang' }, t().policyInChinese) : null;
}

const regionName = () => F.regionName(catalog, s.city || s.province, ui.lang);
const programOf = (id) => (catalog && catalog.programs.find((p) => p.id === id)) || { id, title: '', title_en: '', audience: '' };
const programTitle = (id) => {
  const p = programOf(id);
  return (en() ? p.title_en || p.title : p.title) || '';
};

function render({ focus = true } = {}) {
  const screens = { who: whoScreen, where: whereScreen, nopolicy: noPolicyScreen, question: questionScreen,
                    result: resultScreen, receipt: receiptScreen };
  if (s.screen !== 'where') whereTyped = null;   // the form is left: what was chosen there and not sent is dropped
  const view = (screens[s.screen] || whoScreen)();
  app.replaceChildren(view);
  app.dataset.screen = s.screen;
  app.dataset.renders = String(Number(app.dataset.renders || 0) + 1);   // lets tests wait for the next screen
  if (focus) {
    focusArrival();
    window.scrollTo(0, 0);
  }
}

// Arriving on a question, the answer has focus (the faulty field after an
// error); other screens give it to their heading, so it is read first.
function focusArrival() {
  /** @type {HTMLElement | null} */
  let target = null;
  if (s.error && s.error.where === 'fact') target = app.querySelector('[aria-invalid="true"]');
  if (!target && s.error && s.error.where === 'where') target = app.querySelector('[aria-invalid="true"]');
  if (!target && (s.screen === 'question' || s.screen === 'where')) {
    target = app.querySelector('.choices input:checked') || app.querySelector('.field-input input, .choices input, form select');
  }
  if (!target) {
    target = app.querySelector('h1');
    if (target) target.tabIndex = -1;
  }
  if (target) target.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- engine calls

// Every engine call goes through here: a failed call shows "try again";
// the facade has already replaced a trapped instance.
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

/**
 * Runs the engine calls the journey asks for, then shows where it leads: a
 * new history entry for a new screen or question, a redraw for an error on
 * the screen already shown.
 */
async function run({ replace = false } = {}) {
  const before = { screen: s.screen, current: s.current };
  while (s.need) s = J.received(s, await engine[s.need](J.requestOf(s), F.engineOptions(ui.lang)), ui.lang);
  shown = J.datedQuestions(s.questions, s.date);
  if (s.error && s.error.where === 'screen') {
    s.error.message = s.error.message || t().engineFailed;
    return render();
  }
  if (s.error && s.screen === before.screen && s.current === before.current) return render();
  return go(s.screen, { replace });
}

// The result again for the answers as they are now (after Back and Forward); it stays the result.
async function refreshResult() {
  const res = await engine.estimate(J.requestOf({ ...s, need: 'estimate' }), F.engineOptions(ui.lang));
  if (res.ok) s.result = res;
}

// The language changes: what is typed stays, and the engine's texts are
// asked again in the new language (they come back in English where the
// rules have English sentences).
async function relanguage() {
  captureDraft();
  if (!catalog || !s.program) return render({ focus: false });
  await guarded(async () => {
    if (s.questions.length) {
      const r = await engine.questions(J.requestOf({ ...s, need: 'questions' }), F.engineOptions(ui.lang));
      if (r.ok) s.questions = r.questions;
      shown = J.datedQuestions(s.questions, s.date);
    }
    if (s.result) await refreshResult();
  });
  render({ focus: false });
}

// ---------------------------------------------------------------- screens

function chooseProgram(id) {
  // The same program again (after Back): its answers are still there.
  const next = J.chooseProgram(s, id);
  s = next.program === s.program && next.facts === s.facts ? next : freshState(next);
  go('where');
}

// One card per audience, for its main program; drawn before the engine has
// answered (the program titles fill in when the catalog arrives).
function mainPrograms() {
  return AUDIENCES.map((a) => {
    if (!catalog) return [a, PRIMARY[a]];
    const list = catalog.programs.filter((p) => p.audience === a);
    const main = list.find((p) => p.id === PRIMARY[a]) || list[0];
    return main ? [a, main.id] : null;
  }).filter(Boolean);
}

const pick = (e) => chooseProgram(e.currentTarget.dataset.program);

function otherPrograms() {
  const mains = mainPrograms().map(([, id]) => id);
  const others = catalog ? catalog.programs.filter((p) => AUDIENCES.includes(p.audience) && !mains.includes(p.id)) : [];
  return others.length
    ? h('section', { class: 'others', 'aria-labelledby': 'others-h' },
        h('h2', { id: 'others-h' }, t().otherPrograms),
        h('ul', {}, others.map((p) => h('li', {},
          button(`${programTitle(p.id)}（${t().audience[p.audience]}）`, pick, 'link', { 'data-program': p.id })))))
    : null;
}

function whoScreen() {
  return h('section', { class: 'screen who' },
    s.notice ? h('p', { class: 'notice', role: 'status' }, s.notice) : null,
    h('h1', {}, t().whoTitle),
    h('p', { class: 'hint' }, t().whoHint),
    h('div', { class: 'cards' }, mainPrograms().map(([a, id]) =>
      h('button', { type: 'button', class: 'card', 'data-program': id, 'data-audience': a, onclick: pick },
        h('span', { class: 'card-who' }, t().audience[a]),
        h('span', { class: 'card-what' }, programTitle(id) || '\u00a0')))),
    otherPrograms());
}

// The catalog has arrived while the start screen is up: fill it in place, so
// a touch that is already under way is not lost to a redraw.
function fillWho() {
  for (const [a, id] of mainPrograms()) {
    const card = /** @type {HTMLElement | null} */ (app.querySelector(`.card[data-audience="${a}"]`));
    if (!card) continue;
    card.dataset.program = id;
    card.querySelector('.card-what').textContent = programTitle(id) || '\u00a0';
  }
  const others = otherPrograms();
  if (others && !app.querySelector('.others')) app.querySelector('.screen.who').append(others);
}

// What is chosen on the place-and-date form, kept apart from the journey's
// state until the form is sent (J.setWhere): leaving it by Back, from the
// result's 改日期或地区 too, changes nothing that was computed.
let whereTyped = null;

function whereScreen() {
  if (!catalog) {
    return h('section', { class: 'screen where' }, h('h1', {}, t().whereTitle), h('p', { class: 'loading', role: 'status' }, t().loading));
  }
  const name = (r) => (en() ? r.name_en || r.name : r.name);
  const w = whereTyped || (whereTyped = { province: s.province, city: s.city, date: s.date });
  // The city list follows the province in place, so focus stays where it is.
  const cityField = h('div', { class: 'field city' });
  const fillCities = () => {
    const { cities, note } = F.cityChoices(catalog, w.province, ui.lang);
    cityField.hidden = !w.province;
    cityField.replaceChildren(...(cities.length ? [
      h('label', { for: 'city' }, t().city),
      h('select', { id: 'city', name: 'city', 'aria-describedby': 'city-note', onchange: (e) => { w.city = e.target.value; } },
        h('option', { value: '' }, t().wholeProvince),
        cities.map((c) => h('option', { value: c.code, selected: c.code === w.city }, c.name))),
      h('p', { class: 'help', id: 'city-note' }, note),
    ] : [h('p', { class: 'help' }, t().noCities)]));
  };
  const err = s.error && s.error.where === 'where' ? s.error : null;
  const provinceSelect = h('select', { id: 'province', name: 'province', required: true,
    'aria-invalid': err && !w.province ? 'true' : null, 'aria-describedby': err && !w.province ? 'where-error' : null,
    onchange: (e) => { w.province = e.target.value; w.city = ''; fillCities(); } },
    h('option', { value: '' }, '—'),
    catalog.regions.map((r) => h('option', { value: r.code, selected: r.code === w.province }, name(r))));
  fillCities();
  const dateBad = err && w.province;
  const dateInput = h('input', { id: 'date', name: 'date', type: 'date', value: w.date, required: true,
    oninput: (e) => { w.date = e.target.value; },
    'aria-describedby': dateBad ? 'date-help where-error' : 'date-help', 'aria-invalid': dateBad ? 'true' : null });
  return h('form', { class: 'screen where', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const city = cityField.querySelector('select');
    s = J.setWhere(s, { province: provinceSelect.value, city: city ? city.value : '', date: dateInput.value },
                   { needProvince: t().needProvince, needDate: t().needDate });
    return s.error ? render() : guarded(run);
  } },
    h('p', { class: 'crumb' }, programTitle(s.program)),
    h('h1', {}, t().whereTitle),
    chineseNotice(),
    h('div', { class: 'field' }, h('label', { for: 'province' }, t().province), provinceSelect),
    cityField,
    h('div', { class: 'field' }, h('label', { for: 'date' }, t().date), dateInput,
      h('p', { class: 'help', id: 'date-help' }, t().dateHelp)),
    err ? errorBlock('where-error', err) : null,
    screenError(),
    h('div', { class: 'actions' },
      button(t().back, back),
      h('button', { type: 'submit', class: 'primary', id: 'next' }, t().next)));
}

function policyLine(p) {
  const v = F.policyView(p, ui.lang);
  return [
    h('strong', { lang: zh(v.title) }, v.title), ' ', h('span', { class: 'docno', lang: zh(v.docNo) }, `（${v.docNo}）`), ' ',
    h('span', { class: 'validity' }, v.validity),
  ];
}

function noPolicyScreen() {
  const p = s.policyInfo;
  return h('section', { class: 'screen nopolicy' },
    h('p', { class: 'crumb' }, programTitle(s.program)),
    h('h1', {}, t().noPolicyTitle),
    h('p', { class: 'lead' }, t().noPolicyText(regionName(), s.date, programTitle(s.program))),
    chineseNotice(),
    p ? h('p', { class: 'latest' }, t().latestIs, ' ', policyLine(p)) : null,
    p && p.draft ? h('p', { class: 'badge draft' }, t().draft) : null,
    screenError(),
    h('div', { class: 'actions' },
      button(t().changeDate, back),
      p ? button(t().useLatest, () => { s = J.useLatest(s); guarded(run); }, 'primary',
                 { id: 'use-latest' }) : null));
}

// The input for one question, by the kind the shared layer gives it; returns [element, read()].
function control(q, errId) {
  const id = `fact-${q.fact}`;
  const c = F.controlOf(q, shown);
  const entered = s.drafts[q.fact] !== undefined ? s.drafts[q.fact] : s.facts[q.fact];
  const described = [q.help ? `${id}-help` : null, `${id}-note`, errId].filter(Boolean).join(' ');
  const invalid = errId ? 'true' : null;
  if (c.options.length) {
    const multiple = c.kind === 'checkbox';
    const box = h('div', { class: 'choices', role: multiple ? 'group' : 'radiogroup', 'aria-labelledby': `${id}-label`,
                           'aria-describedby': described });
    const chosen = (v) => (Array.isArray(entered) ? entered.some((x) => String(x) === String(v)) : entered === v);
    c.options.forEach((o, i) => {
      box.append(h('label', { class: 'choice' },
        h('input', { type: multiple ? 'checkbox' : 'radio', name: id, value: String(i), checked: chosen(o.value),
                     'aria-invalid': invalid }),
        h('span', {}, F.optionLabel(o, ui.lang))));
    });
    const read = () => {
      const picked = [...box.querySelectorAll('input:checked')].map((el) => c.options[Number(el.value)].value);
      return multiple ? picked : picked[0];
    };
    return [box, read];
  }
  // A kiosk often has no Chinese input method: years and months are two number fields there.
  if (KIOSK && (c.kind === 'months' || c.kind === 'month')) return splitControl(q, c.kind, entered, described, invalid);
  const typed = entered === undefined ? '' : typeof entered === 'string' ? entered : F.inputText(q, entered);
  const input = h('input', {
    id, name: q.fact, value: typed, autocomplete: 'off',
    type: c.kind === 'date' ? 'date' : 'text',
    inputmode: c.keyboard === 'numeric' ? 'numeric' : null,
    'aria-labelledby': `${id}-label`, 'aria-describedby': described, 'aria-invalid': invalid,
  });
  // Says at once what a converted entry became ("18年 = 216 个月").
  const note = h('p', { class: 'became', id: `${id}-note`, role: 'status' }, s.notes[q.fact] || '');
  input.addEventListener('input', () => {
    const r = F.parseAnswer(q, input.value, { lang: ui.lang, questions: shown });
    note.textContent = r.ok && r.note ? r.note : '';
  });
  const unit = F.unitText(q.unit, ui.lang, 2);
  const wrap = h('div', { class: 'field-input' },
    h('div', { class: 'input-unit' }, input, unit ? h('span', { class: 'unit' }, unit) : null), note);
  return [wrap, () => input.value];
}

// Years and months as two number fields ("9 年 3 个月", or 出生 "1966 年 3 月"),
// each with the numeric keypad: nothing needs an input method. What they hold
// is read as the text the shared layer understands ("9年3个月", "1966-03").
function splitControl(q, kind, entered, described, invalid) {
  const id = `fact-${q.fact}`;
  const months = kind === 'months';
  let y = '';
  let m = '';
  // What is shown again: the value given (216, "1966-03") or the two fields' own text ("0年4个月", "1966-3").
  const text = String(entered === undefined || entered === null ? '' : entered);
  const typed = months ? /^(\d*)年(\d*)个月$/.exec(text) : /^(\d*)-(\d*)$/.exec(text);
  if (months && Number.isInteger(entered)) [y, m] = [String(Math.floor(entered / 12)), String(entered % 12)];
  else if (typed) [y, m] = [typed[1], typed[2] === '' ? '' : String(Number(typed[2]))];
  const field = (part, value, unit) => h('label', { class: 'split-part' },
    h('input', { id: `${id}-${part}`, name: `${q.fact}-${part}`, value, inputmode: 'numeric', autocomplete: 'off',
                 'aria-describedby': described, 'aria-invalid': invalid }),
    h('span', { class: 'unit' }, unit));
  const years = field('years', y, months ? t().years : t().yearOf);
  const rest = field('months', m, months ? t().monthsUnit : t().monthOf);
  const box = h('div', { class: 'field-input split', role: 'group', 'aria-labelledby': `${id}-label` }, years, rest,
    h('p', { class: 'became', id: `${id}-note`, role: 'status' }, s.notes[q.fact] || ''));
  const read = () => {
    const [a, b] = [years, rest].map((l) => l.querySelector('input').value.trim());
    if (!a && !b) return '';
    if (months) return `${a || 0}年${b || 0}个月`;
    return `${a}-${String(b).padStart(2, '0')}`;
  };
  return [box, read];
}

// What is typed or ticked on the question on screen, kept when the screen is
// redrawn (a language switch) or left.
let readCurrent = null;
function captureDraft() {
  if (s.screen === 'question' && readCurrent) s = J.draft(s, s.current, readCurrent());
}

function questionScreen() {
  const q = question(s.current) || { fact: s.current, type: 'string', label: s.current, required: true };
  const res = s.result;
  // The engine's `missing` decides what must be answered (J.isRequired).
  const required = J.isRequired(s, q.fact);
  const err = s.error && s.error.where === 'fact' && s.error.fact === q.fact ? s.error : null;
  const errId = err ? `fact-${q.fact}-error` : null;
  const [input, read] = control(q, errId);
  readCurrent = read;

  const submit = (e) => {
    e.preventDefault();
    s = J.answer(s, q.fact, read(), ui.lang);
    return s.need ? guarded(run) : render();
  };
  const skip = () => { s = J.skip(s, q.fact); guarded(run); };
  const skipRest = () => { s = J.skipRest(s, q.fact); guarded(run); };
  const help = en() ? q.help_en || q.help : q.help;
  // "N questions left" only while the engine's list is what brought us here.
  const progress = s.editing ? null : !required ? t().optional
    : res && res.missing.includes(q.fact) ? t().remaining(res.missing.length) : null;
  return h('form', { class: 'screen question', novalidate: true, onsubmit: submit, 'data-fact': q.fact },
    s.notice ? h('p', { class: 'notice', role: 'status' }, s.notice) : null,   // a link that needs an answer more
    h('p', { class: 'crumb' }, [programTitle(s.program), regionName(), progress].filter(Boolean).join(' · ')),
    h('h1', { id: `fact-${q.fact}-label` }, labelOf(q)),
    input,
    err ? errorBlock(errId, err) : null,
    help ? h('p', { class: 'help', id: `fact-${q.fact}-help`, lang: zh(help) }, help) : null,
    screenError(),
    chineseNotice(),
    citation(q.cite),
    required || s.editing ? null : h('div', { class: 'skips' },
      button(t().skip, skip, 'secondary', { id: 'skip' }),
      button(t().skipRest, skipRest, 'secondary', { id: 'skip-rest' })),
    h('div', { class: 'actions sticky' },
      button(s.editing ? t().backToResult : t().back, back, 'secondary', { id: 'back' }),
      h('button', { type: 'submit', class: 'primary', id: 'next' }, t().next)));
}

/** Opens one question from the result; its answer leads straight back there. */
function edit(fact) {
  s = J.edit(s, fact);
  go('question');
}

/** From the result: the place or the date again, every answer kept. */
function rescope() {
  s = J.rescope(s);
  go('where');
}

function moneyLine(m) {
  return [h('span', { class: 'yuan' }, m.yuan), m.wan ? h('span', { class: 'wan' }, `（${m.wan}）`) : null];
}

function amountBlock(amount) {
  if (!amount) return null;
  if (amount.kind === 'fen') {
    return h('p', { class: 'amount', id: 'amount' },
      h('span', { class: 'label' }, amount.cap ? `${t().amount}（${t().amountCap}）` : t().amount), moneyLine(amount));
  }
  if (amount.kind === 'candidates') {
    return h('div', { class: 'amount candidates', id: 'amount' },
      h('p', {}, t().candidates),
      h('ul', {}, amount.items.map((i) => h('li', {}, `${i.label}${t().colon}`, moneyLine(i)))));
  }
  if (amount.kind === 'monthly') return monthlyBlock(amount);
  const ask = amount.ask && question(amount.ask.fact);
  return h('div', { class: 'amount none', id: 'amount' }, h('p', {}, t().amountLocal),
    ask ? button(t().answerThis(labelOf(ask)), () => edit(ask.fact), 'link', { 'data-edit': ask.fact, id: 'amount-ask' }) : null);
}

// 失业保险金: the monthly amount as the headline, then the months and the total.
function monthlyBlock(a) {
  const w = t();
  const months = a.months === null ? null : `${a.months} ${F.unitText('个月', ui.lang, a.months)}`;
  return h('div', { class: 'amount monthly', id: 'amount' },
    // "每月 1,935.00 元" / "1,935.00 yuan a month": the words before or after the figure.
    h('p', { class: 'per-month' }, w.perMonth(a.decided).map((x) => (x ? x : h('span', { class: 'yuan' }, a.perMonth.yuan)))),
    months && a.total ? h('p', { class: 'total', id: 'amount-total' },
      (a.cap ? w.totalCap : w.total)(months, a.total.yuan), a.total.wan ? h('span', { class: 'wan' }, `（${a.total.wan}）`) : null) : null,
    months && a.cap ? h('p', { class: 'cap-note', id: 'amount-cap' }, w.monthsCapNote) : null,
    a.source === 'fact' ? h('p', { class: 'cap-note' }, w.standardYours) : null);
}

function conditionLine(c, extra) {
  return h('li', { class: `condition ${c.state}`, 'data-condition': c.id },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, c.mark),
    h('div', { class: 'body' },
      h('p', { class: 'text' }, h('span', { class: 'sr-only' }, `${c.word}${t().colon}`), h('span', { lang: zh(c.text) }, c.text)),
      extra));
}

function reasonLine(r) {
  const link = (fact, words) => {
    const q = question(fact);
    return q ? button(words(labelOf(q)), () => edit(fact), 'link', { 'data-edit': fact }) : null;
  };
  const whatifs = r.whatifs.map((w) => h('p', { class: 'whatif' },
    h('span', { class: 'lead' }, t().whatifLead), ' ', h('span', { lang: zh(w.text) }, w.text), ' ',
    w.label ? link(w.fact, t().changeThis) : null));
  // The questions an undecided reason waits on are offered once, below the reasons (asksLine);
  // a ✗ reason links to the answers given (r.links), not to a fact derived from one.
  const change = r.state === 'fail' && !r.whatifs.length ? r.links.map((l) => link(l.fact, t().changeThis)) : [];
  return conditionLine(r, [whatifs, change]);
}

function answersBlock() {
  const rows = F.answerSummary(shown, s.facts, ui.lang, s.skipped);
  if (!rows.length) return null;
  return h('section', { class: 'answers', 'aria-labelledby': 'answers-h' },
    h('h2', { id: 'answers-h' }, t().answers),
    h('dl', {}, rows.map((r) => h('div', { class: 'row', 'data-fact': r.fact },
      h('dt', {}, r.label),
      h('dd', {}, h('span', { class: r.skipped ? 'skipped' : null }, r.text), ' ',
        button(t().edit, () => edit(r.fact), 'link', { 'data-edit': r.fact, 'aria-label': t().editAria(r.label) }))))));
}

function shareArea() {
  if (KIOSK) return null;
  const area = h('div', { class: 'share', id: 'share-area' });
  const make = async () => {
    await shareReady();
    const inputs = { region: s.city || s.province, date: s.date, program: s.program, facts: s.facts, policy: s.policy };
    const url = `${location.origin}${location.pathname}${location.search}#${F.encodeShare(inputs)}`;
    const field = h('input', { id: 'share-link', type: 'text', readonly: true, value: url, 'aria-label': t().share });
    const status = h('span', { class: 'copied', role: 'status' });
    area.replaceChildren(
      h('p', { class: 'help' }, t().shareNote),
      h('div', { class: 'share-row' }, field,
        button(t().copy, () => {
          field.select();
          if (navigator.clipboard) navigator.clipboard.writeText(url).then(() => { status.textContent = t().copied; }, () => {});
        })),
      status);
  };
  area.append(button(t().share, () => guarded(make), 'secondary', { id: 'make-share' }));
  return area;
}

// The questions still to answer, each once, as buttons (several undecided reasons may wait on one).
function asksLine(asks) {
  if (!asks.length) return null;
  return h('p', { class: 'asks', id: 'asks' }, h('span', { class: 'lead' }, t().stillToAnswer), ' ',
    asks.map((a) => button(t().answerThis(a.label), () => edit(a.fact), 'link', { 'data-edit': a.fact })));
}

function extraRow(x) {
  return h('div', { class: 'row', 'data-field': x.key },
    h('dt', {}, x.label),
    h('dd', { lang: zh(x.text) }, x.text, x.ask ? x.ask.filter(question).map((f) =>
      [' ', button(t().answerThis(labelOf(question(f))), () => edit(f), 'link', { 'data-edit': f })]) : null));
}

// The first screen: the verdict (naming the policy's year when it is not the
// year asked), the money and months, why, and what is still to answer; then
// the ways to change one thing. The cited detail is folded below it.
function resultScreen() {
  const v = F.resultView(s.result, { questions: shown, lang: ui.lang, date: s.date, facts: s.facts });
  const count = v.conditions.length;
  return h('section', { class: 'screen result', 'data-eligible': String(s.result.eligible) },
    s.notice ? h('p', { class: 'notice', role: 'status' }, s.notice) : null,
    h('p', { class: 'crumb' }, [t().resultTitle, programTitle(s.program), regionName(), s.date].join(' · ')),
    h('div', { class: 'headline', id: 'headline' },
      h('h1', { class: `verdict ${v.verdict.state}`, id: 'verdict' },
        h('span', { 'aria-hidden': 'true' }, v.verdict.mark), ' ', v.verdict.text),
      v.draft ? h('p', { class: 'badge draft', id: 'draft' }, t().draft) : null,
      // The verdict already names the policy's year: the amount comes first, then when that policy ended.
      amountBlock(v.amount),
      v.inForce ? null : h('p', { class: 'badge expired', id: 'not-in-force' }, t().notInForce(s.result.policy.valid_to, s.result.policy.valid_from, s.date)),
      v.reasons.length
        ? h('section', { class: 'reasons', 'aria-labelledby': 'reasons-h' },
            h('h2', { id: 'reasons-h' }, t().reasons),
            h('ul', { class: 'conditions' }, v.reasons.map(reasonLine)))
        : null,
      asksLine(v.asks)),
    screenError(),
    h('div', { class: 'actions no-print change' },
      button(t().changeScope, rescope, 'secondary', { id: 'rescope' }),
      button(t().restart, restart, 'secondary', { id: 'restart' }),
      button(t().print, () => window.print(), 'secondary', { id: 'print' }),
      button(t().compare, () => { comparing = true; render({ focus: false }); }, 'secondary', { id: 'open-compare' }),
      button(t().receipt, () => guarded(openReceipt), 'secondary', { id: 'open-receipt' })),
    KIOSK ? kioskQr() : null,
    comparisonArea(),
    answersBlock(),
    h('details', { class: 'detail', id: 'detail' },
      h('summary', {}, t().detail(count)),
      v.whatif.length
        ? h('section', { 'aria-labelledby': 'whatif-h' },
            h('h2', { id: 'whatif-h' }, t().otherWhatif),
            h('ul', { class: 'whatif-list' }, v.whatif.map((w) => h('li', { lang: zh(w.text) }, w.text))))
        : null,
      v.extra.length ? h('dl', { class: 'extra' }, v.extra.map(extraRow)) : null,
      chineseNotice(),
      h('section', { class: 'all-conditions', 'aria-labelledby': 'cond-h' },
        h('h2', { id: 'cond-h' }, t().allConditions),
        h('ul', { class: 'conditions' }, v.conditions.map((c) => conditionLine(c, citation(c.cite))))),
      v.notes.length
        ? h('section', { 'aria-labelledby': 'notes-h' },
            h('h2', { id: 'notes-h' }, t().notes),
            h('ul', { class: 'notes' }, v.notes.map((n) => h('li', { lang: zh(n) }, n))))
        : null,
      v.policy
        ? h('section', { class: 'policy', 'aria-labelledby': 'policy-h' },
            h('h2', { id: 'policy-h' }, t().policy),
            h('p', {}, policyLine(s.result.policy)),
            v.policy.chain ? h('p', { class: 'chain' }, `${t().chain}${t().colon}`, h('span', { lang: zh(v.policy.chain) }, v.policy.chain)) : null)
        : null),
    h('p', { class: 'disclaimer', id: 'disclaimer' }, '以当地经办机构核定为准', en() ? ' (the local office decides)' : '。'),
    shareArea());
}

// 与往年比较 (compare.mjs, loaded on first use with its own Worker and the
// whole module): drawn below the verdict while `comparing`, again for the
// answers as they stand each time the result is drawn.
let comparing = false;
function comparisonArea() {
  if (!comparing) return null;
  const area = h('section', { class: 'compare', id: 'compare', 'aria-labelledby': 'compare-h' });
  const request = J.requestOf({ ...s, need: 'estimate' });
  import('./compare.mjs').then((m) => m.openComparison(area, request, { lang: ui.lang, kiosk: KIOSK }))
    .catch((e) => { console.warn('[estimator]', e); area.replaceChildren(h('p', { class: 'error', role: 'alert' }, t().engineFailed)); });
  return area;
}

function restart() {
  comparing = false;
  s = freshState();
  resetHistory();
  render();
}

// ---------------------------------------------------------------- chrome, share links, kiosk

function applyUi() {
  const root = document.documentElement;
  root.lang = en() ? 'en' : 'zh-CN';
  root.classList.toggle('elder', ui.elder);
  root.classList.toggle('kiosk', KIOSK);
  document.title = t().title;
  document.getElementById('brand').textContent = t().title;
  document.querySelector('.skip-link').textContent = t().skipLink;
  const elder = document.getElementById('toggle-elder');
  elder.textContent = t().elder;
  elder.setAttribute('aria-pressed', String(ui.elder));
  const lang = document.getElementById('toggle-lang');
  lang.textContent = t().lang;
  lang.lang = en() ? 'zh-CN' : 'en';
  document.getElementById('privacy').textContent = t().privacy;
  document.getElementById('disclaimer-foot').textContent = t().disclaimer;
  // A kiosk never leads away from itself: the office's screening page has no idle wipe.
  const office = document.getElementById('screen-link');
  if (office) office.parentElement.hidden = KIOSK;
  const idle = document.getElementById('kiosk-note');
  idle.hidden = !KIOSK;
  idle.textContent = KIOSK ? t().kioskIdle(IDLE_SECONDS) : '';
}

async function openShared(shared) {
  const p = programOf(shared.program);
  const where = F.regionOf(catalog, shared.region);
  if (!p.audience || !where) {
    s.notice = t().shareBad;
    return render();
  }
  s = freshState(J.fromShare(shared, where, t().shareLoaded));
  const loading = shared.receipt ? import('./receipt.mjs') : null;
  // The shared screen replaces the start screen: Back leaves the page.
  await run({ replace: true });
  // A receipt's link (测算凭证): is the answer still the one it recorded, under the same rules?
  // (On a question: the rules now ask for an answer the receipt did not need.)
  if (!loading || !s.result || !s.notice || !['result', 'question'].includes(s.screen)) return;
  receiptView = await loading;
  s.notice = `${s.notice} ${receiptView.checkNotice(shared.receipt, s.result, catalog, ui.lang)}`;
  render({ focus: false });
}

// 测算凭证 (receipt.mjs, loaded on first use with its styles and QR encoder): a
// printable page whose QR code reopens this estimate; in kiosk mode, the QR
// code on the result screen ("扫码带走结果").
let receiptView = null;
const receiptContext = () => ({ s, shown, catalog, lang: ui.lang, elder: ui.elder, t: t(), back,
                                programTitle: programTitle(s.program), regionName: regionName() });
const receiptScreen = () => (receiptView ? receiptView.receiptScreen(receiptContext()) : resultScreen());
// Share links and a receipt's link (shared/uie-share.js): loaded only when a
// link is opened or made, so the page's own download does not carry them.
const shareReady = () => loadScript('shared/uie-share.js');
async function openReceipt() {
  await shareReady();
  receiptView = receiptView || await import('./receipt.mjs');
  go('receipt');
}
function kioskQr() {
  const box = h('div', { id: 'kiosk-qr-slot' });
  Promise.all([import('./receipt.mjs'), shareReady()])
    .then(([m]) => { receiptView = m; box.replaceWith(m.kioskQr(receiptContext())); }, (e) => console.warn('[estimator]', e));
  return box;
}

function wipe() {
  comparing = false;
  s = freshState();
  ui = { ...DEFAULT_UI };
  applyUi();
  resetHistory();
  render();
  app.dataset.wiped = String(Number(app.dataset.wiped || 0) + 1);
}

// Quotes are folded on screen; a printout shows them all.
window.addEventListener('beforeprint', () => {
  for (const d of app.querySelectorAll('details:not([open])').values()) {
    if (!(d instanceof HTMLDetailsElement)) continue;
    d.open = true;
    d.dataset.printOpened = '1';
  }
});
window.addEventListener('afterprint', () => {
  for (const d of app.querySelectorAll('details[data-print-opened]').values()) {
    if (!(d instanceof HTMLDetailsElement)) continue;
    d.open = false;
    delete d.dataset.printOpened;
  }
});

async function boot() {
  if (en()) await english();
  applyUi();
  document.getElementById('toggle-elder').addEventListener('click', () => {
    ui.elder = !ui.elder;
    applyUi();
  });
  let switching = false;   // a second tap while the English words load is not a second switch
  document.getElementById('toggle-lang').addEventListener('click', async () => {
    if (switching) return;
    switching = true;
    try {
      if (!en()) await english();   // the English words arrive on the first switch
      ui.lang = en() ? 'zh' : 'en';
      applyUi();
      await relanguage();
    } finally {
      switching = false;
    }
  });
  // Only a kiosk loads its idle clock.
  if (KIOSK) import('./kiosk.mjs').then((k) => k.startKiosk({ seconds: IDLE_SECONDS, strings: t, onWipe: wipe }));
  app.dataset.engine = 'loading';
  // The first question is drawn at once; the engine starts in its Worker meanwhile.
  if (!KIOSK && location.hash) await shareReady().catch((e) => console.warn('[estimator]', e));
  const shared = !KIOSK && location.hash && globalThis.UieShare ? F.decodeShare(location.hash) : null;
  if (location.hash && !KIOSK && !shared) s.notice = t().shareBad;
  if (!shared) go('who', { replace: true });
  try {
    await engineThere;
    catalog = await engine.catalog();
  } catch (e) {
    console.warn('[estimator]', e);
    app.replaceChildren(h('p', { class: 'error', role: 'alert' }, t().loadFailed));
    app.dataset.screen = 'failed';
    return;
  }
  app.dataset.engine = 'ready';
  const preset = F.regionOf(catalog, query.get('region'));
  if (preset && !s.province) Object.assign(s, preset);
  if (shared) return guarded(() => openShared(shared));
  // Draw what waited for the catalog.
  if (s.screen === 'who') fillWho();
  else if (s.screen === 'where') render();
}

boot();
