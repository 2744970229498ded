// The few DOM helpers the page's screens are drawn with.

/** h('p', { class: 'x', onclick }, child, …): an element with attributes, listeners and children. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function button(text, onclick, cls = 'secondary', attrs = {}) {
  return h('button', { type: 'button', class: cls, onclick, ...attrs }, text);
}

const scripts = new Map();
/** A classic script (a shared-layer file) added once; resolves when it has run. A failed load may be tried again. */
export function loadScript(src) {
  if (!scripts.has(src)) {
    scripts.set(src, new Promise((resolve, reject) => {
      const el = h('script', { src });
      el.addEventListener('load', resolve);
      el.addEventListener('error', () => { scripts.delete(src); el.remove(); reject(new Error(`${src} did not load`)); });
      document.head.append(el);
    }));
  }
  return scripts.get(src);
}
