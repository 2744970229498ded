// Kiosk mode: after `seconds` without input everything is wiped; `warn`
// seconds before that a dialog asks "还在使用吗？" with a countdown, and any
// touch or key keeps the session. The first touch also asks for full screen.
import { button, h } from './dom.mjs';

/** Seconds of warning before a wipe: 20, or half the idle time when that is shorter (tests). */
export function warnSeconds(seconds) {
  return Math.min(20, Math.floor(seconds / 2));
}

/**
 * Starts the idle clock. strings(): { idleTitle, idleText(n), idleStay } in the
 * current language; onWipe(): clears everything. Returns { poke }.
 */
export function startKiosk({ seconds, strings, onWipe }) {
  const warn = warnSeconds(seconds);
  let warnTimer = null;
  let wipeTimer = null;
  let tick = null;
  let dialog = null;
  let returnFocus = null;

  const close = () => {
    clearInterval(tick);
    if (dialog && dialog.open) dialog.close();
    if (returnFocus && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };

  const prompt = () => {
    const t = strings();
    let left = warn;
    const count = h('p', { id: 'idle-text' }, t.idleText(left));
    returnFocus = document.activeElement;
    dialog = dialog || document.body.appendChild(h('dialog', { id: 'idle-dialog', 'aria-labelledby': 'idle-title',
                                                               'aria-describedby': 'idle-text' }));
    dialog.replaceChildren(h('h2', { id: 'idle-title' }, t.idleTitle), count,
                           button(t.idleStay, () => poke(), 'primary', { id: 'idle-stay' }));
    dialog.showModal();
    tick = setInterval(() => {
      left = Math.max(0, left - 1);
      count.textContent = strings().idleText(left);
    }, 1000);
  };

  const wipe = () => {
    close();
    onWipe();
  };

  function poke() {
    clearTimeout(warnTimer);
    clearTimeout(wipeTimer);
    close();
    if (warn > 0) warnTimer = setTimeout(prompt, (seconds - warn) * 1000);
    wipeTimer = setTimeout(wipe, seconds * 1000);
  }

  for (const ev of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart']) {
    document.addEventListener(ev, poke, { capture: true, passive: true });
  }
  document.addEventListener('pointerdown', () => {
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      document.documentElement.requestFullscreen().catch(() => {});
    }
  }, { once: true });
  document.addEventListener('contextmenu', (e) => e.preventDefault());
  poke();
  return { poke };
}
