import { lastValueFrom, toArray } from 'rxjs';
import { httpCheck } from '../../src/check/httpCheck.js';
import type { HttpClient } from '../../src/http/httpClient.js';
import { createMetrics } from '../../src/metrics/createMetrics.js';
import { missedResult, pingResult } from '../../src/heartbeat/heartbeatResult.js';
import { sampleValue } from '../metrics/fixtures.js';
import { heartbeatSpec } from './fixtures.js';

const spec = heartbeatSpec(300_000, 60_000);

describe('the HTTP-only code paths given a heartbeat monitor', () => {
  describe('httpCheck', () => {
    it('sends no request and fails once with INVALID_URL naming the masked ping path', async () => {
      const calls: string[] = [];
      const client: HttpClient = {
        request: async (asked) => {
          calls.push(asked.url);
          throw new Error('no request should be sent');
        },
      };
      const results = await lastValueFrom(httpCheck(spec, client).pipe(toArray()));
      expect(calls).toEqual([]);
      expect(results).toEqual([
        expect.objectContaining({
          monitor: 'backup',
          method: 'HEARTBEAT',
          url: '/ping/backup/***',
          ok: false,
          error: { code: 'INVALID_URL', message: 'a heartbeat monitor has no URL to check: its job pings /ping/backup/***' },
        }),
      ]);
    });
  });

  describe('metrics', () => {
    it('keeps one probe_* series per heartbeat monitor: success, the job duration, no status', async () => {
      const metrics = createMetrics({ processMetrics: false });
      metrics.observe(pingResult(spec, { kind: 'success', method: 'POST' }, Date.parse('2026-01-01T02:00:00Z'), 93_500));
      let text = await metrics.registry.metrics();
      expect(sampleValue(text, 'probe_success{monitor="backup",url="/ping/backup/***"}')).toBe(1);
      expect(sampleValue(text, 'probe_duration_seconds{monitor="backup",url="/ping/backup/***"}')).toBe(93.5);
      expect(sampleValue(text, 'probe_http_status_code{monitor="backup",url="/ping/backup/***"}')).toBe(0);
      metrics.observe(missedResult(spec, Date.parse('2026-01-02T03:00:00Z')));
      text = await metrics.registry.metrics();
      expect(sampleValue(text, 'probe_success{monitor="backup",url="/ping/backup/***"}')).toBe(0);
      expect(sampleValue(text, 'rxmon_check_errors_total{monitor="backup",code="HEARTBEAT_MISSED"}')).toBe(1);
      expect(text.match(/^probe_success\{/gm)).toHaveLength(1);
    });
  });
});
