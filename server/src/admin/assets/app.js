// The team admin page (served by server/src/admin/page.ts, which puts STRINGS in front of this file).
// Plain DOM: every text from the server is set with textContent; no inline handlers (strict CSP).
/* global STRINGS */
'use strict';
(() => {
  const TOKEN = 'lensAdminToken';
  const LANG = 'lensAdminLang';
  const $ = (sel) => document.querySelector(sel);
  const wanted = sessionStorage.getItem(LANG) || (navigator.language || 'en');
  let lang = wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const data = { me: null, people: [], tokens: [], keys: [], channels: [], matrix: null, audit: [], next: null };

  const t = (key, params = {}) => (STRINGS[lang][key] ?? STRINGS.en[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
  const role = (r) => t(`role.${r}`);
  const when = (iso) => (iso ? new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }) : t('never'));
  const el = (tag, text, attrs = {}) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const td = (c) => {
    const e = el('td');
    if (c instanceof Node) e.append(c);
    else e.textContent = String(c ?? '');
    return e;
  };
  const row = (cells) => {
    const tr = el('tr');
    tr.append(...cells.map(td));
    return tr;
  };
  const fill = (section, rows) => {
    const empty = row([]);
    empty.append(el('td', t('none'), { colspan: String($(`#${section} thead tr`).children.length || 1), class: 'muted' }));
    $(`#${section} tbody`).replaceChildren(...(rows.length ? rows : [empty]));
  };

  function status(text, error = false) {
    Object.assign($('#status'), { textContent: text }).classList.toggle('error', error);
  }

  async function api(method, path, body) {
    let res;
    try {
      res = await fetch(path, {
        method,
        cache: 'no-store',
        headers: { Authorization: `Bearer ${sessionStorage.getItem(TOKEN) ?? ''}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw Object.assign(new Error('offline'), { status: 0 });
    }
    const json = await res.json().catch(() => null);
    if (!res.ok) throw Object.assign(new Error(json?.error?.message ?? String(res.status)), { status: res.status });
    return json;
  }

  function report(err) {
    if (err.status === 401) {
      signOut();
      status(t('badToken'), true);
    } else status(err.status ? t('failed', { message: err.message }) : t('offline'), true);
  }

  // ------------------------------------------------------------ rendering

  function renderPeople() {
    fill('people', data.people.map((p) => {
      const select = el('select', null, { 'aria-label': `${t('role')}: ${p.name}`, 'data-user': p.id });
      for (const r of ['sales', 'csm', 'manager']) select.append(el('option', role(r), { value: r }));
      select.value = p.role;
      select.addEventListener('change', () => changeRole(p, select.value));
      return row([p.email && p.email !== p.name ? `${p.name} <${p.email}>` : p.name, select, p.activeTokens, sessionsCell(p), when(p.createdAt)]);
    }));
    const roles = $('#new-token select[name=role]');
    const kept = roles.value || 'csm';
    roles.replaceChildren(...['sales', 'csm', 'manager'].map((r) => el('option', role(r), { value: r })));
    roles.value = kept;
  }

  // Single sign-on: how many browsers are signed in, and a way to end them all.
  function sessionsCell(person) {
    if (!person.sessions) return '0';
    const cell = el('span', `${person.sessions} `);
    const b = el('button', t('signOutEverywhere'), { type: 'button', 'aria-label': `${t('signOutEverywhere')}: ${person.name}` });
    b.addEventListener('click', async () => {
      if (!window.confirm(t('confirmSignOut', { user: person.name }))) return;
      try {
        const done = await api('POST', `/v1/admin/people/${encodeURIComponent(person.id)}/sign-out`);
        status(t('signedOut', { user: person.name, n: done.ended }));
        await load();
      } catch (err) {
        report(err);
      }
    });
    cell.append(b);
    return cell;
  }

  function stateOf(item) {
    if (item.revokedAt) return t('revoked', { at: when(item.revokedAt) });
    if (item.expiresAt && new Date(item.expiresAt).getTime() <= Date.now()) return t('expired');
    return t('active');
  }

  function revokeButton(item, path, done) {
    if (item.revokedAt) return '';
    const b = el('button', t('revoke'), { type: 'button', 'aria-label': `${t('revoke')} ${item.id}` });
    b.addEventListener('click', async () => {
      if (!window.confirm(t('confirmRevoke', { id: item.id }))) return;
      try {
        await api('POST', `${path}/${encodeURIComponent(item.id)}/revoke`);
        status(t(done, { id: item.id }));
        await load();
      } catch (err) {
        report(err);
      }
    });
    return b;
  }

  function renderTokens() {
    fill('tokens', data.tokens.map((k) => row([el('code', k.id), k.user, when(k.createdAt), k.expiresAt ? when(k.expiresAt) : '—', when(k.lastUsedAt), stateOf(k), revokeButton(k, '/v1/admin/tokens', 'tokenRevoked')])));
  }

  function renderKeys() {
    fill('keys', data.keys.map((k) => row([el('code', k.id), k.name, when(k.createdAt), when(k.lastUsedAt), stateOf(k), revokeButton(k, '/v1/admin/ingest-keys', 'keyRevoked')])));
  }

  function removeButton(channel) {
    const b = el('button', t('remove'), { type: 'button', 'aria-label': `${t('remove')} ${channel.name}` });
    b.addEventListener('click', async () => {
      if (!window.confirm(t('confirmRemoveChannel', { name: channel.name }))) return;
      try {
        await api('DELETE', `/v1/admin/channels/${encodeURIComponent(channel.name)}`);
        status(t('channelRemoved', { name: channel.name }));
        await load();
      } catch (err) {
        report(err);
      }
    });
    return b;
  }

  // Fills the form's name and kind for a replacement: the secrets, left blank, stay as stored.
  function replaceButton(channel) {
    const b = el('button', t('replace'), { type: 'button', 'aria-label': `${t('replace')} ${channel.name}` });
    b.addEventListener('click', () => {
      const form = $('#new-channel');
      form.reset();
      Object.assign(form.elements.name, { value: channel.name });
      Object.assign(form.elements.kind, { value: channel.kind });
      showChannelKind();
      form.querySelector('fieldset:not([disabled]) input').focus();
    });
    return b;
  }

  function renderChannels() {
    fill('channels', data.channels.map((c) => {
      const actions = el('span');
      actions.append(replaceButton(c), ' ', removeButton(c));
      return row([c.name, t(`kind.${c.kind}`), c.summary, when(c.updatedAt), actions]);
    }));
  }

  // The channel form shows the fields of the chosen kind only; the others are disabled, so never sent or checked.
  function showChannelKind() {
    const kind = $('#new-channel select[name=kind]').value;
    for (const part of document.querySelectorAll('#new-channel [data-kinds]')) {
      const on = part.dataset.kinds.split(' ').includes(kind);
      part.hidden = !on;
      if (part instanceof HTMLFieldSetElement) part.disabled = !on;
    }
  }

  // A secret left blank is left out, so the server keeps the one it has for a channel of that kind.
  function channelBody(x) {
    const kind = x.kind.value;
    const given = (input) => (input.value.trim() ? { [input.name]: input.value.trim() } : {});
    if (kind === 'email') {
      const login = x.user.value.trim() ? { user: x.user.value.trim(), ...given(x.password) } : { user: null, password: null };
      return { kind, host: x.host.value.trim(), port: Number(x.port.value), secure: x.secure.checked, from: x.from.value.trim(), ...login };
    }
    const signing = kind === 'wecom' ? {} : x.unsigned.checked ? { secret: null } : given(x.secret);
    return { kind, ...given(x.url), ...signing };
  }

  async function saveChannel(e) {
    e.preventDefault();
    const f = e.currentTarget;
    const name = f.elements.name.value.trim();
    try {
      const saved = await api('PUT', `/v1/admin/channels/${encodeURIComponent(name)}`, channelBody(f.elements));
      f.reset();
      showChannelKind();
      await load();
      status(t('channelSaved', { name: saved.name }));
    } catch (err) {
      report(err);
    }
  }

  function renderMatrix() {
    const m = data.matrix;
    if (!m) return;
    $('#authorisation thead tr').replaceChildren(el('th', t('recordKind')), ...m.actions.map((a) => el('th', t(`action.${a}`))));
    fill('authorisation', m.kinds.map((k) => row([el('code', k.kind), ...m.actions.map((a) => (k.actions[a].length ? k.actions[a].map(role).join(', ') : t('nobody')))])));
  }

  function renderAudit() {
    fill('audit', data.audit.map((a) => row([when(a.at), a.by, role(a.role), `${a.kind} ${a.id}`, a.accountId ?? '', a.actions.map((x) => t(`action.${x}`)).join(', ')])));
    $('#audit-more').hidden = !data.next;
  }

  function render() {
    document.documentElement.lang = lang;
    document.title = t('title');
    for (const e of document.querySelectorAll('[data-t]')) e.textContent = t(e.dataset.t);
    $('#lang').value = lang;
    if (data.me) $('#who').textContent = t('signedInAs', { user: data.me.user, role: role(data.me.role), team: data.me.team });
    renderPeople();
    renderTokens();
    renderKeys();
    renderChannels();
    renderMatrix();
    renderAudit();
  }

  // ------------------------------------------------------------ actions

  async function load() {
    const [people, tokens, keys, channels, matrix, audit] = await Promise.all([
      api('GET', '/v1/admin/people'), api('GET', '/v1/admin/tokens'), api('GET', '/v1/admin/ingest-keys'),
      api('GET', '/v1/admin/channels'), api('GET', '/v1/admin/authorisation'), api('GET', '/v1/admin/audit?limit=50'),
    ]);
    Object.assign(data, { people: people.items, tokens: tokens.items, keys: keys.items, channels: channels.items, matrix, audit: audit.items, next: audit.next });
    render();
  }

  async function changeRole(person, next) {
    try {
      await api('PUT', `/v1/admin/people/${encodeURIComponent(person.id)}/role`, { role: next });
      status(t('roleSaved', { user: person.name, role: role(next) }));
      await load();
    } catch (err) {
      report(err);
      renderPeople();
    }
  }

  async function signIn(token) {
    sessionStorage.setItem(TOKEN, token);
    status(t('loading'));
    try {
      const me = await api('GET', '/v1/me');
      if (me.role !== 'manager') {
        sessionStorage.removeItem(TOKEN);
        status(t('notManager', { role: role(me.role) }), true);
        return;
      }
      data.me = me;
      await load();
      $('#signin').hidden = true;
      $('#session').hidden = false;
      $('#admin').hidden = false;
      status('');
      render();
    } catch (err) {
      report(err);
    }
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN);
    data.me = null;
    $('#signin').hidden = false;
    $('#session').hidden = true;
    $('#admin').hidden = true;
    $('#token').value = '';
    for (const box of document.querySelectorAll('.secret')) box.hidden = true;
    $('#new-channel').reset();
    showChannelKind();
    status('');
  }

  function showSecret(form, text) {
    const box = form.querySelector('.secret');
    box.querySelector('code').textContent = text;
    box.hidden = false;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('#lang').addEventListener('change', () => {
      lang = $('#lang').value === 'zh-CN' ? 'zh-CN' : 'en';
      sessionStorage.setItem(LANG, lang);
      render();
    });
    $('#signin').addEventListener('submit', (e) => {
      e.preventDefault();
      void signIn($('#token').value.trim());
    });
    $('#signout').addEventListener('click', signOut);
    const creates = (sel, path, bodyOf, secretOf) => $(sel).addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = e.currentTarget;
      try {
        const made = await api('POST', path, bodyOf(f.elements));
        await load();
        showSecret(f, secretOf(made));
        status('');
      } catch (err) {
        report(err);
      }
    });
    const days = (v) => (v ? { days: Number(v) } : {});
    creates('#new-token', '/v1/admin/tokens', (x) => ({ user: x.user.value, role: x.role.value, ...days(x.days.value) }), (made) => made.token);
    creates('#new-key', '/v1/admin/ingest-keys', (x) => ({ name: x.name.value }), (made) => made.key);
    $('#new-channel select[name=kind]').addEventListener('change', showChannelKind);
    $('#new-channel').addEventListener('submit', saveChannel);
    $('#audit-more').addEventListener('click', async () => {
      try {
        const page = await api('GET', `/v1/admin/audit?limit=50&cursor=${encodeURIComponent(data.next)}`);
        data.audit.push(...page.items);
        data.next = page.next;
        renderAudit();
      } catch (err) {
        report(err);
      }
    });
    render();
    showChannelKind();
    const saved = sessionStorage.getItem(TOKEN);
    if (saved) void signIn(saved);
  });
})();
