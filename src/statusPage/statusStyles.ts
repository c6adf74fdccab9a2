/**
 * The stylesheet of the overview (`GET /`) and of each monitor's page (`GET /monitors/<name>`),
 * inlined in a `<style>` element (allowed by hash in the CSP): no build step, no external file.
 * Light and dark colour schemes, compact rows that stay one line on a phone, tabular figures, and
 * state colours that always come with a text label.
 */
export const STATUS_STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f4f6fa; --card: #ffffff; --text: #0f172a; --muted: #64748b; --line: #e2e8f0;
  --up: #15803d; --up-bg: #dcfce7; --down: #b91c1c; --down-bg: #fee2e2; --pending: #92400e; --pending-bg: #fef3c7;
  --accent: #2563eb; --shadow: 0 1px 2px rgb(15 23 42 / 6%), 0 4px 16px rgb(15 23 42 / 6%);
  --dns: #a855f7; --connect: #f59e0b; --tls: #14b8a6; --first: #3b82f6; --transfer: #94a3b8; --fail: #dc2626;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0b1120; --card: #131c2e; --text: #e2e8f0; --muted: #94a3b8; --line: #243047;
    --up: #4ade80; --up-bg: #14532d; --down: #fca5a5; --down-bg: #7f1d1d; --pending: #fcd34d; --pending-bg: #713f12;
    --accent: #60a5fa; --shadow: none;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
a { color: var(--accent); }
.page { max-width: 1100px; margin: 0 auto; padding: 18px 14px 32px; }
.page-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 14px; }
.brand { margin: 0; font-size: 20px; font-weight: 700; }
.brand a { color: inherit; text-decoration: none; }
.brand span { color: var(--muted); font-weight: 500; }
.live { margin: 0; font-size: 13px; color: var(--muted); display: inline-flex; align-items: center; gap: 6px; }
.live::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: var(--muted); }
.live[data-live="on"]::before { background: var(--up); box-shadow: 0 0 0 3px var(--up-bg); }
.card { background: var(--card); border-radius: 12px; box-shadow: var(--shadow); padding: 14px 16px; margin-bottom: 16px; min-width: 0; }
.summary { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 16px; border-left: 6px solid var(--muted); }
.summary-up { border-left-color: var(--up); }
.summary-down { border-left-color: var(--down); }
.summary-pending { border-left-color: #d97706; }
.headline { margin: 0; font-size: 20px; font-weight: 650; }
.chips { margin: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.chip, .state { display: inline-flex; align-items: center; gap: 5px; border-radius: 999px; font-size: 13px; font-weight: 600; padding: 2px 9px; white-space: nowrap; }
.dot, .st::before { width: 8px; height: 8px; border-radius: 50%; background: currentColor; flex: none; }
.chip-up, .state-up { color: var(--up); background: var(--up-bg); }
.chip-down, .state-down { color: var(--down); background: var(--down-bg); }
.chip-pending, .state-pending { color: var(--pending); background: var(--pending-bg); }
h2 { font-size: 16px; margin: 0 0 10px; }
.search { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.search input, .search select { font: inherit; padding: 7px 10px; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); color: var(--text); min-width: 0; }
.search input { flex: 1 1 220px; }
.search output { font-size: 13px; color: var(--muted); }
.down-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr)); gap: 10px; }
.down-card { border: 1px solid var(--line); border-left: 4px solid var(--down); border-radius: 10px; padding: 10px 12px; min-width: 0; }
.down-card[data-s="up"] { border-left-color: var(--up); }
.down-card .head { display: flex; justify-content: space-between; gap: 8px; align-items: center; }
.down-card a { font-weight: 650; overflow-wrap: anywhere; }
.down-card p { margin: 4px 0 0; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.down-card code, .err code { color: var(--down); font-weight: 600; }
.none { color: var(--muted); margin: 0; }
details.group { background: var(--card); border-radius: 12px; box-shadow: var(--shadow); margin-bottom: 8px; }
details.group[hidden] { display: none; }
details.group > summary { cursor: pointer; padding: 10px 14px; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
details.group > summary .g { font-weight: 650; margin-right: auto; overflow-wrap: anywhere; }
.counts { font-size: 13px; color: var(--muted); display: inline-flex; gap: 10px; }
.counts .cd { color: var(--down); font-weight: 600; }
.rows { width: 100%; border-collapse: collapse; font-size: 14px; table-layout: fixed; }
.rows td, .rows th { padding: 4px 14px; border-top: 1px solid var(--line); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; text-align: left; }
.rows th { font-size: 12px; color: var(--muted); font-weight: 500; }
.rows td:nth-child(n+3), .rows th:nth-child(n+3) { text-align: right; font-variant-numeric: tabular-nums; width: 7.5em; }
.rows td:nth-child(2), .rows th:nth-child(2) { width: 7em; }
.rows tr[hidden] { display: none; }
.st { display: inline-flex; align-items: center; gap: 5px; font-weight: 600; }
.st::before { content: ""; }
[data-s="up"] .st { color: var(--up); }
[data-s="down"] .st { color: var(--down); }
[data-s="pending"] .st { color: var(--pending); }
tr[data-s="down"] { background: var(--down-bg); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(110px, 1fr)); gap: 8px; margin: 0; }
.figures div { background: var(--bg); border-radius: 8px; padding: 6px 9px; min-width: 0; }
.figures dt { font-size: 12px; color: var(--muted); }
.figures dd { margin: 0; font-size: 17px; font-weight: 650; font-variant-numeric: tabular-nums; }
.summary-line { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; }
.summary-line .headline { overflow-wrap: anywhere; }
.tone-good { color: var(--up); } .tone-warn { color: var(--pending); } .tone-bad { color: var(--down); }
.chart-wrap { margin: 0; }
.meta { font-size: 13px; color: var(--muted); margin: 6px 0 0; overflow-wrap: anywhere; }
.ranges { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 8px; padding: 0; list-style: none; font-size: 13px; }
.ranges a, .ranges strong { padding: 2px 9px; border-radius: 999px; border: 1px solid var(--line); text-decoration: none; }
.ranges strong { background: var(--accent); color: #fff; border-color: var(--accent); }
.chart { display: block; width: 100%; height: 180px; }
.p-dns { fill: var(--dns); } .p-connect { fill: var(--connect); } .p-tls { fill: var(--tls); } .p-first { fill: var(--first); } .p-transfer { fill: var(--transfer); } .p-fail { fill: var(--fail); }
.chart .grid { stroke: var(--line); }
.axis { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; color: var(--muted); margin: 2px 0 0; flex-wrap: wrap; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; color: var(--muted); margin: 6px 0 0; padding: 0; list-style: none; }
.legend .p-dns { background: var(--dns); } .legend .p-connect { background: var(--connect); } .legend .p-tls { background: var(--tls); } .legend .p-first { background: var(--first); } .legend .p-transfer { background: var(--transfer); } .legend .p-fail { background: var(--fail); }
.legend span { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
.scroll { overflow-x: auto; }
.table { width: 100%; border-collapse: collapse; font-size: 13px; }
.table th, .table td { text-align: left; padding: 5px 8px; border-top: 1px solid var(--line); vertical-align: top; }
.table th { color: var(--muted); font-weight: 500; }
.table td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.err { overflow-wrap: anywhere; }
.page-foot { margin-top: 20px; font-size: 12px; color: var(--muted); text-align: center; }
@media (max-width: 560px) {
  .page { padding: 12px 8px 24px; }
  .headline { font-size: 18px; }
  .rows td, .rows th { padding: 4px 8px; }
  .rows td:nth-child(2), .rows th:nth-child(2) { width: 6em; }
  .rows td:nth-child(3), .rows th:nth-child(3) { width: 6.5em; }
  .rows td:nth-child(4), .rows th:nth-child(4) { display: none; }
  .table .wide { display: none; }
}
`;
