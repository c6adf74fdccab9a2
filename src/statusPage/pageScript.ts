/**
 * The status page's inline script (plain ES2017, no build step). When JavaScript runs, the page
 * does not refresh (its meta refresh sits in `<noscript>`); instead it subscribes to `/events` with
 * an `EventSource` and, on each check, swaps the monitor's card (`[data-monitor]`) and the summary
 * in place with the markup the server rendered. It reloads the page when the monitor list changed,
 * and falls back to reloading every `data-refresh` seconds when the event stream is refused.
 * It reads nothing from the page into HTML: all markup comes from the server, already escaped.
 */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var body = document.body;
  var live = document.getElementById('live');
  var refreshMs = (Number(body.getAttribute('data-refresh')) || 30) * 1000;
  function reloadLater() { setTimeout(function () { location.reload(); }, refreshMs); }
  if (!('EventSource' in window)) { reloadLater(); return; }
  function setLive(on, text) { live.setAttribute('data-live', on ? 'on' : 'off'); live.textContent = text; }
  function names() {
    return Array.prototype.map.call(document.querySelectorAll('[data-monitor]'), function (card) {
      return card.getAttribute('data-monitor');
    });
  }
  function replace(element, html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var next = template.content.firstElementChild;
    if (element && next) element.replaceWith(next);
  }
  var source = new EventSource('events');
  source.onopen = function () { setLive(true, 'Live'); };
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) { setLive(false, 'Live updates unavailable'); reloadLater(); }
    else setLive(false, 'Reconnecting\\u2026');
  };
  source.onmessage = function (message) {
    var event;
    try { event = JSON.parse(message.data); } catch (e) { return; }
    if (event.type === 'monitors') {
      if (event.monitors.join('\\n') !== names().join('\\n')) location.reload();
      return;
    }
    if (event.type !== 'check') return;
    var card = null;
    Array.prototype.forEach.call(document.querySelectorAll('[data-monitor]'), function (candidate) {
      if (candidate.getAttribute('data-monitor') === event.monitor) card = candidate;
    });
    if (!card) return;
    replace(card, event.cardHtml);
    replace(document.getElementById('summary'), event.summaryHtml);
    document.title = event.title;
    var updated = document.getElementById('updated');
    var at = new Date(event.checkedAt);
    if (updated && !isNaN(at.getTime())) updated.textContent = at.toISOString().slice(11, 19) + ' UTC';
  };
})();
`;
