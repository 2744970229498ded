// The rules library's search (法规库 index pages only): by document number
// ("〔2025〕13号", "28号", "[2025]13") and by words of a quote, over
// search-index.json, written with the pages by scripts/rules-browser.mjs.
// Loaded by rules/index.html and rules/en/index.html, never by the estimator.
(function () {
  'use strict';

  const form = document.getElementById('search');
  const input = document.getElementById('q');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!form || !input || !status || !list) return;
  const script = document.currentScript || document.querySelector('script[src$="search.js"]');
  const indexUrl = new URL('search-index.json', script.src);
  const LIMIT = 50;
  let index = null;

  // Brackets and spaces are typed every which way (〔〕, [], （）, none): they
  // are dropped, and full-width digits and letters read as ASCII.
  const BRACKETS = /[\s〔〕［］[\]（）()【】{}「」『』“”"'、，,·]/g;
  function normal(text) {
    return String(text || '')
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(BRACKETS, '')
      .toLowerCase();
  }
  const termsOf = (query) => String(query).split(/[\s,，、]+/).map(normal).filter(Boolean);

  function load() {
    if (!index) {
      index = fetch(indexUrl.href).then((r) => {
        if (!r.ok) throw new Error(`search-index.json: ${r.status}`);
        return r.json();
      }).then((data) => {
        const byId = {};
        for (const p of data.policies) byId[p.id] = p;
        for (const p of data.policies) p.key = normal(`${p.doc_no} ${p.title} ${p.title_en || ''} ${p.id}`);
        for (const q of data.quotes) q.key = normal(`${q.d} ${q.c} ${q.q}`);
        return { policies: data.policies, quotes: data.quotes, byId };
      });
    }
    return index;
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const k of Object.keys(attrs || {})) node.setAttribute(k, attrs[k]);
    for (const c of [].concat(children || [])) if (c) node.append(c);
    return node;
  }

  // The first term marked in a quote, to show why it matched.
  function marked(text, terms) {
    for (const t of terms) {
      const at = text.indexOf(t);
      if (at >= 0) return [text.slice(0, at), el('mark', {}, text.slice(at, at + t.length)), text.slice(at + t.length)];
    }
    return [text];
  }

  function show(found, terms, query) {
    list.replaceChildren();
    const total = found.docs.length + found.quotes.length;
    status.textContent = total ? status.dataset.count.replace('{n}', String(total)) : status.dataset.none;
    for (const p of found.docs) {
      list.append(el('li', { class: 'doc' }, [
        el('a', { href: `${p.id}.html`, lang: 'zh-CN' }, p.doc_no), ' ',
        el('span', { class: 'title', lang: 'zh-CN' }, p.title),
      ]));
    }
    for (const q of found.quotes) {
      list.append(el('li', { class: 'quote' }, [
        el('a', { href: `${q.p}.html#q-${q.a}`, lang: 'zh-CN' }, `${q.d} ${q.c}`),
        el('blockquote', { lang: 'zh-CN' }, marked(q.q, terms.concat([query.trim()]).filter((t) => q.q.indexOf(t) >= 0))),
      ]));
    }
  }

  // An inherited quote stands on the page of every policy that inherits it:
  // shown once, on the page of the document it quotes when there is one.
  function oncePerQuote(data, quotes) {
    const best = {};
    const order = [];
    for (const q of quotes) {
      const own = data.byId[q.p] && data.byId[q.p].doc_no === q.d;
      if (!best[q.a]) order.push(q.a);
      if (!best[q.a] || (own && data.byId[best[q.a].p].doc_no !== q.d)) best[q.a] = q;
    }
    return order.map((a) => best[a]);
  }

  async function run() {
    const query = input.value;
    const terms = termsOf(query);
    if (!terms.length) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const data = await load();
    const every = (key) => terms.every((t) => key.indexOf(t) >= 0);
    const docs = data.policies.filter((p) => every(p.key)).slice(0, LIMIT);
    const quotes = oncePerQuote(data, data.quotes.filter((q) => every(q.key))).slice(0, LIMIT);
    // The words as typed (not normalised) are marked in the quotes shown.
    const raw = query.split(/[\s,，、]+/).filter(Boolean);
    show({ docs, quotes }, raw, query);
    list.dataset.query = query;   // what the list answers (a test waits for it)
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run().catch((err) => { status.textContent = String(err.message || err); });
  });
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run().catch((err) => { status.textContent = String(err.message || err); }), 200);
  });
  // ?q= opens the page with a search done (a link may point at one).
  const preset = new URLSearchParams(location.search).get('q');
  if (preset) {
    input.value = preset;
    run().catch((err) => { status.textContent = String(err.message || err); });
  }
})();
