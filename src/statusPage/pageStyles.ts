/**
 * The status page's stylesheet, inlined in a `<style>` element: no build step, no external file.
 * Light and dark colour schemes, a card grid that collapses to one column on a phone, tabular
 * figures, and state colours that always come with a text label.
 */
export const PAGE_STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f4f6fa; --card: #ffffff; --text: #0f172a; --muted: #64748b; --line: #e2e8f0;
  --up: #15803d; --up-bg: #dcfce7; --down: #b91c1c; --down-bg: #fee2e2; --pending: #92400e; --pending-bg: #fef3c7;
  --accent: #2563eb; --fail: #dc2626; --shadow: 0 1px 2px rgb(15 23 42 / 6%), 0 4px 16px rgb(15 23 42 / 6%);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0b1120; --card: #131c2e; --text: #e2e8f0; --muted: #94a3b8; --line: #243047;
    --up: #4ade80; --up-bg: #14532d; --down: #fca5a5; --down-bg: #7f1d1d; --pending: #fcd34d; --pending-bg: #713f12;
    --accent: #60a5fa; --fail: #f87171; --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.page { max-width: 1180px; margin: 0 auto; padding: 20px 16px 32px; }
.page-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 16px; }
.brand { margin: 0; font-size: 20px; font-weight: 700; letter-spacing: -0.01em; }
.brand span { color: var(--muted); font-weight: 500; }
.live { margin: 0; font-size: 13px; color: var(--muted); display: inline-flex; align-items: center; gap: 6px; }
.live::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: var(--muted); }
.live[data-live="on"]::before { background: var(--up); box-shadow: 0 0 0 3px var(--up-bg); }
.summary {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 16px;
  background: var(--card); border-radius: 14px; padding: 16px 20px; margin-bottom: 20px;
  box-shadow: var(--shadow); border-left: 6px solid var(--muted);
}
.summary-up { border-left-color: var(--up); }
.summary-down { border-left-color: var(--down); }
.summary-pending { border-left-color: #d97706; }
.headline { margin: 0; font-size: 20px; font-weight: 650; }
.chips { margin: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.chip, .state {
  display: inline-flex; align-items: center; gap: 6px; border-radius: 999px;
  font-size: 13px; font-weight: 600; padding: 3px 10px; white-space: nowrap;
}
.dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; flex: none; }
.chip-up, .state-up { color: var(--up); background: var(--up-bg); }
.chip-down, .state-down { color: var(--down); background: var(--down-bg); }
.chip-pending, .state-pending { color: var(--pending); background: var(--pending-bg); }
.chip-maintenance, .state-maintenance { color: #1d4ed8; background: #dbeafe; }
.monitors { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 340px), 1fr)); gap: 16px; }
.monitor {
  background: var(--card); border-radius: 14px; padding: 16px 18px 14px; box-shadow: var(--shadow);
  border-top: 4px solid var(--line); min-width: 0; display: flex; flex-direction: column; gap: 10px;
}
.monitor[data-state="up"] { border-top-color: var(--up); }
.monitor[data-state="down"] { border-top-color: var(--down); }
.monitor[data-state="pending"] { border-top-color: #d97706; }
.monitor-head { display: flex; align-items: center; justify-content: space-between; gap: 10px; }
.monitor-name { margin: 0; font-size: 17px; font-weight: 650; overflow-wrap: anywhere; }
.target { margin: 0; font-size: 13px; color: var(--muted); display: flex; gap: 6px; min-width: 0; }
.method { font-weight: 700; font-size: 11px; letter-spacing: 0.04em; border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; flex: none; align-self: center; }
.url { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.figures { margin: 0; display: grid; grid-template-columns: minmax(0, 0.75fr) minmax(0, 1fr) minmax(0, 1.125fr) minmax(0, 1.125fr); gap: 6px; }
.figures div { background: var(--bg); border-radius: 8px; padding: 6px 7px; min-width: 0; }
.figures dt { font-size: 11px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.figures dd { margin: 0; font-size: 16px; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.cert { margin: 0; font-size: 13px; font-weight: 600; }
.cert-label { color: var(--muted); font-weight: 500; }
.tone-good { color: var(--up); }
.tone-warn { color: var(--pending); }
.tone-bad { color: var(--down); }
.spark-wrap { margin: 0; }
.spark-wrap figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
.spark { display: block; width: 100%; height: 48px; }
.spark-line { stroke: var(--accent); }
.spark-fail { fill: var(--fail); opacity: 0.75; }
.spark-base { stroke: var(--line); }
.error {
  margin: 0; font-size: 13px; color: var(--down); background: var(--down-bg); border-radius: 8px; padding: 8px 10px;
  overflow-wrap: anywhere;
}
.error-past { color: var(--muted); background: var(--bg); }
.error-label { font-weight: 700; }
.error code { font-size: 12px; font-weight: 600; }
.checked { margin: auto 0 0; font-size: 12px; color: var(--muted); }
.page-foot { margin-top: 24px; font-size: 12px; color: var(--muted); text-align: center; }
.page-foot a { color: inherit; }
.empty { background: var(--card); border-radius: 14px; padding: 24px; text-align: center; color: var(--muted); }
@media (max-width: 480px) {
  .page { padding: 14px 10px 24px; }
  .headline { font-size: 18px; }
  .monitor { padding: 14px; }
  .figures dd { font-size: 15px; }
}
`;
