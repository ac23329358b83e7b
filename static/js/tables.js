// Telemetry Atlas tables: sorting and filtering the matrix of vendors, and
// narrowing /compare/ to the products named in the URL. The pages are
// complete without it: every row and column is in the HTML. No framework, no
// inline style (the CSP forbids it): rows and cells are hidden with the
// hidden attribute, and every text comes from data-* attributes of the page,
// so it is in the page's language. The state lives in the URL query, so a
// view can be shared and survives a reload.
(() => {
  'use strict';
  const D = document;
  const fmt = (s, ...args) => {
    let i = 0;
    return String(s || '').replace(/%[ds]/g, () => String(args[i++] ?? ''));
  };
  const params = () => new URLSearchParams(location.search);
  const setParams = (p) => {
    const q = p.toString();
    history.replaceState(null, '', location.pathname + (q ? '?' + q : '') + location.hash);
  };
  const textOf = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');

  // ---- The matrix on /vendors/ ----
  const matrix = (table) => {
    const form = D.querySelector('[data-matrix-filters]');
    const status = D.querySelector('[data-matrix-status]');
    const link = D.querySelector('[data-compare-link]');
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const heads = Array.from(table.tHead.rows[0].cells);
    const max = parseInt(table.dataset.compareMax, 10) || 4;
    const FILTERS = ['kind', 'platform', 'verdict', 'off'];
    let sortKey = '', sortDir = '';

    const nameOf = (row) => row.cells[0].dataset.sort || '';
    const valueOf = (row, idx, text) => {
      const v = row.cells[idx] ? row.cells[idx].dataset.sort || '' : '';
      return text ? v : parseFloat(v) || 0;
    };

    const sort = (key, dir, push) => {
      const idx = heads.findIndex((h) => h.dataset.sortKey === key);
      if (idx < 0) return;
      const h = heads[idx];
      const text = h.dataset.sortType === 'text';
      const sign = dir === 'descending' ? -1 : 1;
      const sorted = rows.slice().sort((a, b) => {
        const x = valueOf(a, idx, text), y = valueOf(b, idx, text);
        const c = text ? x.localeCompare(y) : x - y;
        return c * sign || nameOf(a).localeCompare(nameOf(b));
      });
      for (const r of sorted) body.appendChild(r);
      for (const o of heads) {
        if (o === h) o.setAttribute('aria-sort', dir);
        else o.removeAttribute('aria-sort');
        const b = o.querySelector('button.sort .arrow');
        if (b) b.textContent = o === h ? (dir === 'ascending' ? '↑' : '↓') : '↕';
      }
      sortKey = key;
      sortDir = dir;
      if (push) {
        const p = params();
        p.set('sort', key);
        p.set('dir', dir === 'ascending' ? 'asc' : 'desc');
        setParams(p);
      }
    };

    for (const h of heads) {
      const key = h.dataset.sortKey;
      if (!key) continue;
      const b = D.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      const label = D.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = fmt(table.dataset.sortText, textOf(h));
      const arrow = D.createElement('span');
      arrow.className = 'arrow';
      arrow.setAttribute('aria-hidden', 'true');
      arrow.textContent = '↕';
      b.append(label, arrow);
      b.addEventListener('click', () => {
        const text = h.dataset.sortType === 'text';
        let dir = text ? 'ascending' : 'descending';
        if (sortKey === key) dir = sortDir === 'ascending' ? 'descending' : 'ascending';
        sort(key, dir, true);
      });
      h.appendChild(b);
    }

    // Filters.
    const selects = {};
    if (form) {
      for (const name of FILTERS) selects[name] = form.elements.namedItem(name);
      form.hidden = false;
    }
    const apply = (push) => {
      const want = {};
      for (const name of FILTERS) want[name] = selects[name] ? selects[name].value : '';
      let shown = 0;
      for (const r of rows) {
        const d = r.dataset;
        const ok = (!want.kind || d.kind === want.kind) &&
          (!want.platform || (d.platforms || '').split(' ').includes(want.platform)) &&
          (!want.verdict || d.verdict === want.verdict) &&
          (!want.off || d.off === want.off);
        r.hidden = !ok;
        if (ok) shown++;
      }
      if (status) status.textContent = fmt(status.dataset.countText, shown, rows.length);
      if (push) {
        const p = params();
        for (const name of FILTERS) {
          if (want[name]) p.set(name, want[name]);
          else p.delete(name);
        }
        setParams(p);
      }
    };
    if (form) {
      form.addEventListener('change', (e) => {
        if (e.target instanceof HTMLSelectElement) apply(true);
      });
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        apply(true);
      });
      form.addEventListener('reset', () => setTimeout(() => apply(true), 0));
    }

    // Picking rows to compare.
    const picked = () => rows.filter((r) => r.querySelector('input.pick:checked')).map((r) => r.dataset.id);
    const updatePick = () => {
      const ids = picked();
      for (const box of table.querySelectorAll('input.pick')) box.disabled = !box.checked && ids.length >= max;
      if (!link) return;
      link.hidden = ids.length < 2;
      const u = new URL(link.getAttribute('href'), location.href);
      u.search = '';
      for (const id of ids) u.searchParams.append('v', id);
      link.href = u.pathname + u.search;
      link.textContent = link.dataset.compareText + ' (' + ids.length + ')';
    };
    for (const r of rows) {
      const th = r.cells[0];
      const box = D.createElement('input');
      box.type = 'checkbox';
      box.className = 'pick';
      box.setAttribute('aria-label', fmt(table.dataset.pickText, textOf(th.querySelector('a'))));
      box.addEventListener('change', updatePick);
      th.prepend(box);
    }

    // The state in the URL.
    const p = params();
    for (const name of FILTERS) {
      const s = selects[name], v = p.get(name);
      if (s && v && Array.from(s.options).some((o) => o.value === v)) s.value = v;
    }
    apply(false);
    const key = p.get('sort');
    if (key) sort(key, p.get('dir') === 'desc' ? 'descending' : 'ascending', false);
    updatePick();
  };

  // ---- /compare/ ----
  // The form names the records (?v=a&v=b); the columns of a few records
  // share a small HTML file the build renders (data-columns, with {group}
  // replaced by the checkbox's data-group). It is parsed with DOMParser,
  // which runs nothing, and the chosen record's cells (data-v) are moved
  // into the table.
  const compare = (table, form) => {
    const status = D.querySelector('[data-compare-status]');
    const result = D.querySelector('[data-compare-result]');
    const st = status ? status.dataset : {};
    const max = parseInt(form.dataset.compareMax, 10) || 4;
    const base = form.dataset.columns || '';
    const boxes = Array.from(form.querySelectorAll('input[type=checkbox][name=v]'));
    const names = {};
    const groups = {};
    for (const b of boxes) {
      names[b.value] = textOf(b.parentElement);
      groups[b.value] = b.dataset.group || '';
    }
    const headRow = table.tHead.rows[0];
    const rowsByKey = {};
    for (const r of table.tBodies[0].rows) rowsByKey[r.dataset.row] = r;
    const cache = new Map(); // group → parsed column file
    const file = (group) => {
      let p = cache.get(group);
      if (!p) {
        p = fetch(base.replace('{group}', encodeURIComponent(group)))
          .then((r) => {
            if (!r.ok) throw Error(group);
            return r.text();
          })
          .then((html) => new DOMParser().parseFromString(html, 'text/html'));
        cache.set(group, p);
        p.catch(() => cache.delete(group));
      }
      return p;
    };
    // column is the record's cells: its heading and its cell of each row.
    const column = (id) =>
      file(groups[id]).then(
        (doc) => {
          const mine = '[data-v="' + CSS.escape(id) + '"]';
          const head = doc.querySelector('thead th' + mine);
          if (!head) throw Error(id);
          const cells = [];
          for (const tr of doc.querySelectorAll('tbody tr[data-row]')) {
            const td = tr.querySelector('td' + mine);
            if (td) cells.push([tr.dataset.row, td]);
          }
          return { head, cells };
        },
        () => {
          throw Error(id);
        },
      );
    let order = []; // ids in the order they were picked
    let seq = 0;

    const say = (s) => {
      if (status) status.textContent = s;
    };
    const render = async (push, note) => {
      const mine = ++seq;
      for (const b of boxes) {
        b.checked = order.includes(b.value);
        b.disabled = !b.checked && order.length >= max;
      }
      if (push) {
        const p = params();
        p.delete('v');
        for (const id of order) p.append('v', id);
        setParams(p);
      }
      let columns;
      try {
        columns = await Promise.all(order.map(column));
      } catch (e) {
        if (mine === seq) say(fmt(st.textError, names[e.message] || e.message));
        return;
      }
      if (mine !== seq) return; // a newer choice is on its way
      for (const el of table.querySelectorAll('[data-v]')) el.remove();
      for (const c of columns) {
        headRow.appendChild(D.importNode(c.head, true));
        for (const [key, td] of c.cells) {
          const row = rowsByKey[key];
          if (row) row.appendChild(D.importNode(td, true));
        }
      }
      if (result) result.hidden = order.length === 0;
      if (note) say(note);
      else if (order.length === 0) say(st.textAll);
      else if (order.length < 2) say(fmt(st.textFew, max));
      else say(fmt(st.textShown, order.map((id) => names[id]).join(', ')));
    };
    form.addEventListener('change', (e) => {
      const b = e.target;
      if (!(b instanceof HTMLInputElement) || b.name !== 'v') return;
      order = order.filter((id) => id !== b.value);
      if (b.checked && order.length < max) order.push(b.value);
      render(true);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      render(true).then(() => {
        if (order.length) table.scrollIntoView({ block: 'start' });
      });
    });

    form.hidden = false;
    const known = new Set(boxes.map((b) => b.value));
    const wanted = [...new Set(params().getAll('v'))].filter((id) => known.has(id));
    order = wanted.slice(0, max);
    render(false, wanted.length > max ? fmt(st.textMany, max) : '');
  };

  const start = () => {
    const m = D.querySelector('table[data-matrix]');
    if (m) matrix(m);
    const c = D.querySelector('table[data-compare]');
    const f = D.querySelector('form[data-compare-form]');
    if (c && f) compare(c, f);
  };
  if (D.readyState === 'loading') D.addEventListener('DOMContentLoaded', start);
  else start();
})();
