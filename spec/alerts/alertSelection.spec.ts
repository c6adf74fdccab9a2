import { sendsTo } from '../../src/alerts/alertSelection.js';

describe('sendsTo', () => {
  it.each<[string, { alerts?: readonly string[] } | undefined, string, boolean]>([
    ['a monitor without alerts: sends to every alert', {}, 'chat', true],
    ['a monitor that picks the alert sends to it', { alerts: ['oncall', 'chat'] }, 'chat', true],
    ['a monitor that picks others does not', { alerts: ['oncall'] }, 'chat', false],
    ['a monitor with alerts: [] sends to none', { alerts: [] }, 'chat', false],
    ['a monitor no longer configured sends nowhere', undefined, 'chat', false],
  ])('%s', (_case, monitor, alert, expected) => {
    expect(sendsTo(monitor, alert)).toBe(expected);
  });
});
