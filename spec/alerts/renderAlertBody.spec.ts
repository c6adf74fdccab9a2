import type { AlertEvent } from '../../src/alerts/alertEvents.js';
import { renderAlertBody } from '../../src/alerts/renderAlertBody.js';
import { fakeResult } from '../operators/fakeResult.js';

const tricky = 'bad "quote" \\ back\nslash\ttab';

function downEvent(message = 'connect ECONNREFUSED 127.0.0.1:8080', reminder = false): AlertEvent {
  const result = fakeResult({ ok: false, status: 503, error: { code: 'UNEXPECTED_STATUS', message } });
  return { monitor: 'api', state: 'down', reminder, since: '2024-01-01T00:00:03.000Z', result };
}

const upEvent: AlertEvent = {
  monitor: 'api',
  state: 'up',
  reminder: false,
  since: '2024-01-01T00:01:00.000Z',
  result: fakeResult({ ok: true, status: 200 }),
};

describe('renderAlertBody', () => {
  describe('without a template', () => {
    it.each([
      ['a down alert', downEvent(), 'api is DOWN: connect ECONNREFUSED 127.0.0.1:8080'],
      ['a reminder', downEvent('timeout', true), 'api is still DOWN: timeout'],
      ['a resolved alert', upEvent, 'api is UP'],
      ['a message with quotes and newlines', downEvent(tricky), `api is DOWN: ${tricky}`],
    ])('renders %s as Slack-compatible JSON', (_name, event, text) => {
      const { body, contentType } = renderAlertBody(event);
      expect(JSON.parse(body)).toEqual({ text });
      expect(contentType).toBe('application/json');
    });
  });

  describe('with a JSON template', () => {
    it('fills every placeholder', () => {
      const template = '{"m":"{{monitor}}","s":"{{state}}","e":"{{error}}","u":"{{url}}","c":"{{status}}","t":"{{since}}"}';
      const { body, contentType } = renderAlertBody(downEvent(), template);
      expect(JSON.parse(body)).toEqual({
        m: 'api',
        s: 'DOWN',
        e: 'connect ECONNREFUSED 127.0.0.1:8080',
        u: 'http://127.0.0.1:8080/health',
        c: '503',
        t: '2024-01-01T00:00:03.000Z',
      });
      expect(contentType).toBe('application/json');
    });

    it('escapes values so the body stays valid JSON', () => {
      const { body } = renderAlertBody(downEvent(tricky), '{"text": "{{monitor}} is {{state}}: {{error}}"}');
      expect(JSON.parse(body)).toEqual({ text: `api is DOWN: ${tricky}` });
    });

    it('accepts a bare number placeholder and spaces inside the braces', () => {
      const { body } = renderAlertBody(downEvent(), '{"status": {{status}}, "who": "{{ monitor }}"}');
      expect(JSON.parse(body)).toEqual({ status: 503, who: 'api' });
    });

    it('leaves empty what an up alert does not have, and unknown placeholders as they are', () => {
      const { body } = renderAlertBody(upEvent, '{"text": "{{monitor}} {{state}} [{{error}}] {{nope}}"}');
      expect(JSON.parse(body)).toEqual({ text: 'api UP [] {{nope}}' });
    });
  });

  describe('with a plain-text template', () => {
    it('substitutes values as they are and sends text/plain', () => {
      const { body, contentType } = renderAlertBody(downEvent(tricky), '{{monitor}} is {{state}}: {{error}}');
      expect(body).toBe(`api is DOWN: ${tricky}`);
      expect(contentType).toBe('text/plain; charset=utf-8');
    });
  });
});
