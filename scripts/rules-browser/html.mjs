// The rules library's pages as HTML text: the index (search, the programs ×
// regions × years tables, every document) and one page per policy. Plain
// static HTML: no inline script or style, so the site's strict CSP holds;
// only the index loads a script (search.js). Every cite rendered carries
// id="q-<citeAnchor(cite)>" the first time it appears on its page, so a
// result's link (UieFront.citeHref) lands on it.
import { paramName, WORDS } from './words.mjs';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const zhAttr = (w) => (w.htmlLang === 'en' ? ' lang="zh-CN"' : '');

/** The whole document. `up`: the path from the page to the rules/ folder ('' or '../'). */
export function pageHtml({ w, title, body, up, alternate, script }) {
  const estimator = `${up}../index.html${w.htmlLang === 'en' ? '?lang=en' : ''}`;
  return `<!doctype html>
<html lang="${w.htmlLang}">
<head>
<meta charset="utf-8">
<!-- The site's policy: the library's own files only; nothing is sent anywhere. -->
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${up}../style.css">
<link rel="stylesheet" href="${up}rules.css">
${script ? `<script defer src="${up}${script}"></script>\n` : ''}</head>
<body>
<a class="skip-link" href="#main">${esc(w.skip)}</a>
<header class="bar no-print">
  <nav aria-label="${esc(w.library)}">
    <a href="${esc(estimator)}">${esc(w.estimator)}</a>
    <a href="index.html">${esc(w.library)}</a>
    <a href="${esc(alternate)}" lang="${w.otherLangCode}" hreflang="${w.otherLangCode}">${esc(w.otherLang)}</a>
  </nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer>
  <p>${esc(w.disclaimer)}</p>
  <p class="print-only">${esc(w.printNote)}</p>
</footer>
</body>
</html>
`;
}

/** Renders cites on one page: the first of each quote gets its anchor and goes into the search index. */
export function citeRenderer(w, citeAnchor, found) {
  const used = new Set();
  return function cite(c, { anchor = true } = {}) {
    if (!c || !c.doc_no) return '';
    const a = citeAnchor(c);
    const id = anchor && !used.has(a);
    if (id) {
      used.add(a);
      found.push({ a, d: c.doc_no, c: c.clause || '', q: c.quote || '' });
    }
    const where = [c.doc_no, c.clause].filter(Boolean).join(' ');
    return `<div class="cite"${id ? ` id="q-${a}"` : ''}>` +
      `<p class="where"${zhAttr(w)}>${esc(where)}</p>` +
      (c.quote ? `<blockquote lang="zh-CN">${esc(c.quote)}</blockquote>` : '') +
      (c.basis ? `<p class="basis">${esc(w.basis)}${w.colon}<span lang="zh-CN">${esc(c.basis)}</span></p>` : '') +
      '</div>';
  };
}

const pick = (w, zh, en) => (w.htmlLang === 'en' && en ? en : zh);
const langOf = (w, zh, en) => (w.htmlLang === 'en' && !en ? ' lang="zh-CN"' : '');

function valueText(w, type, value, table) {
  if (value === null || value === undefined) return table ? tableText(w, type, table) : '—';
  if (type === 'money') return w.htmlLang === 'en' ? `${value} yuan` : `${value} 元`;
  if (value === true) return w.yes;
  if (value === false) return w.no;
  return String(value);
}

function tableText(w, type, table) {
  if (type === 'bands') {
    return table.map((b) => w.bandsRow(b.from_months, b.months) + (b.step_months ? w.stepRow(b.step_months, b.max_months) : '')).join(w.sep);
  }
  if (type === 'retirement_schedule') return table.map((s) => w.scheduleRow(s)).join(w.sep);
  return JSON.stringify(table);
}

const spansText = (w, spans) => spans.map((s) => w.validityFrom(s.from, s.to)).join(w.sep);

/** The words of a case's fact and value ("是否属于相关企业 = 是"). */
function caseText(w, prog, when) {
  const f = prog.factNames[when.fact];
  const fact = f ? pick(w, f.label, f.label_en) : when.fact;
  const option = f && f.options.find((o) => o.value === when.equals);
  const equals = option ? pick(w, option.label, option.label_en) : when.equals === true ? w.yes : when.equals === false ? w.no : String(when.equals);
  return w.whenCase(fact, equals);
}

/** A link to the page of the document named `docNo` in a chain (the one that covers `program` when two share a number). */
export function docLinker(policies) {
  return (docNo, program) => {
    const same = policies.filter((p) => p.doc_no === docNo);
    const best = same.find((p) => !program || p.programs.some((g) => g.program === program)) || same[0];
    return best ? `<a href="${esc(best.id)}.html">${esc(docNo)}</a>` : esc(docNo);
  };
}

function paramBlock(w, prog, p, cite) {
  const values = p.values.map((v) => {
    const cases = v.when.length
      ? `<ul class="cases">${v.when.map((c) => `<li><p>${esc(caseText(w, prog, c))}${w.colon}<strong>${esc(valueText(w, p.type, c.value))}</strong>` +
          `${c.where_adopted ? `${w.lp}${esc(w.whereAdopted)}${w.rp}` : ''}</p>${cite(c.cite)}</li>`).join('')}</ul>`
      : '';
    return `<li><p>${esc(w.from(v.from))}${w.colon}<strong>${esc(valueText(w, p.type, v.value, v.table))}</strong>` +
      ` <span class="set-by">${w.lp}${esc(w.setBy)}${w.colon}<span${zhAttr(w)}>${esc(v.set_by)}</span>${w.rp}</span></p>${cite(v.cite)}${cases}</li>`;
  }).join('');
  return `<section class="param" id="v-${prog.program}-${esc(p.id)}" aria-labelledby="v-${prog.program}-${esc(p.id)}-h">` +
    `<h4 id="v-${prog.program}-${esc(p.id)}-h">${esc(paramName(p.id, w.htmlLang))} <code>${esc(p.id)}</code>` +
    `${p.cap ? ` <span class="tag">${esc(w.cap)}</span>` : ''}</h4><ol class="values">${values}</ol></section>`;
}

function conditionItem(w, prog, c, cite) {
  const label = pick(w, c.label, c.label_en);
  const params = c.params.filter((id) => prog.params.some((p) => p.id === id));
  const thresholds = params.length
    ? `<p class="thresholds">${esc(w.thresholds)}${w.colon}${params.map((id) =>
        `<a href="#v-${prog.program}-${esc(id)}">${esc(paramName(id, w.htmlLang))}</a>`).join('、')}</p>`
    : '';
  return `<li id="c-${prog.program}-${esc(c.id)}"><p class="label"${langOf(w, c.label, c.label_en)}>${esc(label)}</p>` +
    `${c.spans ? `<p class="spans">${esc(w.onlyDates(spansText(w, c.spans)))}</p>` : ''}${thresholds}${cite(c.cite)}</li>`;
}

function changesBlock(w, prog, cite, link) {
  const ch = prog.changes;
  const h = `<h3 id="x-${prog.program}">${esc(w.changed)}</h3>`;
  if (!ch) return `${h}<p>${esc(w.noPrevious)}</p>`;
  const prev = ch.previous;
  const head = `<p>${w.previous(link(prev.doc_no, prog.program), prev.valid_from, prev.valid_to)}</p>`;
  if (!ch.params.length && !ch.conditions.length) return `${h}${head}<p>${esc(w.noChange)}</p>`;
  const kinds = { added: w.added, removed: w.removed, changed: w.valueChanged, reworded: w.wordingChanged, threshold: w.thresholdChanged };
  const items = [];
  for (const c of ch.conditions) {
    const x = c.now || c.old;
    items.push(`<li><p><span class="tag">${esc(kinds[c.kind])}</span> ${esc(w.conditions)}${w.colon}<span${langOf(w, x.label, x.label_en)}>${esc(pick(w, x.label, x.label_en))}</span></p>` +
      (c.kind === 'reworded' ? `<p class="was">${esc(w.before)}${w.colon}</p>${cite(c.old.cite, { anchor: false })}<p class="was">${esc(w.after)}${w.colon}</p>` : '') +
      (c.now ? cite(c.now.cite, { anchor: false }) : cite(c.old.cite, { anchor: false })) + '</li>');
  }
  for (const p of ch.params) {
    const name = `${esc(paramName(p.id, w.htmlLang))} <code>${esc(p.id)}</code>`;
    const was = p.old ? `${esc(w.before)} <strong>${esc(valueText(w, p.old.type, p.old.value, p.old.table))}</strong>` : '';
    const now = p.now ? `${esc(w.after)} <strong>${esc(valueText(w, p.now.type, p.now.value, p.now.table))}</strong>` : '';
    items.push(`<li><p><span class="tag">${esc(kinds[p.kind])}</span> ${esc(w.params)}${w.colon}${name}${w.colon}${[was, now].filter(Boolean).join(' → ')}</p>` +
      `${cite((p.now || p.old).cite, { anchor: false })}</li>`);
  }
  return `${h}${head}<ul class="changes">${items.join('')}</ul>`;
}

function programSection(w, policy, prog, programTitle, cite, link) {
  const id = prog.program;
  const versions = prog.versions.length > 1
    ? `<h3>${esc(w.versions)}</h3><ul class="versions">${prog.versions.map((v) =>
        `<li><p>${esc(w.validityFrom(v.from, v.to))}${w.colon}${v.chain.map((d) => link(d, id)).join(' → ')}</p></li>`).join('')}</ul>`
    : '';
  const notes = prog.notes.length
    ? `<ul class="notes">${prog.notes.map((n) => `<li><p${langOf(w, n.text, n.text_en)}>${esc(pick(w, n.text, n.text_en))}</p>` +
        `${cite({ doc_no: policy.doc_no, ...n.cite })}</li>`).join('')}</ul>`
    : `<p>${esc(w.noNotes)}</p>`;
  return `<section class="program" id="p-${id}" aria-labelledby="h-${id}">
<h2 id="h-${id}">${esc(programTitle)}</h2>
<p class="validity">${esc(w.validity)}${w.colon}${esc(w.validityFrom(prog.valid_from, prog.valid_to))}</p>
${prog.validityCite ? cite({ doc_no: policy.doc_no, ...prog.validityCite }) : ''}
${versions}
<h3>${esc(w.conditions)}</h3>
${prog.conditions.length ? `<ol class="conditions">${prog.conditions.map((c) => conditionItem(w, prog, c, cite)).join('')}</ol>` : '<p>—</p>'}
<h3>${esc(w.params)}</h3>
${prog.params.map((p) => paramBlock(w, prog, p, cite)).join('\n')}
<h3>${esc(w.facts)}</h3>
<ul class="facts">${prog.facts.map((f) => `<li><p class="label"${langOf(w, f.label, f.label_en)}>${esc(pick(w, f.label, f.label_en))}</p>` +
    `${f.spans ? `<p class="spans">${esc(w.onlyDates(spansText(w, f.spans)))}</p>` : ''}${cite(f.cite)}</li>`).join('')}</ul>
<h3>${esc(w.notes)}</h3>
${notes}
<p class="inherited">${esc(w.inheritedNotes)}</p>
${changesBlock(w, prog, cite, link)}
</section>`;
}

/** A policy's page body. */
export function policyBody(w, policy, ctx) {
  const { regionName, programTitle, link, cite } = ctx;
  const ext = policy.extends ? ctx.policies.find((p) => p.id === policy.extends) : null;
  const row = (k, v, lang) => `<dt>${esc(k)}</dt><dd${lang ? ' lang="zh-CN"' : ''}>${v}</dd>`;
  const zh = w.htmlLang === 'en';
  const meta = [
    row(w.docNo, esc(policy.doc_no), zh),
    row(w.issuer, esc(policy.issuer), zh),
    row(w.regionOf, esc(regionName(policy.region))),
    row(w.issued, esc(policy.issued || w.undated)),
    row(w.status, esc(policy.draft ? w.draft : w.inForce)),
    row(w.source, esc(policy.source), true),
    ext ? row(w.extends, `<span${zhAttr(w)}>${link(ext.doc_no, policy.programs[0].program)}</span>${policy.extendsInForce ? esc(w.extendsInForce) : ''}`) : '',
    row(w.chain, `<span${zhAttr(w)}>${policy.chain.map((d) => link(d, policy.programs[0].program)).join(' → ')}</span>`),
  ].join('');
  const toc = policy.programs.map((g) => `<li><a href="#p-${g.program}">${esc(programTitle(g.program))}</a></li>`).join('');
  return `<p class="crumb no-print"><a href="index.html">${esc(w.library)}</a></p>
<h1><span${zhAttr(w)}>${esc(policy.doc_no)}</span></h1>
<p class="title"${langOf(w, policy.title, policy.title_en)}>${esc(pick(w, policy.title, policy.title_en))}</p>
${policy.draft ? `<p class="badge draft">${esc(w.draft)}</p>` : ''}
${policy.forwards ? `<p class="forwards">${esc(w.forwards)}</p>` : ''}
<dl class="meta">${meta}</dl>
<nav class="toc no-print" aria-label="${esc(w.onThisPage)}"><ul>${toc}</ul></nav>
${policy.programs.map((g) => programSection(w, policy, g, programTitle(g.program), cite, link)).join('\n')}`;
}

const short = (d) => d.slice(5);

/** One cell of the index table: the policies in force that year, their dates within it, own or national. */
function cell(w, ids, year, row, byId, program) {
  if (!ids.length) return `<td class="none">${esc(w.noPolicy)}</td>`;
  const items = ids.map((id) => {
    const p = byId.get(id);
    const v = p.programs.find((g) => g.program === program);
    const from = v.valid_from > `${year}-01-01` ? v.valid_from : `${year}-01-01`;
    const to = v.valid_to && v.valid_to < `${year}-12-31` ? v.valid_to : `${year}-12-31`;
    const kind = p.region === row.region.code && row.region.code !== '000000' ? 'own'
      : p.region === '000000' ? 'national' : 'province';
    const tag = kind === 'own' ? w.ownDoc : kind === 'national' ? w.nationalDoc : w.provinceDoc;
    return `<li class="${kind}"><a href="${esc(id)}.html"${zhAttr(w)}>${esc(p.doc_no)}</a> ` +
      `<span class="dates">${short(from)}–${short(to)}</span> <span class="tag">${esc(tag)}</span>` +
      `${p.draft ? ` <span class="tag draft">${esc(w.draft)}</span>` : ''}</li>`;
  });
  return `<td><ul>${items.join('')}</ul></td>`;
}

/** The index's body: search, the tables, every document. */
export function indexBody(w, model, ctx) {
  const byId = new Map(model.policies.map((p) => [p.id, p]));
  const name = (r) => pick(w, r.name, r.name_en);
  const tables = model.index.programs.map(({ program, rows, others, years }) => {
    const head = `<tr><th scope="col">${esc(w.region)}</th>${years.map((y) => `<th scope="col">${y}</th>`).join('')}</tr>`;
    const body = rows.map((row) => `<tr class="${row.province ? 'prefecture' : 'province'}"><th scope="row">${esc(name(row.region))}</th>` +
      `${row.cells.map((ids, i) => cell(w, ids, years[i], row, byId, program.id)).join('')}</tr>`).join('');
    const rest = others.length
      ? `<tr class="others"><th scope="row">${esc(w.othersRow)}</th><td colspan="${years.length}">` +
        `<p>${esc(w.nationalOnly)}${w.colon}${esc(others.map(name).join(w.list))}</p></td></tr>`
      : '';
    return `<h3 id="t-${program.id}">${esc(pick(w, program.title, program.title_en))}</h3>
<div class="table-wrap" role="region" aria-labelledby="t-${program.id}" tabindex="0">
<table><thead>${head}</thead><tbody>${body}${rest}</tbody></table>
</div>`;
  }).join('\n');
  const byRegion = new Map();
  for (const p of model.policies) byRegion.set(p.region, [...(byRegion.get(p.region) || []), p]);
  const regions = [...byRegion.keys()].sort();
  const list = regions.map((code) => `<h3>${esc(ctx.regionName(code))}</h3><ul class="docs">${byRegion.get(code).map((p) =>
    `<li><a href="${esc(p.id)}.html"${zhAttr(w)}>${esc(p.doc_no)}</a>${p.draft ? ` <span class="tag draft">${esc(w.draft)}</span>` : ''}` +
    `<p class="title"${langOf(w, p.title, p.title_en)}>${esc(pick(w, p.title, p.title_en))}</p>` +
    `<p class="dates">${p.programs.map((g) => `${esc(ctx.programTitle(g.program))}${w.colon}${esc(w.validityFrom(g.valid_from, g.valid_to))}`).join(w.sep)}</p></li>`).join('')}</ul>`).join('\n');
  return `<h1>${esc(w.libraryLong)}</h1>
<p>${esc(w.intro)}</p>
<section class="search no-print" aria-labelledby="search-h">
<h2 id="search-h">${esc(w.search)}</h2>
<form id="search" role="search">
  <label for="q">${esc(w.searchLabel)}</label>
  <p class="hint" id="q-hint">${esc(w.searchHint)}</p>
  <div class="search-row"><input type="search" id="q" name="q" aria-describedby="q-hint" autocomplete="off"><button type="submit">${esc(w.search)}</button></div>
</form>
<noscript><p>${esc(w.searchNoScript)}</p></noscript>
<p id="search-status" role="status" data-none="${esc(w.searchNone)}" data-count="${esc(w.searchCount('{n}'))}"></p>
<ol id="search-results"></ol>
</section>
<section aria-labelledby="by-program-h">
<h2 id="by-program-h">${esc(w.byProgram)}</h2>
<p>${esc(w.tableNote)}</p>
${tables}
</section>
<section aria-labelledby="all-h">
<h2 id="all-h">${esc(w.allPolicies)}</h2>
${list}
</section>`;
}

export { WORDS };
