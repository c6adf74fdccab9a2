/**
 * The overview's inline script (plain ES2017, no build step). With it the page does not refresh
 * (its meta refresh sits in `<noscript>`): it follows `/events` with an `EventSource` and applies
 * each batch of deltas (`{ i, s, st, l, u, e }`) to the row `data-i=i` (state, latency, uptime),
 * the summary, the group's counts, the title and the "Down now" list. It shows the search box, which
 * filters rows by name, group and state. It writes text only (`textContent`), never HTML, so a
 * monitor's name or error cannot become markup. It reloads when the monitor list changed (an
 * `event: reload`), and falls back to reloading every `data-refresh` seconds without EventSource.
 */
export const OVERVIEW_SCRIPT = `
(function () {
  'use strict';
  var body = document.body;
  var refreshMs = (Number(body.getAttribute('data-refresh')) || 30) * 1000;
  var live = document.getElementById('live');
  var LABEL = { up: 'Up', down: 'Down', pending: 'Pending', maintenance: 'Maintenance' };
  var rows = [];
  var names = [];
  var groupOf = [];
  var groups = [];
  var counts = { up: 0, down: 0, pending: 0, maintenance: 0 };
  Array.prototype.forEach.call(document.querySelectorAll('details.group'), function (details) {
    var group = { el: details, name: (details.getAttribute('data-g') || '').toLowerCase(), counts: { up: 0, down: 0, pending: 0, maintenance: 0 }, wasOpen: details.open };
    groups.push(group);
    Array.prototype.forEach.call(details.querySelectorAll('tr[data-i]'), function (row) {
      var i = Number(row.getAttribute('data-i'));
      rows[i] = row;
      names[i] = row.cells[0].textContent.toLowerCase();
      groupOf[i] = group;
      var s = row.getAttribute('data-s');
      group.counts[s] += 1;
      counts[s] += 1;
    });
  });
  var downList = document.getElementById('down');
  var downCards = [];
  Array.prototype.forEach.call(downList.querySelectorAll('li[data-i]'), function (card) { downCards[Number(card.getAttribute('data-i'))] = card; });

  function text(tag, className, value) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (value !== undefined) el.textContent = value;
    return el;
  }
  function percent(u) {
    if (u === undefined) return '\\u2014';
    var h = Math.floor(u * 10000 + 1e-9);
    return h >= 9900 ? h / 100 + '%' : Math.floor(h / 10) / 10 + '%';
  }
  function latency(l) {
    if (l === undefined) return '\\u2014';
    return l < 10000 ? Math.round(l) + ' ms' : (l / 1000).toFixed(1) + ' s';
  }
  function headline() {
    var total = counts.up + counts.down + counts.pending + counts.maintenance;
    var monitors = total === 1 ? '1 monitor' : total + ' monitors';
    if (total === 0) return 'No monitors configured';
    if (counts.down > 0) return counts.down + ' of ' + monitors + ' down';
    if (counts.pending > 0) return counts.up === 0 ? 'Waiting for the first results' : counts.up + ' of ' + monitors + ' up, ' + counts.pending + ' pending';
    if (counts.maintenance > 0) return counts.up + ' of ' + monitors + ' up, ' + counts.maintenance + ' in maintenance';
    return total === 1 ? 'The monitor is up' : 'All ' + monitors + ' up';
  }
  function renderSummary() {
    var summary = document.getElementById('summary');
    var overall = counts.down > 0 ? 'down' : counts.pending > 0 ? 'pending' : counts.up + counts.maintenance > 0 ? 'up' : 'empty';
    summary.className = 'card summary summary-' + overall;
    summary.setAttribute('data-overall', overall);
    document.getElementById('headline').textContent = headline();
    ['up', 'down', 'pending', 'maintenance'].forEach(function (s) { summary.querySelector('[data-count="' + s + '"]').textContent = String(counts[s]); });
    document.title = counts.down > 0 ? '(' + counts.down + ' down) rxmon status' : 'rxmon status';
    document.getElementById('down-count').textContent = String(counts.down);
    document.getElementById('none-down').hidden = counts.down > 0;
  }
  function renderGroup(group) {
    var c = group.counts;
    var total = c.up + c.down + c.pending + c.maintenance;
    var span = text('span', 'counts');
    span.appendChild(text('span', '', total === 1 ? '1 monitor' : total + ' monitors'));
    if (c.down > 0) span.appendChild(text('span', 'cd', c.down + ' down'));
    if (c.pending > 0) span.appendChild(text('span', '', c.pending + ' pending'));
    if (c.maintenance > 0) span.appendChild(text('span', '', c.maintenance + ' in maintenance'));
    var old = group.el.querySelector('summary .counts');
    old.parentNode.replaceChild(span, old);
  }
  function downCard(i, d) {
    var row = rows[i];
    var card = text('li', 'down-card');
    card.setAttribute('data-i', String(i));
    card.setAttribute('data-s', 'down');
    var head = text('div', 'head');
    var link = text('a', '', row.cells[0].textContent);
    link.href = row.cells[0].firstChild.getAttribute('href');
    head.appendChild(link);
    head.appendChild(text('span', 'st', 'Down'));
    card.appendChild(head);
    var group = groupOf[i].el.getAttribute('data-g');
    card.appendChild(text('p', '', group + ' \\u00b7 down since ' + new Date().toISOString().slice(11, 19) + ' UTC'));
    var err = text('p', 'err');
    err.setAttribute('data-field', 'error');
    err.appendChild(text('code', '', d.e || 'DOWN'));
    if (d.st !== undefined) err.appendChild(document.createTextNode(' status ' + d.st));
    card.appendChild(err);
    return card;
  }
  function apply(d) {
    var row = rows[d.i];
    if (!row) return;
    var was = row.getAttribute('data-s');
    if (was !== d.s) {
      row.setAttribute('data-s', d.s);
      row.cells[1].textContent = LABEL[d.s];
      counts[was] -= 1; counts[d.s] += 1;
      var group = groupOf[d.i];
      group.counts[was] -= 1; group.counts[d.s] += 1;
      renderGroup(group);
      if (d.s === 'down' && !downCards[d.i]) { downCards[d.i] = downCard(d.i, d); downList.insertBefore(downCards[d.i], downList.firstChild); filterCard(d.i); }
      if (d.s !== 'down' && downCards[d.i]) { downList.removeChild(downCards[d.i]); downCards[d.i] = undefined; }
      if (query.active) filterRow(d.i);
    } else if (d.s === 'down' && downCards[d.i] && d.e) {
      var code = downCards[d.i].querySelector('code');
      if (code) code.textContent = d.e;
    }
    row.cells[2].textContent = latency(d.l);
    if (d.u !== undefined) row.cells[3].textContent = percent(d.u);
  }

  // Search: every word must match the name or the group; state:x or a state's name narrows by state.
  var q = document.getElementById('q');
  var stateSelect = document.getElementById('state');
  var matches = document.getElementById('matches');
  var query = { active: false, words: [], group: [], state: '' };
  function parse() {
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var next = { active: false, words: [], group: [], state: stateSelect.value };
    words.forEach(function (w) {
      if (w.indexOf('state:') === 0) next.state = w.slice(6);
      else if (w.indexOf('group:') === 0) next.group.push(w.slice(6));
      else if (LABEL[w] && !next.state) next.state = w;
      else next.words.push(w);
    });
    next.active = next.words.length > 0 || next.group.length > 0 || next.state !== '';
    return next;
  }
  function matchesIndex(i) {
    if (query.state && rows[i].getAttribute('data-s') !== query.state) return false;
    var g = groupOf[i].name;
    for (var k = 0; k < query.group.length; k += 1) if (g.indexOf(query.group[k]) < 0) return false;
    for (var j = 0; j < query.words.length; j += 1) if (names[i].indexOf(query.words[j]) < 0 && g.indexOf(query.words[j]) < 0) return false;
    return true;
  }
  function filterRow(i) { rows[i].hidden = query.active && !matchesIndex(i); }
  function filterCard(i) { if (downCards[i]) downCards[i].hidden = query.active && !matchesIndex(i); }
  function runSearch() {
    query = parse();
    var shown = 0;
    var perGroup = new Map();
    for (var i = 0; i < rows.length; i += 1) {
      if (!rows[i]) continue;
      var ok = !query.active || matchesIndex(i);
      rows[i].hidden = !ok;
      if (ok) { shown += 1; perGroup.set(groupOf[i], (perGroup.get(groupOf[i]) || 0) + 1); }
      filterCard(i);
    }
    groups.forEach(function (group) {
      var n = perGroup.get(group) || 0;
      group.el.hidden = query.active && n === 0;
      group.el.open = query.active ? n > 0 && n <= 500 : group.wasOpen;
    });
    matches.textContent = query.active ? (shown === 1 ? '1 monitor matches' : shown + ' monitors match') : rows.length + ' monitors';
  }
  var timer;
  function later() { clearTimeout(timer); timer = setTimeout(runSearch, 120); }
  q.addEventListener('input', later);
  stateSelect.addEventListener('change', runSearch);
  document.getElementById('search').hidden = false;
  matches.textContent = rows.length + ' monitors';

  function reloadLater() { setTimeout(function () { location.reload(); }, refreshMs); }
  if (!('EventSource' in window)) { reloadLater(); return; }
  function setLive(on, value) { live.setAttribute('data-live', on ? 'on' : 'off'); live.textContent = value; }
  var source = new EventSource('events?v=' + encodeURIComponent(body.getAttribute('data-v')) + '&since=' + encodeURIComponent(body.getAttribute('data-at')));
  source.onopen = function () { setLive(true, 'Live'); };
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) { setLive(false, 'Live updates unavailable'); reloadLater(); }
    else setLive(false, 'Reconnecting\\u2026');
  };
  source.addEventListener('reload', function () { source.close(); location.reload(); });
  source.onmessage = function (message) {
    var batch;
    try { batch = JSON.parse(message.data); } catch (e) { return; }
    if (!batch || !batch.d) return;
    batch.d.forEach(apply);
    renderSummary();
    document.getElementById('updated').textContent = new Date().toISOString().slice(11, 19) + ' UTC';
  };
})();
`;
