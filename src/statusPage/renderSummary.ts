import type { PageState } from './monitorView.js';

/**
 * The page's headline: whether everything is up, and the count per state.
 *
 * @param states Every monitor's state.
 * @returns The `<div id="summary">` markup; its `data-overall` is `up`, `down`, `pending` or `empty`.
 */
export function renderSummary(states: readonly PageState[]): string {
  const counts: Record<PageState, number> = { up: 0, down: 0, pending: 0 };
  for (const state of states) counts[state] += 1;
  const total = states.length;
  const monitors = (n: number) => (n === 1 ? '1 monitor' : `${n} monitors`);
  let overall: PageState | 'empty';
  let headline: string;
  if (total === 0) {
    overall = 'empty';
    headline = 'No monitors configured';
  } else if (counts.down > 0) {
    overall = 'down';
    headline = `${counts.down} of ${monitors(total)} down`;
  } else if (counts.pending > 0) {
    overall = 'pending';
    headline = counts.up === 0 ? 'Waiting for the first results' : `${counts.up} of ${monitors(total)} up, ${counts.pending} pending`;
  } else {
    overall = 'up';
    headline = total === 1 ? 'The monitor is up' : `All ${monitors(total)} up`;
  }
  const chips = (['up', 'down', 'pending'] as const)
    .map((state) => `<span class="chip chip-${state}"><span class="dot" aria-hidden="true"></span>${counts[state]} ${state}</span>`)
    .join('');
  return `<div id="summary" class="summary summary-${overall}" data-overall="${overall}"><p class="headline">${headline}</p><p class="chips">${chips}</p></div>`;
}
