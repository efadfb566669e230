// A tiny DOM builder: h('button.primary', { onclick }, 'Fold').

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

export function h(tag: string, props: Props | null = null, ...children: (Child | Child[])[]): HTMLElement {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'class') el.className = `${el.className} ${String(value)}`.trim();
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key in el && typeof value !== 'string') (el as unknown as Record<string, unknown>)[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces an element's children. */
export function mount(parent: HTMLElement, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/**
 * `work` safe from double taps: while a run is under way another call does nothing and answers undefined (also from a
 * button drawn again meanwhile), and the button tapped is disabled until the run ends. Call it with the click's event
 * (or null); it answers what `work` did.
 */
export function single<A extends unknown[], R>(work: (...args: A) => Promise<R>): (event: Event | null, ...args: A) => Promise<R | undefined> {
  let running = false;
  return async (event, ...args) => {
    if (running) return undefined;
    running = true;
    // Read now: currentTarget is null once the event has been dispatched.
    const button = (event?.currentTarget ?? null) as { disabled?: boolean } | null;
    if (button) button.disabled = true;
    try {
      return await work(...args);
    } finally {
      running = false;
      if (button) button.disabled = false;
    }
  };
}

let toastTimer: number | undefined;

/** A short message at the bottom of the screen. */
export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const el = document.getElementById('toast');
  if (!el) return;
  el.textContent = message;
  el.className = `show ${kind}`;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (el.className = ''), 3500);
}

/** Saves `csv` as a file (with a byte-order mark, so that spreadsheets read the Persian names as UTF-8). */
export function download(name: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: name, style: { display: 'none' } });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
