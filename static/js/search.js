// Telemetry Atlas search: a client for the index internal/search builds.
// The markup it works against and the file formats are documented in
// internal/search/doc.go. No framework, no inline style, no HTML parsing: text
// from the index is only ever set with textContent.
(() => {
  'use strict';
  const D = document;
  // The same as the constants in internal/search/query.go (a Go test checks).
  const EXACT = 1, STEMP = 0.8, COMPL = 0.6, VARP = 0.8, XSH = 4, XCOMP = 8, MINSTEM = 3, NEAR = 5, SUFFIX = 4;
  const FACETS = ['type', 'kind', 'platform', 'category'];
  const PER = 10, DROP = 8; // results per page on /search/, in the header popup
  const M = {
    en: { none: 'No results', err: 'Search is unavailable', all: 'All results', more: 'More results', res: 'Search results',
      n: (n) => n + (n == 1 ? ' result' : ' results') },
    ru: { none: 'Ничего не найдено', err: 'Поиск недоступен', all: 'Все результаты', more: 'Ещё результаты', res: 'Результаты поиска',
      n: (n) => n + ' ' + (n % 10 == 1 && n % 100 != 11 ? 'результат'
        : n % 10 > 1 && n % 10 < 5 && (n % 100 < 12 || n % 100 > 14) ? 'результата' : 'результатов') },
  };
  const WORD = /[\p{L}\p{N}\p{Mn}]+/gu;
  const own = (o, k) => (o && Object.hasOwn(o, k) ? o[k] : undefined);
  const fold = (w) => w.toLowerCase().replace(/\p{Mn}/gu, '').replace(/ё/g, 'е');
  const toks = (s) => (s.normalize('NFC').match(WORD) || []).map(fold).filter(Boolean);
  const fk = (s) => [...s].map((c) => (/[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16))).join('');
  const stride = (st) => (st[1] > 1 ? 3 : 2);
  const cnt = (st) => (st[2].length / stride(st)) | 0;
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  const cache = new Map();
  const get = (u) => {
    let p = cache.get(u);
    if (!p) {
      p = fetch(u).then((r) => {
        if (!r.ok) throw Error(u);
        return r.json();
      });
      cache.set(u, p);
      p.catch(() => cache.delete(u));
    }
    return p;
  };

  const open = (url) => get(url).then((m) => ({ ...m, base: url.replace(/[^/]*$/, ''), keys: Object.keys(m.s).sort(cmp) }));
  const shard = (m, k) => get(m.base + 't/' + fk(k) + '.' + m.s[k] + '.json');

  // How well an indexed stem fits a word the index does not have.
  const near = (s, q) => {
    let p = 0;
    while (p < s.length && p < q.length && s[p] == q[p]) p++;
    return p < q.length - SUFFIX ? 0 : (p == s.length && p >= MINSTEM) || (p == s.length - 1 && p >= NEAR) ? p : 0;
  };

  // The stems a query word stands for, and the indexed words to mark.
  async function matches(m, w, pre) {
    let main = '';
    for (let n = w.length; n > 0; n--) {
      if (own(m.s, w.slice(0, n))) {
        main = w.slice(0, n);
        break;
      }
    }
    let extra = pre ? m.keys.filter((k) => k != main && k.startsWith(w)) : [];
    if (extra.length > XSH) extra = [];
    const R = new Map(), marks = new Set();
    const add = (st, wt, bit) => {
      const k = bit >= 0 ? 1 << bit : 0, r = R.get(st[0]);
      if (!r) R.set(st[0], { st, wt, k });
      else if (wt > r.wt) (r.wt = wt), (r.k = k);
      else if (wt == r.wt) r.k |= k;
    };
    const loaded = await Promise.all((main ? [main] : []).concat(extra).map((k) => shard(m, k)));
    if (main) {
      const sh = loaded[0], e = own(sh.w, w);
      if (e) add(sh.s[e[0]], EXACT, e[1]);
      else {
        let best = 0, pick = [];
        for (const st of sh.s) {
          const p = near(st[0], w);
          if (p && p >= best) {
            if (p > best) (best = p), (pick = []);
            pick.push(st);
          }
        }
        pick.forEach((st) => add(st, STEMP, -1));
      }
    }
    if (pre) {
      const cs = [];
      for (const sh of loaded) for (const x in sh.w) if (x != w && x.startsWith(w)) cs.push([x, sh.s[sh.w[x][0]], sh.w[x][1]]);
      cs.sort((a, b) => cnt(b[1]) - cnt(a[1]) || cmp(a[0], b[0]));
      cs.slice(0, XCOMP).forEach((c) => add(c[1], COMPL, c[2]));
    }
    for (const sh of loaded) for (const x in sh.w) if (R.has(sh.s[sh.w[x][0]][0])) marks.add(x);
    return { ms: [...R.values()], marks };
  }

  // Runs a query: the matching document ids, best first, and the words to mark.
  async function run(m, q, flt) {
    const ws = toks(q), pre = ws.length > 0 && !/\s$/.test(q), tot = new Map(), cov = new Map(), marks = new Set();
    let used = 0;
    const all = await Promise.all(ws.map((w, i) => matches(m, w, pre && i == ws.length - 1)));
    for (const { ms, marks: mk } of all) {
      if (!ms.length) continue;
      used++;
      mk.forEach((x) => marks.add(x));
      const best = new Map();
      for (const { st, wt, k } of ms) {
        const s = stride(st), p = st[2];
        for (let j = 0, id = 0; j < p.length; j += s) {
          id += p[j];
          const v = wt * (p[j + 1] / m.scale) * (s == 3 && k && !(p[j + 2] & k) ? VARP : 1);
          if (v > (best.get(id) || 0)) best.set(id, v);
        }
      }
      for (const [id, v] of best) tot.set(id, (tot.get(id) || 0) + v), cov.set(id, (cov.get(id) || 0) + 1);
    }
    const sets = [];
    for (const f of FACETS) {
      const vs = (flt[f] || []).filter(Boolean);
      if (!vs.length) continue;
      const hs = await Promise.all(vs.map((v) => {
        const h = own(own(m.f, f), v);
        return h && get(m.base + 'f/' + fk(f) + '-' + fk(v) + '.' + h + '.json').then(atob);
      }));
      sets.push(hs.filter(Boolean));
    }
    const hits = [];
    for (const [id, s] of tot) {
      if (sets.every((a) => a.some((b) => (b.charCodeAt(id >> 3) >> (id & 7)) & 1))) {
        const c = cov.get(id) / used;
        hits.push([s * c * c, id]);
      }
    }
    hits.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    return { ids: hits.map((h) => h[1]), marks };
  }

  // The [url, title, where, type, body] of a document.
  const doc = (m, id) => {
    const g = (id / m.dg) | 0;
    return get(m.base + 'd/' + g + '.' + m.dh + '.json').then((a) => a[id - g * m.dg]);
  };

  const el = (tag, cls, parent, text) => {
    const e = D.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (parent) parent.append(e);
    return e;
  };

  // A run of n words of text around the most marked words, as DOM nodes.
  function snip(text, marks, n) {
    const t = [], f = D.createDocumentFragment();
    for (const x of text.matchAll(WORD)) t.push([x.index, x.index + x[0].length, marks.has(fold(x[0].normalize('NFC')))]);
    let best = 0, bi = 0;
    for (let i = 0; i < t.length; i++) {
      let c = 0;
      if (t[i][2]) for (let j = i; j < i + n && j < t.length; j++) c += t[j][2];
      if (c > best) (best = c), (bi = i);
    }
    const a = t.length <= n ? 0 : Math.max(0, Math.min(bi - 4, t.length - n)), b = Math.min(t.length, a + n);
    let pos = a ? t[a][0] : 0;
    if (a) f.append('… ');
    for (let i = a; i < b; i++) {
      f.append(text.slice(pos, t[i][0]));
      const w = text.slice(t[i][0], t[i][1]);
      t[i][2] ? el('mark', '', f, w) : f.append(w);
      pos = t[i][1];
    }
    f.append(b < t.length ? ' …' : text.slice(pos));
    return f;
  }

  function setup(form, fi) {
    const q = form.querySelector('input[name=q]');
    if (!q) return;
    const page = form.hasAttribute('data-search-page'), L = M[form.dataset.searchLang] || M.en, url = form.dataset.searchIndex;
    const set = (e, k, v) => e.setAttribute(k, v);
    let list = D.getElementById(q.getAttribute('aria-controls')) || form.querySelector('.search-results');
    if (!list) list = el('div', 'search-results', form);
    if (!list.id) list.id = 'search-results-' + fi;
    if (!list.hasAttribute('aria-label')) set(list, 'aria-label', L.res);
    set(list, 'role', 'listbox');
    let status = form.querySelector('.search-status');
    if (!status) (status = el('p', 'search-status' + (page ? '' : ' visually-hidden'), form)), set(status, 'role', 'status');
    set(status, 'aria-live', 'polite');
    for (const [k, v] of [['role', 'combobox'], ['aria-autocomplete', 'list'], ['aria-expanded', 'false'], ['aria-controls', list.id], ['autocomplete', 'off']]) set(q, k, v);
    const moreBtn = el('button', 'search-more', null, L.more);
    moreBtn.type = 'button';
    moreBtn.hidden = true;
    list.after(moreBtn);

    let idx = null, cur = null, seq = 0, ids = [], marks = new Set(), shown = 0, active = -1, timer = 0;
    const index = () => idx || (idx = open(url).catch((e) => {
      idx = null;
      throw e;
    }));
    // The header shows the results in a popup, or else the status ("No
    // results") in its place; the status is otherwise only for screen readers.
    const vh = status.classList.contains('visually-hidden');
    const show = (on) => {
      const has = list.children.length > 0, msg = on && !has && !!status.textContent;
      if (!page) {
        list.hidden = !(on && has);
        status.classList.toggle('search-none', msg);
        if (vh) status.classList.toggle('visually-hidden', !msg);
      }
      set(q, 'aria-expanded', on && has);
      if (!(on && has)) pick(-1);
    };
    const pick = (i) => {
      const o = list.children;
      if (o[active]) set(o[active], 'aria-selected', 'false');
      active = i;
      if (o[i]) {
        set(o[i], 'aria-selected', 'true');
        set(q, 'aria-activedescendant', o[i].id);
        o[i].scrollIntoView({ block: 'nearest' });
      } else q.removeAttribute('aria-activedescendant');
    };
    const option = (href, cls) => {
      const a = el('a', 'search-option' + cls, list);
      if (/^\/(?!\/)/.test(href)) a.href = href;
      a.id = list.id + '-' + list.children.length;
      a.tabIndex = -1;
      set(a, 'role', 'option');
      set(a, 'aria-selected', 'false');
      return a;
    };
    const filters = () => {
      const fd = new FormData(form), o = {};
      for (const f of FACETS) o[f] = fd.getAll(f);
      return o;
    };
    const clear = () => {
      seq++;
      ids = [];
      list.textContent = status.textContent = '';
      moreBtn.hidden = true;
      show(false);
    };

    async function more(s) {
      const part = ids.slice(shown, shown + (page ? PER : DROP)), docs = await Promise.all(part.map((id) => doc(cur, id)));
      if (s != seq) return;
      list.querySelector('.search-all')?.remove();
      for (const d of docs) {
        const a = option(d[0], '');
        el('span', 'search-title', a).append(snip(d[1], marks, 1e9));
        el('span', 'search-where', a, d[2]);
        el('span', 'search-snippet', a).append(snip(d[4], marks, 24));
      }
      shown += docs.length;
      const rest = ids.length > shown;
      moreBtn.hidden = !(page && rest);
      if (!page && rest) option(form.getAttribute('action') + '?q=' + encodeURIComponent(q.value), ' search-all').textContent = L.all;
      show(D.activeElement == q || page);
    }

    async function go() {
      const s = ++seq, text = q.value;
      if (page) {
        const p = new URLSearchParams([...new FormData(form)].filter((e) => e[1]));
        history.replaceState(null, '', p + '' ? '?' + p : location.pathname);
      }
      if (!toks(text).length) return clear();
      try {
        const m = await index(), r = await run(m, text, filters());
        if (s != seq) return;
        cur = m;
        ({ ids, marks } = r);
        shown = 0;
        list.textContent = '';
        pick(-1);
        status.textContent = ids.length ? L.n(ids.length) : L.none;
        await more(s);
      } catch (e) {
        if (s == seq) (list.textContent = ''), (status.textContent = L.err), show(D.activeElement == q);
      }
    }
    const soon = (ms) => {
      clearTimeout(timer);
      timer = setTimeout(go, ms);
    };

    q.addEventListener('input', () => soon(120));
    q.addEventListener('focus', () => {
      index().catch(() => {});
      show(true);
    });
    q.addEventListener('keydown', (e) => {
      const n = list.children.length, k = e.key;
      if ((k == 'ArrowDown' || k == 'ArrowUp') && n) {
        e.preventDefault();
        show(true);
        pick(k == 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
      } else if (k == 'Enter' && active >= 0 && list.children[active].href) {
        e.preventDefault();
        location.assign(list.children[active].href);
      } else if (k == 'Escape') {
        if (!page && !list.hidden) show(false);
        else (q.value = ''), clear();
      }
    });
    form.addEventListener('submit', (e) => {
      if (page) e.preventDefault(), soon(0);
    });
    form.addEventListener('change', (e) => e.target != q && soon(0));
    moreBtn.addEventListener('click', () => more(seq));
    // Clicking in the popup (its scrollbar too) keeps the focus in the box.
    list.addEventListener('mousedown', (e) => e.preventDefault());
    if (!page) form.addEventListener('focusout', (e) => form.contains(e.relatedTarget) || show(false));
    else {
      const p = new URLSearchParams(location.search);
      for (const e of form.elements) {
        if (!FACETS.includes(e.name)) continue;
        if (e.type == 'checkbox' || e.type == 'radio') e.checked = p.getAll(e.name).includes(e.value);
        else if (p.has(e.name)) e.value = p.get(e.name);
      }
      if (p.get('q')) (q.value = p.get('q')), go();
    }
  }

  D.querySelectorAll('form[data-search-index]').forEach(setup);
  D.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key != '/' || e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable) return;
    const q = D.querySelector('form[data-search-page] input[name=q]') || D.querySelector('form[data-search-index] input[name=q]');
    if (q) e.preventDefault(), q.focus(), q.select();
  });
})();
