// The screening page (批量筛查): an office screens every insured unit of its
// file at once. The page draws; the Worker (screen-worker.js) streams the file
// through the engine's batch session and holds the answers, so the page stays
// responsive with 10^5 rows. What a column holds, what a cell
// means and what a unit gets are the engine's answers, as `estimate --csv`
// gives them; the words and the summary come from the shared layer.
//
// Steps: the batch's scope (program, region, date, policy) and the template ·
// the file (drop or pick; CSV in UTF-8 or GB18030, or XLSX) · the column
// mapping when the headers are not all understood · screening with progress
// and cancel · the summary (counts, total, reasons as bars) · the table
// (filter, sort, pages; each row opens its full explained answer) · export.
import { button, h } from '../dom.mjs';
import { answerView } from './answer-view.mjs';

const F = globalThis.UieFront;
const app = document.getElementById('app');
const PAGE = 50;
const query = new URLSearchParams(location.search);

// ---------------------------------------------------------------- the Worker

const worker = new Worker('screen/screen-worker.js');
const calls = new Map();
let nextId = 1;
let onProgress = null;
worker.onmessage = (event) => {
  const m = event.data;
  if (m.progress) {
    if (onProgress) onProgress(m.progress);
    return;
  }
  const call = calls.get(m.id);
  if (!call) return;
  calls.delete(m.id);
  if (m.error) call.reject(Object.assign(new Error(m.error.message), { code: m.error.code, issues: m.error.issues }));
  else call.resolve(m.result);
};
worker.onerror = (event) => {
  const err = new Error(event.message || '计算模块未能加载');
  for (const call of calls.values()) call.reject(err);
  calls.clear();
};

function ask(op, payload = {}) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    calls.set(id, { resolve, reject });
    worker.postMessage({ id, op, ...payload });
  });
}

// ---------------------------------------------------------------- state

const s = {
  catalog: null,
  program: 'stabilization_refund',
  province: '', city: '', date: F.today(), policy: '',
  questions: [],
  conditions: [],      // each condition's own name (questions().conditions): the reasons' bars and filter
  scope: null,         // F.policyState of the scope: the policy, whether in force, the latest to offer
  file: null,          // what the Worker read: name, format, encoding, size, headers, columns, needsMapping (rows once screened)
  mapping: null,       // column index → fact id / role / '' (passed through), after the mapping step
  mappingOpen: false,
  error: null,         // { where: 'scope'|'file'|'screen', message }
  progress: null,      // { done, fraction } while screening (fraction null: not known)
  busy: null,          // a long step other than screening (the export), for its status line
  result: null,        // { summary, done } once screened
  query: { state: '', reason: '', search: '', sort: 'row', dir: 'asc', offset: 0 },
  page: null,
  timing: {},          // for scripts/screen-speed.mjs: when the file arrived, when the summary was drawn
};

const region = () => s.city || s.province;
const defaults = () => ({ region: region(), date: s.date, program: s.program, policy: s.policy });

// ---------------------------------------------------------------- drawing

function field(label, id, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'hint' }, hint) : null);
}

function select(id, options, value, onchange) {
  return h('select', { id, onchange },
    options.map((o) => h('option', { value: o.value, selected: o.value === value ? true : null }, o.label)));
}

function errorBlock(where) {
  return s.error && s.error.where === where
    ? h('div', { class: 'error', role: 'alert', id: `${where}-error` }, h('p', {}, s.error.message))
    : null;
}

function scopeStep() {
  const c = s.catalog;
  const programs = c.programs.map((p) => ({ value: p.id, label: p.title }));
  const provinces = [{ value: '', label: '请选择省份' }].concat(c.regions.map((r) => ({ value: r.code, label: r.name })));
  const cities = F.cityChoices(c, s.province, 'zh');
  const policies = s.province ? F.policyChoices(c, s.program, region(), 'zh') : [];
  const columns = F.screeningColumns(s.questions, 'zh');
  return h('section', { class: 'step', 'aria-labelledby': 'scope-h' },
    h('h2', { id: 'scope-h' }, '1. 筛查范围'),
    h('div', { class: 'fields' },
      field('项目', 'program', select('program', programs, s.program, (e) => { s.program = e.target.value; s.policy = ''; scopeChanged(); })),
      field('省份', 'province', select('province', provinces, s.province, (e) => { s.province = e.target.value; s.city = ''; s.policy = ''; scopeChanged(); })),
      field('城市', 'city', select('city', [{ value: '', label: '全省' }].concat(cities.cities.map((x) => ({ value: x.code, label: x.name }))), s.city,
        (e) => { s.city = e.target.value; s.policy = ''; scopeChanged(); }), cities.note),
      field('申请日期', 'date', h('input', { id: 'date', type: 'date', value: s.date, onchange: (e) => { s.date = e.target.value; scopeChanged(); } }),
        '按这一天正在执行的政策筛查'),
      policies.length ? field('政策', 'policy', select('policy', policies.map((p) => ({ value: p.id, label: p.label })), s.policy,
        (e) => { s.policy = e.target.value; scopeChanged(); })) : null),
    h('p', { class: 'hint' }, '文件中如有“地区代码 (region)”“日期 (date)”“政策 (policy)”列，逐行以文件为准。'),
    noPolicyNotice(),
    errorBlock('scope'),
    h('h3', {}, '导入模板'),
    h('p', {}, '模板的列名写明了每一项对应的字段，第二行是示例（筛查前请删除）。单位名称、统一社会信用代码、备注等其他列会原样保留在结果里。'),
    h('div', { class: 'actions' },
      button('下载模板（CSV）', () => downloadTemplate('csv'), 'secondary', { id: 'template-csv' }),
      button('下载模板（XLSX，含填写说明）', () => downloadTemplate('xlsx'), 'secondary', { id: 'template-xlsx' })),
    columns.length ? h('details', { class: 'notes-table' }, h('summary', {}, '填写说明：每一列可以填什么'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'template-notes' },
        h('thead', {}, h('tr', {}, ['列名', '可填的值', '是否必填'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, columns.map((col) => h('tr', {}, h('td', {}, col.header), h('td', {}, col.allowed),
          h('td', {}, col.required ? '必填' : '可不填'))))))) : null);
}

// The single page's rule: a date with no policy in force stops here, and the
// latest policy is offered (the office decides whether to screen under it).
function noPolicyNotice() {
  const st = s.scope;
  if (!st || st.inForce || !region()) return null;
  const p = st.offer;
  return h('div', { class: 'notice', role: 'status', id: 'no-policy' },
    h('p', {}, `${s.date} 这一天，所选地区没有正在执行的${programTitle()}政策，按这一天筛查会全部出错。`),
    p ? h('p', {}, '最近的一份是：', h('strong', {}, p.title), `（${p.docNo}，${p.validity}）。`) : null,
    p ? h('div', { class: 'actions' }, button(`按这份政策筛查`, () => { s.policy = p.id; scopeChanged(); }, 'primary', { id: 'use-latest' })) : null);
}

function programTitle() {
  const p = s.catalog && s.catalog.programs.find((x) => x.id === s.program);
  return p ? p.title : '';
}

function screenable() {
  return region() && (!s.scope || s.scope.inForce || s.policy);
}

function fileStep() {
  const input = h('input', { type: 'file', id: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    onchange: (e) => { if (e.target.files[0]) readFile(e.target.files[0]); } });
  const drop = h('label', { class: 'drop', id: 'drop', for: 'file' },
    h('span', {}, '把 CSV 或 XLSX 文件拖到这里，或 '), h('span', { class: 'sr-only' }, '选择文件'), input,
    h('p', { class: 'hint' }, 'CSV 可以是 UTF-8（带或不带 BOM）或 Excel 在中文 Windows 上保存的 GB18030 编码。'));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) readFile(f);
  });
  const f = s.file;
  return h('section', { class: 'step', 'aria-labelledby': 'file-h' },
    h('h2', { id: 'file-h' }, '2. 导入名单'),
    drop,
    errorBlock('file'),
    s.result ? null : errorBlock('screen'),   // a file refused while it was screened (a limit met midway)
    s.reading ? h('p', { role: 'status', id: 'reading' }, `正在读取 ${s.reading}…`) : null,
    f ? h('p', { class: 'file-info', id: 'file-info' },
      `${f.name}：${f.format}${f.format === 'CSV' ? `，${f.encoding}` : ''}，${sizeText(f.size)}，${f.headers.length} 列`,
      s.result ? `，${s.result.done.toLocaleString('zh-CN')} 户` : '') : null,
    f && !s.mappingOpen && !f.needsMapping ? button('调整列的对应', () => { s.mappingOpen = true; render(); }, 'link', { id: 'open-mapping' }) : null,
    f && (s.mappingOpen || f.needsMapping) ? mappingStep() : null,
    f && !f.needsMapping && !s.mappingOpen && !s.progress
      ? h('div', { class: 'actions' }, button(s.result ? '重新筛查' : '开始筛查', startScreening, 'primary', { id: 'start' }))
      : null);
}

function sizeText(bytes) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

const ROLE_WORDS = { fact: '字段', region: '地区代码', date: '日期', program: '项目', policy: '政策', passthrough: '原样保留',
                     misspelt: '疑似写错的列名', duplicate: '重复的列' };

function mappingStep() {
  const f = s.file;
  const choices = F.mappingChoices(s.questions, 'zh');
  // The engine's reading, or its best guess for a misspelt header: preselected, to confirm.
  const current = (c) => (s.mapping && c.index in s.mapping ? s.mapping[c.index]
    : c.role === 'fact' || (c.role === 'misspelt' && c.fact) ? c.fact : ['region', 'date', 'program', 'policy'].includes(c.role) ? c.role : '');
  const pickers = f.columns.map((c) => {
    const id = `map-${c.index}`;
    return h('tr', { 'data-column': c.index },
      h('td', {}, h('label', { for: id }, c.header || `（第 ${c.index + 1} 列，无列名）`)),
      h('td', {}, ROLE_WORDS[c.role] || c.role, c.message ? h('p', { class: 'cell-error' }, c.message) : null),
      h('td', {}, select(id, choices, current(c), (e) => {
        s.mapping = { ...(s.mapping || {}), [c.index]: e.target.value };
      })));
  });
  return h('div', { class: 'mapping', id: 'mapping' },
    h('h3', {}, '列的对应'),
    f.needsMapping ? h('p', { class: 'notice', role: 'status' },
      f.columns.some((c) => c.role === 'misspelt') ? '有的列名和字段名只差一点：已按最接近的字段预选，请逐列确认（不对的改掉，或选“不使用”）。'
        : f.columns.some((c) => c.role === 'fact') ? '有的列名重复了：请为每一列选择它对应的字段，或选“不使用”。'
          : '没有找到任何能识别的列名：请为每一列选择它对应的字段（可下载模板对照）。') : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, ['文件中的列', '识别为', '对应到'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, pickers))),
    h('div', { class: 'actions' }, button('按此对应开始筛查', applyMapping, 'primary', { id: 'apply-mapping' })));
}

function progressText(p) {
  return `已筛查 ${p.done.toLocaleString('zh-CN')} 户${p.fraction === null ? '' : `（文件已读 ${Math.round(p.fraction * 100)}%）`}`;
}

function progressStep() {
  const p = s.progress;
  // Without a known fraction (an XLSX's rows as they come) the bar is indeterminate.
  const bar = p.fraction === null ? h('progress', { id: 'progress', 'aria-labelledby': 'progress-h' })
    : h('progress', { id: 'progress', max: '1000', value: String(Math.round(p.fraction * 1000)), 'aria-labelledby': 'progress-h' });
  return h('section', { class: 'step', 'aria-labelledby': 'progress-h' },
    h('h2', { id: 'progress-h' }, '正在读取并筛查…'),
    bar,
    h('p', { role: 'status', id: 'progress-text' }, progressText(p)),
    button('取消', () => worker.postMessage({ op: 'cancel' }), 'secondary', { id: 'cancel' }));
}

function bars(list, cls, onpick) {
  if (!list.length) return null;
  const max = list[0].count;
  return h('ul', { class: `bars ${cls}` }, list.map((b) => h('li', { 'data-id': b.id },
    h('span', { class: 'bar-label' }, onpick ? button(b.label, () => onpick(b.id), 'link', { title: b.title || b.label }) : b.label,
      b.where ? h('span', { class: 'where' }, `（${b.where}）`) : null),
    h('span', { class: 'track', 'aria-hidden': 'true' }, h('span', { class: 'fill', style: null, 'data-share': String(b.count / max) })),
    h('span', { class: 'count' }, `${b.count.toLocaleString('zh-CN')} 户`))));
}

function summaryStep() {
  const r = s.result;
  const v = F.summaryView(r.summary, { lang: 'zh', conditions: s.conditions, questions: s.questions });
  const cite = (id) => F.citeView((s.conditions.find((c) => c.id === id) || {}).cite);
  const reasonBars = v.reasons.map((b) => ({ ...b, where: (cite(b.id) || {}).where, title: (cite(b.id) || {}).quote }));
  const count = (cls, label, n, state) => h('li', { class: cls },
    h('span', { class: 'n', id: `count-${cls}` }, n.toLocaleString('zh-CN')), button(label, () => filterBy({ state, reason: '' }), 'link'));
  return h('section', { class: 'step', 'aria-labelledby': 'summary-h', id: 'summary' },
    h('h2', { id: 'summary-h', tabindex: '-1' }, r.cancelled ? `3. 结果（已取消：只筛查了前 ${r.done.toLocaleString('zh-CN')} 行）` : '3. 结果'),
    h('ul', { class: 'counts' },
      count('total', '全部单位', v.total, ''), count('yes', '符合条件', v.yes, 'yes'), count('no', '不符合', v.no, 'no'),
      count('unknown', '待定（缺少数据）', v.unknown, 'unknown'), count('error', '数据有误', v.error, 'error')),
    h('p', { class: 'total' }, '符合条件单位的测算金额合计：', h('span', { class: 'yuan', id: 'total-amount', 'data-fen': String(r.summary.amountFen) }, v.amount.yuan),
      v.amount.wan ? `（${v.amount.wan}）` : null, v.open ? '（不含下面金额待定的单位）' : null),
    // Eligible, the amount one of two: counted and shown as such, never left out silently.
    v.open ? h('p', { class: 'open-amount', id: 'open-amount' },
      `另有 ${v.open.toLocaleString('zh-CN')} 户符合条件，但金额取决于没有填写的企业规模（大型或中小微）：合计在 `,
      h('span', { class: 'yuan', 'data-fen': String(r.summary.openLowFen) }, v.openLow.yuan), ' 到 ',
      h('span', { class: 'yuan', 'data-fen': String(r.summary.openHighFen) }, v.openHigh.yuan), ' 之间；导出的“可能金额”列逐户列出两种金额。') : null,
    reasonBars.length ? [h('h3', { id: 'reasons-h' }, '不符合的原因（点击查看这些单位）'), bars(reasonBars, 'reasons', (id) => filterBy({ state: 'no', reason: id }))] : null,
    v.missing.length ? [h('h3', {}, '待定单位缺少的数据'), bars(v.missing, 'missing', null)] : null,
    h('div', { class: 'actions' },
      button('导出结果（CSV）', () => exportResults('csv'), 'secondary', { id: 'export-csv' }),
      button('导出结果（XLSX）', () => exportResults('xlsx'), 'secondary', { id: 'export-xlsx' })),
    s.busy ? h('p', { role: 'status', id: 'busy' }, s.busy) : null,
    h('p', { class: 'hint' }, '导出的文件包含原有各列，加上是否符合、金额（分、元）、可能金额和原因；CSV 中以 = + - @ 开头的单元格前加了 \'，表格软件不会把它当作公式执行（XLSX 中这些单元格是文本，不需要）。'),
    errorBlock('screen'));
}

function tableStep() {
  const p = s.page;
  const q = s.query;
  const reasons = Object.keys((s.result && s.result.summary.failed) || {});
  const sortButton = (key, label) => h('button', { type: 'button', class: 'sort-button', 'data-sort': key,
    'aria-label': `按${label}排序`, onclick: () => sortBy(key) }, label, q.sort === key ? (q.dir === 'asc' ? ' ▲' : ' ▼') : '');
  const sortState = (key) => (q.sort === key ? (q.dir === 'asc' ? 'ascending' : 'descending') : null);
  const rows = p ? p.rows.map((r) => h('tr', { 'data-index': r.index, 'data-state': r.state },
    h('td', { class: 'num' }, String(r.row)),
    h('td', { class: 'name' }, r.name),
    h('td', {}, h('span', { class: `state ${r.state}` }, F.stateText(r.state, 'zh', s.catalog)), r.range ? h('span', { class: 'open' }, '（金额待定）') : null),
    h('td', { class: 'num' }, r.amountFen !== null ? F.moneyText(r.amountFen, 'zh').yuan
      : r.range ? `${F.moneyText(r.range.low, 'zh').yuan}–${F.moneyText(r.range.high, 'zh').yuan}` : ''),
    h('td', { class: 'reasons' }, r.error
      ? h('span', { class: 'cell-error' }, `第 ${r.row} 行${r.error.column ? `「${r.error.column}」列` : ''}：${F.plainMessage(r.error.message)}`)
      : r.reasons.join('；')),
    h('td', {}, r.error ? null : button('详情', () => explain(r), 'link', { 'aria-label': `详情：第 ${r.row} 行` })))) : [];
  const last = p ? Math.min(p.total, p.offset + PAGE) : 0;
  return h('section', { class: 'step', 'aria-labelledby': 'table-h' },
    h('h2', { id: 'table-h' }, '4. 逐户结果'),
    h('div', { class: 'filters' },
      field('结果', 'filter-state', select('filter-state', [{ value: '', label: '全部' }, { value: 'yes', label: '符合' }, { value: 'no', label: '不符合' },
        { value: 'unknown', label: '待定' }, { value: 'error', label: '数据有误' }], q.state, (e) => filterBy({ state: e.target.value })) ),
      field('不符合的条件', 'filter-reason', select('filter-reason', [{ value: '', label: '全部' }].concat(reasons.map((id) => ({
        value: id, label: F.conditionLabel(id, s.conditions, 'zh') }))), q.reason, (e) => filterBy({ reason: e.target.value }))),
      field('查找（单位名称、代码等）', 'filter-search', h('input', { type: 'text', id: 'filter-search', value: q.search,
        onchange: (e) => filterBy({ search: e.target.value }) }))),
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'results' },
      h('caption', { class: 'sr-only' }, '逐户筛查结果'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', class: 'num', 'aria-sort': sortState('row') }, sortButton('row', '行号')),
        h('th', { scope: 'col' }, (p && p.nameHeader) || '单位'),
        h('th', { scope: 'col', 'aria-sort': sortState('state') }, sortButton('state', '结果')),
        h('th', { scope: 'col', class: 'num', 'aria-sort': sortState('amount') }, sortButton('amount', '金额')),
        h('th', { scope: 'col' }, '原因'),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, '详情')))),
      h('tbody', {}, rows))),
    h('div', { class: 'pager' },
      button('上一页', () => turn(-1), 'secondary', { id: 'prev', disabled: !p || p.offset === 0 ? true : null }),
      h('span', { id: 'page-info', role: 'status' }, p ? (p.total ? `第 ${(p.offset + 1).toLocaleString('zh-CN')}–${last.toLocaleString('zh-CN')} 户，共 ${p.total.toLocaleString('zh-CN')} 户` : '没有符合筛选的单位') : ''),
      button('下一页', () => turn(1), 'secondary', { id: 'next', disabled: !p || last >= p.total ? true : null })));
}

let dialog = null;
function answerDialog(content) {
  if (!dialog) {
    dialog = h('dialog', { class: 'answer', id: 'answer', 'aria-labelledby': 'answer-h' });
    document.body.append(dialog);
  }
  dialog.replaceChildren(h('h2', { id: 'answer-h' }, '详细结果'), content,
    h('div', { class: 'actions' }, button('关闭', () => dialog.close(), 'primary', { id: 'close-answer' })));
  if (!dialog.open) dialog.showModal();
}

function render() {
  const parts = [h('h1', {}, '批量筛查（免申即享）'),
    h('p', { class: 'lead' }, '经办机构一次筛查全部参保单位：选择地区和日期，导入 CSV 或 XLSX 名单，逐户算出是否符合、金额和原因。文件只在本机浏览器中读取和计算，不会上传到任何地方。'),
    scopeStep(), fileStep()];
  if (s.progress) parts.push(progressStep());
  if (s.result) parts.push(summaryStep(), tableStep(), whatIf.step());
  app.replaceChildren(...parts);
  // Bar widths: set through the CSSOM (the CSP allows no inline style attributes).
  for (const fill of app.querySelectorAll('.fill[data-share]')) fill.style.width = `${(Number(fill.dataset.share) * 100).toFixed(1)}%`;
  app.dataset.renders = String(Number(app.dataset.renders || 0) + 1);
}

// ---------------------------------------------------------------- actions

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function stamp() {
  return `${s.program}-${region() || 'all'}-${s.date}`;
}

// The 测算方案 panel (screen/whatif.mjs) loads when it is first opened: an
// office that only screens never downloads it.
let whatIfPanel = null;
const whatIf = {
  step() {
    const panel = whatIfPanel && whatIfPanel.step();
    if (panel) return panel;
    return h('section', { class: 'step whatif', 'aria-labelledby': 'whatif-h0' },
      h('h2', { id: 'whatif-h0' }, '5. 测算方案（改政策参数，看全体单位的变化）'),
      h('p', {}, '改返还比例、缴费月数、裁员率等参数，或采用国办发〔2025〕25号的提高比例，按同一份名单重新计算，和现行政策对比。全部在本机计算。'),
      h('div', { class: 'actions' }, button('打开测算方案', openWhatIf, 'primary', { id: 'open-whatif' })));
  },
  reset() {
    if (whatIfPanel) whatIfPanel.reset();
  },
};

function openWhatIf() {
  return guarded('screen', async () => {
    if (!whatIfPanel) {
      const { createWhatIf } = await import('./whatif.mjs');
      whatIfPanel = createWhatIf({ ask, render, download, stamp, progress: (fn) => { onProgress = fn; } });
    }
    await whatIfPanel.open();
  });
}

async function guarded(where, work) {
  s.error = null;
  try {
    await work();
  } catch (e) {
    console.warn('[screening]', e);
    s.error = { where, message: e && e.message ? e.message : String(e) };
    s.progress = null;
    render();
  }
}

function scopeChanged() {
  return guarded('scope', async () => {
    await loadQuestions();
    if (s.file) {
      s.file = await ask('remap', { program: s.program, mapping: s.mapping });
      s.result = null;
      s.page = null;
    }
    render();
  });
}

async function loadQuestions() {
  const r = await ask('questions', { request: { region: region() || '000000', date: s.date, program: s.program, facts: {}, ...(s.policy ? { policy: s.policy } : {}) } });
  s.questions = r.ok ? r.questions : [];
  s.conditions = r.ok ? r.conditions || [] : [];
  s.scope = F.policyState(r, s.policy, 'zh');
}

function downloadTemplate(format) {
  return guarded('scope', async () => {
    const blob = await ask('template', { format, questions: s.questions });
    download(blob, `筛查模板-${s.program}.${format}`);
  });
}

function readFile(f) {
  s.timing = { dropped: performance.now() };
  return guarded('file', async () => {
    s.file = null;
    s.result = null;
    s.page = null;
    s.mapping = null;
    s.mappingOpen = false;
    s.reading = f.name;
    render();
    try {
      s.file = await ask('load', { file: f, name: f.name, program: s.program });
    } finally {
      s.reading = null;
    }
    s.timing.read = performance.now();
    render();
    if (!s.file.needsMapping && screenable()) await startScreening();
    else if (!region()) {
      s.error = { where: 'scope', message: '请先选择省份（和城市），再开始筛查。' };
      render();
    }
  });
}

function applyMapping() {
  return guarded('file', async () => {
    const mapping = {};
    for (const c of s.file.columns) {
      const el = document.getElementById(`map-${c.index}`);
      if (el) mapping[c.index] = el.value;
    }
    s.mapping = mapping;
    s.file = await ask('remap', { program: s.program, mapping });
    if (s.file.needsMapping) {
      s.error = { where: 'file', message: s.file.columns.filter((c) => c.message).map((c) => c.message)[0] || '还没有任何一列对应到字段。' };
      render();
      return;
    }
    s.mappingOpen = false;
    await startScreening();
  });
}

function startScreening() {
  return guarded('screen', async () => {
    if (!region()) throw new Error('请先选择省份（和城市），再开始筛查。');
    if (!screenable()) throw new Error('这一天没有正在执行的政策：请改日期，或在上面选“按这份政策筛查”。');
    s.result = null;
    s.page = null;
    whatIf.reset();
    s.progress = { done: 0, fraction: 0 };
    render();
    let last = 0;
    onProgress = (p) => {
      const indeterminate = (s.progress.fraction === null) !== (p.fraction === null);
      s.progress = p;
      if (indeterminate) render();
      const now = performance.now();
      if (now - last < 100) return;   // a frame now and then is enough
      last = now;
      const bar = document.getElementById('progress');
      if (bar && p.fraction !== null) bar.value = Math.round(p.fraction * 1000);
      const text = document.getElementById('progress-text');
      if (text) text.textContent = progressText(p);
    };
    const r = await ask('screen', { defaults: defaults(), conditions: s.conditions, slice: Number(query.get('slice')) || 0 });
    onProgress = null;
    s.progress = null;
    s.result = r.summary ? r : { ...r, summary: null };
    if (!r.summary) {   // cancelled
      s.result = null;
      s.error = { where: 'file', message: `已取消筛查（已筛查 ${r.done.toLocaleString('zh-CN')} 户，结果没有保留）。` };
      render();
      return;
    }
    s.query = { state: '', reason: '', search: '', sort: 'row', dir: 'asc', offset: 0 };
    s.page = await ask('page', { query: { ...s.query, limit: PAGE } });
    render();
    s.timing.summary = performance.now();
    app.dataset.screened = String(Number(app.dataset.screened || 0) + 1);
    document.getElementById('summary-h').focus({ preventScroll: false });
  });
}

function refreshPage() {
  return guarded('screen', async () => {
    s.page = await ask('page', { query: { ...s.query, limit: PAGE } });
    render();
  });
}

function filterBy(change) {
  s.query = { ...s.query, ...change, offset: 0 };
  return refreshPage().then(() => {
    const t = document.getElementById('table-h');
    if (t) t.scrollIntoView();
  });
}

function sortBy(key) {
  s.query = { ...s.query, sort: key, dir: s.query.sort === key && s.query.dir === 'asc' ? 'desc' : 'asc', offset: 0 };
  return refreshPage();
}

function turn(by) {
  s.query = { ...s.query, offset: Math.max(0, s.query.offset + by * PAGE) };
  return refreshPage();
}

function explain(r) {
  return guarded('screen', async () => {
    const res = await ask('explain', { index: r.index });
    answerDialog(answerView(res, { questions: s.questions, title: `第 ${r.row} 行${r.name ? ` · ${r.name}` : ''}` }));
  });
}

function exportResults(format) {
  return guarded('screen', async () => {
    s.busy = format === 'xlsx' ? '正在生成 XLSX…' : null;
    render();
    try {
      const blob = await ask('export', { format, questions: s.questions });
      download(blob, `筛查结果-${stamp()}.${format}`);
    } finally {
      s.busy = null;
      render();
    }
  });
}

// ---------------------------------------------------------------- start

async function boot() {
  try {
    s.catalog = await ask('init');
    const preset = F.regionOf(s.catalog, query.get('region'));
    if (/^\d{4}-\d{2}-\d{2}$/.test(query.get('date') || '')) s.date = query.get('date');
    if (preset) Object.assign(s, preset);
    await loadQuestions();
  } catch (e) {
    console.warn('[screening]', e);
    app.replaceChildren(h('h1', {}, '批量筛查'), h('p', { class: 'error', role: 'alert' }, '计算模块未能加载，请刷新页面再试。'));
    app.dataset.engine = 'failed';
    return;
  }
  app.dataset.engine = 'ready';
  render();
}

// For scripts/screen-speed.mjs and the tests: when a file arrived and when its summary was drawn.
globalThis.uieScreenTiming = () => ({ ...s.timing });
boot();
