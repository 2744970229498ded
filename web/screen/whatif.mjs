// The screening page's "测算方案" panel (issue 19): after a screen, the clerk
// changes some of the policy's parameters — or takes up the 25号 uplift —
// and sees, beside the rules in force, what the whole file would get: the
// counts and totals (the engine's own tally, as estimate --summary prints
// them), by size and by amount band (charts, each with its table), and the
// units whose state or amount changes (sortable, exportable). The reform is
// saved as a file, loaded again, shared as a link (in the fragment: nothing
// leaves the device). The Worker runs the file again under the reform; the
// page stays responsive and shows progress.
import { button, h } from '../dom.mjs';
import * as M from './reform-model.mjs';

const F = globalThis.UieFront;
const PAGE = 50;

const yuan = (fen) => F.moneyText(fen, 'zh').yuan;
const count = (n) => n.toLocaleString('zh-CN');

/**
 * env: { ask(op, payload), render(), download(blob, name), progress(fn|null), stamp() }.
 * Returns { step() → the panel's section, or null before open() and after reset() (a new screen), reset(), open() }.
 */
export function createWhatIf(env) {
  let w = null;   // { panel, running, progress, result, changes, query, error, link }

  function reset() {
    w = null;
  }

  // The page is drawn anew on each change: the element that had the focus
  // (by its id) gets it back, so typing and tabbing through the fields goes on.
  function rerender() {
    const focused = document.activeElement && document.activeElement.id;
    env.render();
    const again = focused && document.getElementById(focused);
    if (again && again !== document.activeElement) again.focus();
  }

  // `mine`: the panel the work began on; a new screen (reset) in the meantime
  // makes its outcome moot, and it is dropped.
  async function guarded(work) {
    const mine = w;
    if (!mine) return;
    mine.error = null;
    try {
      await work(mine);
    } catch (e) {
      if (w !== mine) return;
      console.warn('[what-if]', e);
      if (mine.running) env.progress(null);
      mine.running = false;
      mine.progress = null;
      if (e && e.code === 'invalid_reform' && Array.isArray(e.issues)) {
        mine.panel = { ...mine.panel, issues: e.issues };
        mine.error = '方案有误，请按提示修改：' + e.issues.map((i) => i.message).join('；');
      } else {
        mine.error = e && e.message ? e.message : String(e);
      }
    }
    if (w === mine) rerender();
  }

  function open() {
    w = { panel: null, running: false, progress: null, result: null, changes: null, query: { sort: 'delta', dir: 'desc', offset: 0 }, error: null, link: '' };
    return guarded(async (w) => {
      const p = await env.ask('parameters');
      if (!p.ok) throw new Error(p.error ? p.error.message : '无法读取政策参数');
      w.panel = M.newPanel(p);
      const shared = M.fromFragment(location.hash);
      if (shared) {
        w.panel = M.panelFrom(w.panel, shared);
        // A link for another policy, or one the panel cannot draw, says why; the panel opens as in force.
        if (w.panel.issues.length) {
          const why = w.panel.issues[0].message;
          w.panel = M.newPanel(p);
          throw new Error(`链接中的测算方案没有载入：${why}`);
        }
      }
      env.render();
      const el = document.getElementById('whatif-h');
      if (el) el.focus();
    });
  }

  function run() {
    return guarded(async (w) => {
      const reform = M.reformOf(w.panel);
      if (!reform) throw new Error('还没有修改任何参数：改一个比例或门槛，或选择提高返还比例。');
      w.running = true;
      w.result = null;
      w.changes = null;
      w.progress = { done: 0, fraction: 0 };
      rerender();
      let last = 0;
      env.progress((p) => {
        const now = performance.now();
        if (now - last < 100) return;
        last = now;
        const bar = document.getElementById('whatif-progress');
        if (bar instanceof HTMLProgressElement && p.fraction !== null) bar.value = Math.round(p.fraction * 1000);
      });
      const t0 = performance.now();
      const r = await env.ask('whatif', { reform: JSON.stringify(reform) });
      if (w !== current()) return;   // a new screen began meanwhile: its own progress stays
      env.progress(null);
      w.running = false;
      w.progress = null;
      if (r.cancelled) throw new Error('已取消测算。');
      w.result = { ...r, doc: reform, ms: performance.now() - t0 };
      w.query = { sort: 'delta', dir: 'desc', offset: 0 };
      w.changes = await env.ask('changes', { query: { ...w.query, limit: PAGE } });
      if (w !== current()) return;
      // For scripts/whatif-speed.mjs: from the click to the changed units listed.
      document.getElementById('app').dataset.whatifMs = String(Math.round(performance.now() - t0));
      document.getElementById('app').dataset.whatif = String(Number(document.getElementById('app').dataset.whatif || 0) + 1);
    });
  }

  const current = () => w;

  function page(change) {
    w.query = { ...w.query, ...change };
    return guarded(async (w) => { w.changes = await env.ask('changes', { query: { ...w.query, limit: PAGE } }); });
  }

  function sortBy(key) {
    return page({ sort: key, dir: w.query.sort === key && w.query.dir === 'desc' ? 'asc' : 'desc', offset: 0 });
  }

  function save() {
    const reform = M.reformOf(w.panel);
    if (!reform) return guarded(async () => { throw new Error('还没有修改任何参数，没有可保存的方案。'); });
    env.download(new Blob([JSON.stringify(reform, null, 2) + '\n'], { type: 'application/json' }), `测算方案-${reform.id}.json`);
    return undefined;
  }

  function load(file) {
    return guarded(async (w) => {
      if (file.size > 64 * 1024) throw new Error('方案文件超过 64 KB，不是测算方案。');
      let doc;
      try {
        doc = JSON.parse(await file.text());
      } catch {
        throw new Error(`「${file.name}」不是有效的 JSON 文件。`);
      }
      w.panel = M.panelFrom(w.panel, doc);
      if (w.panel.issues.length) throw new Error(w.panel.issues[0].message);
    });
  }

  function share() {
    const reform = M.reformOf(w.panel);
    if (!reform) return guarded(async () => { throw new Error('还没有修改任何参数，没有可分享的方案。'); });
    const fragment = M.linkFragment(reform);
    history.replaceState(null, '', `#${fragment}`);
    w.link = location.href;
    rerender();
    return undefined;
  }

  function exportChanges() {
    return guarded(async () => {
      const blob = await env.ask('exportChanges');
      env.download(blob, `方案变化的单位-${env.stamp()}.csv`);
    });
  }

  // ---- drawing

  function paramField(p) {
    const id = `param-${p.id}`;
    const issue = w.panel.issues.find((i) => M.issueField(i.pointer) === p.id);
    const cite = F.citeView(p.cite) || {};
    const raisedByUplift = w.panel.uplift === 'all' && (p.id === 'refund_rate_sme' || p.id === 'refund_rate_large');
    const cases = M.otherCases(w.panel, p);
    return h('div', { class: 'field param' + (issue ? ' invalid' : '') },
      h('label', { for: id }, M.label(p.id, 'zh'), p.cap ? '（上限）' : ''),
      // A typed value is kept in the panel's state as it is typed; the page is not drawn anew for it.
      h('input', { id, type: 'text', inputmode: p.type === 'count' ? 'numeric' : 'decimal', value: M.shownValue(w.panel, p),
        disabled: raisedByUplift ? true : null, 'aria-invalid': issue ? 'true' : null, 'aria-describedby': `${id}-now`,
        onchange: (e) => { w.panel = M.setValue(w.panel, p.id, e.target.value); } }),
      h('p', { class: 'hint', id: `${id}-now` }, `现行：${p.type === 'money' ? `${p.value} 元` : p.value}`,
        cite.where ? ` · ${cite.where}` : '', cite.quote ? h('q', {}, cite.quote) : null,
        cases.length ? h('span', { class: 'cases' }, `现行另有 ${cases.length} 种按情形取值的规定（${cases.map((c) => `${c.fact} 为 ${c.equals === true ? '是' : c.equals === false ? '否' : c.equals} 时 ${c.value}`).join('；')}）；改这个值会一并取消它们。`) : null),
      issue ? h('p', { class: 'field-error', role: 'alert' }, issue.message) : null);
  }

  function upliftField() {
    if (!M.upliftApplies(w.panel.params)) return null;
    const choice = (value, text) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'uplift', value, checked: w.panel.uplift === value ? true : null,
        onchange: () => { w.panel = M.setUplift(w.panel, value); rerender(); } }), text);
    return h('fieldset', { class: 'uplift', id: 'uplift' },
      h('legend', {}, '国办发〔2025〕25号：对相关企业提高返还比例（中小微企业最高90%，大型企业最高50%）'),
      choice('none', w.panel.upliftInForce === 'column' ? '不提高（取消现行对相关企业的提高，按上面的比例）' : '不提高（按上面的比例）'),
      choice('all', '对所有企业提高到 90% / 50%'),
      choice('column', `只对名单中“相关企业 (related_enterprise)”一列填“是”的企业提高${w.panel.upliftInForce === 'column' ? '（现行政策即如此）' : ''}`),
      h('p', { class: 'hint' }, '文件允许失业保险基金备付期限在1年以上的统筹地区这样做，没有界定“相关企业”；是否执行、对谁执行由统筹地区决定。'));
  }

  function comparison(r) {
    const b = r.base, z = r.reform;
    const row = (label, x, y, money, id) => h('tr', { id },
      h('th', { scope: 'row' }, label),
      h('td', { class: 'num', 'data-value': String(x) }, money ? yuan(x) : count(x)),
      h('td', { class: 'num', 'data-value': String(y) }, money ? yuan(y) : count(y)),
      h('td', { class: 'num' }, money ? yuan(y - x) : count(y - x)));
    return h('div', { class: 'table-wrap' }, h('table', { class: 'grid compare', id: 'whatif-compare' },
      h('caption', {}, '现行政策与测算方案：全部单位'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '项目'), h('th', { scope: 'col' }, '现行政策'), h('th', { scope: 'col' }, '测算方案'), h('th', { scope: 'col' }, '差额'))),
      h('tbody', {},
        row('单位数', b.items, z.items, false, 'cmp-items'),
        row('符合条件', b.yes, z.yes, false, 'cmp-yes'),
        row('不符合', b.no, z.no, false, 'cmp-no'),
        row('待定（缺少数据）', b.undecided, z.undecided, false, 'cmp-undecided'),
        row('数据有误', b.errors, z.errors, false, 'cmp-errors'),
        row('金额合计', b.amount_fen, z.amount_fen, true, 'cmp-amount'),
        row('大型企业：户数', b.by_size.large.yes, z.by_size.large.yes, false, 'cmp-large'),
        row('大型企业：金额', b.by_size.large.amount_fen, z.by_size.large.amount_fen, true, 'cmp-large-amount'),
        row('中小微企业：户数', b.by_size.sme.yes, z.by_size.sme.yes, false, 'cmp-sme'),
        row('中小微企业：金额', b.by_size.sme.amount_fen, z.by_size.sme.amount_fen, true, 'cmp-sme-amount'),
        row('不分规模：户数', b.by_size.none.yes, z.by_size.none.yes, false, 'cmp-none'),
        row('不分规模：金额', b.by_size.none.amount_fen, z.by_size.none.amount_fen, true, 'cmp-none-amount'),
        row('金额待定（规模不明）：户数', b.open, z.open, false, 'cmp-open'),
        row('金额待定：低', b.open_low_fen, z.open_low_fen, true, 'cmp-open-low'),
        row('金额待定：高', b.open_high_fen, z.open_high_fen, true, 'cmp-open-high'))));
  }

  // A bar chart in plain SVG (no inline style: the page's CSP forbids it),
  // with the table it draws right below it.
  function barChart(id, title, corner, groups, series, money) {
    const max = Math.max(1, ...groups.flatMap((g) => g.values));
    const rowH = 24, gap = 10, labelW = 150, barW = 400;
    const height = groups.length * (series.length * rowH + gap);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `0 0 ${labelW + barW + 210} ${height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', `${id}-title`);
    svg.setAttribute('class', 'chart');
    svg.id = id;
    const el = (tag, attrs, text) => {
      const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      if (text !== undefined) e.textContent = text;
      svg.append(e);
      return e;
    };
    el('title', { id: `${id}-title` }, title);
    groups.forEach((g, gi) => {
      const top = gi * (series.length * rowH + gap);
      el('text', { x: 0, y: top + rowH - 6, class: 'chart-label' }, g.label);
      g.values.forEach((v, si) => {
        const y = top + si * rowH;
        el('rect', { x: labelW, y: y + 3, width: Math.max(v > 0 ? 2 : 0, Math.round((v / max) * barW)), height: rowH - 6, class: `bar s${si}` });
        el('text', { x: labelW + Math.round((v / max) * barW) + 6, y: y + rowH - 7, class: 'chart-value' }, `${series[si]} ${money ? yuan(v) : count(v)}`);
      });
    });
    const table = h('table', { class: 'grid chart-table', id: `${id}-table` },
      h('caption', {}, `${title}（图表数据）`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, corner), series.map((s) => h('th', { scope: 'col' }, s)))),
      h('tbody', {}, groups.map((g) => h('tr', {}, h('th', { scope: 'row' }, g.label), g.values.map((v) => h('td', { class: 'num' }, money ? yuan(v) : count(v)))))));
    return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), svg, h('div', { class: 'table-wrap' }, table));
  }

  function bandLabel(edges, k) {
    const wan = (fen) => `${fen / 1000000}万`;
    return k + 1 < edges.length ? `${k ? wan(edges[k]) : '0'}–${wan(edges[k + 1])}元` : `${wan(edges[k])}元以上`;
  }

  function changesTable() {
    const c = w.changes;
    if (!c) return null;
    const q = w.query;
    const sortButton = (key, label) => h('button', { type: 'button', class: 'sort-button', 'data-sort': key, onclick: () => sortBy(key) },
      label, q.sort === key ? (q.dir === 'asc' ? ' ▲' : ' ▼') : '');
    const stateOf = (x) => `${F.stateText(x.state, 'zh', null) || x.state}${x.amountFen !== null ? ` ${yuan(x.amountFen)}`
      : x.low !== null ? ` ${yuan(x.low)}–${yuan(x.high)}` : ''}`;
    const words = { yes: '符合', no: '不符合', unknown: '待定', error: '数据有误' };
    const last = Math.min(c.total, c.offset + PAGE);
    return [
      h('h3', { id: 'changed-h' }, `状态或金额变化的单位（${count(c.total)} 户）`),
      h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'whatif-changes' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'num' }, sortButton('row', '行号')),
          h('th', { scope: 'col' }, c.nameHeader || '单位'),
          h('th', { scope: 'col', class: 'num' }, sortButton('before', '现行政策')),
          h('th', { scope: 'col', class: 'num' }, sortButton('after', '测算方案')),
          h('th', { scope: 'col', class: 'num' }, sortButton('delta', '差额（按大小）')))),
        h('tbody', {}, c.rows.map((r) => h('tr', { 'data-row': r.row },
          h('td', { class: 'num' }, String(r.row)), h('td', {}, r.name),
          h('td', { class: 'num' }, stateOf({ ...r.before, state: words[r.before.state] })),
          h('td', { class: 'num' }, stateOf({ ...r.after, state: words[r.after.state] })),
          h('td', { class: 'num' }, yuan(r.deltaFen))))))),
      h('div', { class: 'pager' },
        button('上一页', () => page({ offset: Math.max(0, q.offset - PAGE) }), 'secondary', { disabled: q.offset === 0 ? true : null }),
        h('span', { role: 'status' }, c.total ? `第 ${count(c.offset + 1)}–${count(last)} 户，共 ${count(c.total)} 户` : '没有变化的单位'),
        button('下一页', () => page({ offset: q.offset + PAGE }), 'secondary', { disabled: last >= c.total ? true : null })),
      h('div', { class: 'actions' }, button('导出变化的单位（CSV）', exportChanges, 'secondary', { id: 'export-changes' })),
    ];
  }

  function results() {
    const r = w.result;
    if (!r) return null;
    const c = r.changes;
    return h('div', { class: 'whatif-results', id: 'whatif-results' },
      h('h3', { tabindex: '-1', id: 'whatif-results-h' }, `测算结果：${r.doc.title}`),
      h('p', { class: 'lead', id: 'whatif-headline' },
        `金额合计由 ${yuan(r.base.amount_fen)} 变为 ${yuan(r.reform.amount_fen)}（${r.reform.amount_fen >= r.base.amount_fen ? '增加' : '减少'} ${yuan(Math.abs(r.reform.amount_fen - r.base.amount_fen))}）；`,
        `${count(c.changed)} 户的结果变化，其中新符合 ${count(c.gained)} 户、不再符合 ${count(c.lost)} 户。`),
      h('p', { class: 'hint' }, '这是测算方案的结果，不是现行政策的结果。金额待定的单位（规模不明）不计入合计，单独列出。'),
      r.reform.reformed < r.reform.items - r.reform.errors
        ? h('p', { class: 'notice', role: 'status', id: 'whatif-reach' },
          `方案只改变按 ${w.panel.docNo} 计算的单位：${count(r.reform.reformed)} 户；另有 ${count(r.reform.items - r.reform.errors - r.reform.reformed)} 户按其他政策（文件中的地区、日期或政策列所指）计算，方案不影响它们。`)
        : null,
      comparison(r),
      h('div', { class: 'charts' },
        barChart('chart-totals', '金额合计：现行政策与测算方案', '分组', [
          { label: '金额合计', values: [r.base.amount_fen, r.reform.amount_fen] },
          { label: '大型企业', values: [r.base.by_size.large.amount_fen, r.reform.by_size.large.amount_fen] },
          { label: '中小微企业', values: [r.base.by_size.sme.amount_fen, r.reform.by_size.sme.amount_fen] }], ['现行', '方案'], true),
        barChart('chart-bands', '符合条件单位的金额分布（户数）', '金额区间', r.bands.edges.map((_, k) => ({
          label: bandLabel(r.bands.edges, k), values: [r.bands.base[k], r.bands.reform[k]] })), ['现行', '方案'], false)),
      changesTable());
  }

  // Before it is opened (and after a new screen) the page draws its own invitation.
  function step() {
    if (!w) return null;
    const p = w.panel;
    return h('section', { class: 'step whatif', 'aria-labelledby': 'whatif-h', id: 'whatif' },
      h('h2', { id: 'whatif-h', tabindex: '-1' }, '5. 测算方案'),
      p ? [
        h('p', {}, `基于 ${p.docNo}（${p.base}）。改下面的值，再点“按方案测算”。比例写成 40%，金额以元计。`),
        h('div', { class: 'fields params' }, p.params.map(paramField)),
        upliftField(),
        h('div', { class: 'field' }, h('label', { for: 'whatif-title' }, '方案名称（可不填）'),
          h('input', { id: 'whatif-title', type: 'text', value: p.title, maxlength: '200', onchange: (e) => { w.panel = M.setTitle(w.panel, e.target.value); } })),
        h('div', { class: 'actions' },
          button(w.running ? '正在测算…' : '按方案测算', run, 'primary', { id: 'run-whatif', disabled: w.running ? true : null }),
          button('保存方案（文件）', save, 'secondary', { id: 'save-reform' }),
          h('label', { class: 'secondary file-button', for: 'load-reform' }, '载入方案文件'),
          h('input', { id: 'load-reform', type: 'file', accept: '.json,application/json', class: 'sr-only',
            onchange: (e) => { if (e.target.files[0]) load(e.target.files[0]); } }),
          button('生成分享链接', share, 'secondary', { id: 'share-reform' })),
        w.link ? h('p', { class: 'hint' }, '分享链接（方案写在链接的 # 之后，不会发送到服务器；对方按同一份政策筛查后打开测算方案即可）：',
          h('input', { type: 'text', readonly: true, value: w.link, id: 'reform-link', 'aria-label': '分享链接' })) : null,
        w.running ? h('p', { role: 'status' }, '正在按方案重新计算全部单位…', h('progress', { id: 'whatif-progress', max: '1000', value: '0' })) : null,
      ] : h('p', { role: 'status' }, '正在读取政策参数…'),
      w.error ? h('div', { class: 'error', role: 'alert', id: 'whatif-error' }, h('p', {}, w.error)) : null,
      results());
  }

  return { step, reset, open };
}
