import { register as globalRegistry } from 'prom-client';
import { createMetrics } from '../../src/metrics/createMetrics.js';
import { STARTED_AT_SECONDS, checkResult, httpsResult, refusedResult, sampleValue } from './fixtures.js';

const API = 'monitor="api",url="http://127.0.0.1:8080/health"';
const SHOP = 'monitor="shop",url="https://shop.example/"';

async function exposition(results: Parameters<ReturnType<typeof createMetrics>['observe']>[0][], shard?: string) {
  const metrics = createMetrics({ shard, processMetrics: false });
  for (const result of results) metrics.observe(result);
  return metrics.registry.metrics();
}

describe('createMetrics', () => {
  it('uses a registry of its own, not prom-client’s global one', () => {
    expect(createMetrics({ processMetrics: false }).registry).not.toBe(globalRegistry);
  });

  describe('when an ok http check is observed', () => {
    it('sets the probe gauges of its monitor and url', async () => {
      const text = await exposition([checkResult()]);
      expect(sampleValue(text, `probe_success{${API}}`)).toBe(1);
      expect(sampleValue(text, `probe_duration_seconds{${API}}`)).toBe(0.12);
      expect(sampleValue(text, `probe_http_status_code{${API}}`)).toBe(200);
      expect(sampleValue(text, `probe_http_content_length{${API}}`)).toBe(42);
      expect(sampleValue(text, `probe_http_redirects{${API}}`)).toBe(0);
    });

    it('sets probe_http_duration_seconds for all five phases', async () => {
      const text = await exposition([checkResult()]);
      expect(
        ['resolve', 'connect', 'tls', 'processing', 'transfer'].map((phase) =>
          sampleValue(text, `probe_http_duration_seconds{${API},phase="${phase}"}`),
        ),
      ).toEqual([0, 0.01, 0, 0.1, 0.01]);
    });

    it('counts it as ok, with the fail series at 0', async () => {
      const text = await exposition([checkResult(), checkResult()]);
      expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="ok"}')).toBe(2);
      expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="fail"}')).toBe(0);
      expect(text).not.toContain('rxmon_check_errors_total{');
    });

    it('observes its duration and schedule lag in the histograms', async () => {
      const text = await exposition([checkResult(), checkResult({ durationMs: 3000, scheduleLagMs: 2000 })]);
      expect(sampleValue(text, 'rxmon_check_duration_seconds_bucket{le="0.25",monitor="api"}')).toBe(1);
      expect(sampleValue(text, 'rxmon_check_duration_seconds_bucket{le="5",monitor="api"}')).toBe(2);
      expect(sampleValue(text, 'rxmon_check_duration_seconds_sum{monitor="api"}')).toBeCloseTo(3.12);
      expect(sampleValue(text, 'rxmon_check_duration_seconds_count{monitor="api"}')).toBe(2);
      expect(sampleValue(text, 'rxmon_schedule_lag_seconds_bucket{le="0.005"}')).toBe(1);
      expect(sampleValue(text, 'rxmon_schedule_lag_seconds_bucket{le="2.5"}')).toBe(2);
      expect(sampleValue(text, 'rxmon_schedule_lag_seconds_count')).toBe(2);
    });

    it('counts the ticks results say were missed', async () => {
      const quiet = await exposition([checkResult()]);
      expect(sampleValue(quiet, 'rxmon_missed_ticks_total')).toBe(0);
      const text = await exposition([checkResult({ missedTicks: 2 }), checkResult(), checkResult({ missedTicks: 3 })]);
      expect(sampleValue(text, 'rxmon_missed_ticks_total')).toBe(5);
    });

    it('has the histogram buckets from 5 ms to 10 s and 1 ms to 10 s', async () => {
      const text = await exposition([checkResult()]);
      const bounds = (name: string) =>
        [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"`, 'gm'))].map((match) => match[1]);
      expect(bounds('rxmon_check_duration_seconds')).toEqual(
        ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'],
      );
      expect(bounds('rxmon_schedule_lag_seconds')[0]).toBe('0.001');
      expect(bounds('rxmon_schedule_lag_seconds').slice(-2)).toEqual(['10', '+Inf']);
    });

    it('does not observe a lag the result does not carry, and counts a negative lag as 0', async () => {
      const text = await exposition([checkResult({ scheduleLagMs: undefined }), checkResult({ scheduleLagMs: -5 })]);
      expect(sampleValue(text, 'rxmon_schedule_lag_seconds_count')).toBe(1);
      expect(sampleValue(text, 'rxmon_schedule_lag_seconds_sum')).toBe(0);
    });
  });

  describe('when a check fails without a response', () => {
    it('shows success 0, status 0, zero phases and counts the error code', async () => {
      const text = await exposition([checkResult(), refusedResult(), refusedResult()]);
      expect(sampleValue(text, `probe_success{${API}}`)).toBe(0);
      expect(sampleValue(text, `probe_http_status_code{${API}}`)).toBe(0);
      expect(sampleValue(text, `probe_http_duration_seconds{${API},phase="processing"}`)).toBe(0);
      expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="ok"}')).toBe(1);
      expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="fail"}')).toBe(2);
      expect(sampleValue(text, 'rxmon_check_errors_total{monitor="api",code="ECONNREFUSED"}')).toBe(2);
    });
  });

  describe('when a response has no Content-Length', () => {
    it('shows probe_http_content_length -1, as blackbox_exporter does', async () => {
      const text = await exposition([checkResult({ contentLength: undefined })]);
      expect(sampleValue(text, `probe_http_content_length{${API}}`)).toBe(-1);
    });
  });

  describe('when an https check with a redirect is observed', () => {
    it('shows the redirects, the tls phase and the certificate expiry in unix seconds', async () => {
      const text = await exposition([httpsResult()]);
      expect(sampleValue(text, `probe_http_redirects{${SHOP}}`)).toBe(1);
      expect(sampleValue(text, `probe_http_duration_seconds{${SHOP},phase="tls"}`)).toBe(0.04);
      expect(sampleValue(text, `probe_ssl_earliest_cert_expiry{${SHOP}}`)).toBe(STARTED_AT_SECONDS + 30.5 * 86_400);
    });

    it('has no certificate expiry for an http monitor', async () => {
      const text = await exposition([checkResult(), httpsResult()]);
      expect(sampleValue(text, `probe_ssl_earliest_cert_expiry{${API}}`)).toBeUndefined();
    });

    it('drops the certificate expiry when the next check saw no certificate', async () => {
      const text = await exposition([httpsResult(), refusedResult({ monitor: 'shop', url: 'https://shop.example/' })]);
      expect(text).not.toContain('probe_ssl_earliest_cert_expiry{');
      expect(sampleValue(text, `probe_success{${SHOP}}`)).toBe(0);
    });
  });

  describe('when a URL carries credentials', () => {
    it('masks them in the url label', async () => {
      const text = await exposition([checkResult({ url: 'https://bob:hunter2@example.com/x' })]);
      expect(text).not.toContain('hunter2');
      expect(sampleValue(text, 'probe_success{monitor="api",url="https://bob:***@example.com/x"}')).toBe(1);
    });

    it('uses a maskUrl of the caller’s', async () => {
      const metrics = createMetrics({ processMetrics: false, maskUrl: (url) => url.replace(/token=[^&]*/, 'token=***') });
      metrics.observe(checkResult({ url: 'http://h/?token=abcd' }));
      const text = await metrics.registry.metrics();
      expect(sampleValue(text, 'probe_success{monitor="api",url="http://h/?token=***"}')).toBe(1);
    });
  });

  describe('with a shard', () => {
    it('adds the shard label to every sample', async () => {
      const metrics = createMetrics({ shard: '0/3' });
      metrics.observe(checkResult());
      metrics.setMonitorCount(1);
      const samples = (await metrics.registry.metrics()).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
      expect(samples.length).toBeGreaterThan(20);
      expect(samples.filter((line) => !line.includes('shard="0/3"'))).toEqual([]);
      expect(samples).toContain('rxmon_monitors{shard="0/3"} 1');
    });
  });

  describe('without a shard', () => {
    it('has no shard label', async () => {
      expect(await exposition([checkResult()])).not.toContain('shard=');
    });
  });

  it('counts alert deliveries per alert, provider type and outcome', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.recordAlertDelivery({ alert: 'oncall', type: 'pagerduty', outcome: 'delivered' });
    metrics.recordAlertDelivery({ alert: 'oncall', type: 'pagerduty', outcome: 'failed' });
    metrics.recordAlertDelivery({ alert: 'oncall', type: 'pagerduty', outcome: 'failed' });
    metrics.recordAlertDelivery({ alert: 'chat', type: 'slack', outcome: 'dropped' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('# TYPE rxmon_alert_deliveries_total counter');
    expect(text).toMatch(/^rxmon_alert_deliveries_total\{alert="oncall",type="pagerduty",outcome="delivered"\} 1$/m);
    expect(text).toMatch(/^rxmon_alert_deliveries_total\{alert="oncall",type="pagerduty",outcome="failed"\} 2$/m);
    expect(text).toMatch(/^rxmon_alert_deliveries_total\{alert="chat",type="slack",outcome="dropped"\} 1$/m);
  });

  it('sets rxmon_monitors', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.setMonitorCount(7);
    expect(sampleValue(await metrics.registry.metrics(), 'rxmon_monitors')).toBe(7);
  });

  it('includes the process metrics by default', async () => {
    const text = await createMetrics().registry.metrics();
    expect(text).toContain('# TYPE process_cpu_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  describe('removeMonitor', () => {
    function observed() {
      const metrics = createMetrics({ processMetrics: false });
      metrics.observe(checkResult());
      metrics.observe(refusedResult());
      metrics.observe(httpsResult());
      return metrics;
    }
    const seriesOf = (text: string, monitor: string) =>
      text.split('\n').filter((line) => line.includes(`monitor="${monitor}"`));

    it('drops every series of the monitor and keeps the others', async () => {
      const metrics = observed();
      metrics.removeMonitor('api');
      const text = await metrics.registry.metrics();
      expect(seriesOf(text, 'api')).toEqual([]);
      expect(seriesOf(text, 'shop').length).toBeGreaterThan(10);
      expect(sampleValue(text, `probe_ssl_earliest_cert_expiry{${SHOP}}`)).toBeDefined();
    });

    it('drops the https series, certificate expiry included', async () => {
      const metrics = observed();
      metrics.removeMonitor('shop', 'https://shop.example/');
      expect(seriesOf(await metrics.registry.metrics(), 'shop')).toEqual([]);
    });

    it('matches the url whether given masked or not', async () => {
      const metrics = createMetrics({ processMetrics: false });
      metrics.observe(checkResult({ url: 'http://u:***@h/' }));
      metrics.removeMonitor('api', 'http://u:secret@h/');
      expect(seriesOf(await metrics.registry.metrics(), 'api')).toEqual([]);
    });

    it('keeps the series of another url of the same monitor', async () => {
      const metrics = createMetrics({ processMetrics: false });
      metrics.observe(checkResult({ url: 'http://old/' }));
      metrics.observe(checkResult({ url: 'http://new/' }));
      metrics.removeMonitor('api', 'http://old/');
      const text = await metrics.registry.metrics();
      expect(sampleValue(text, 'probe_success{monitor="api",url="http://old/"}')).toBeUndefined();
      expect(sampleValue(text, 'probe_success{monitor="api",url="http://new/"}')).toBe(1);
      expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="ok"}')).toBe(2);
    });

    it('starts the monitor afresh when it reports again', async () => {
      const metrics = observed();
      metrics.removeMonitor('api');
      metrics.observe(checkResult());
      const text = await metrics.registry.metrics();
      expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="ok"}')).toBe(1);
      expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="fail"}')).toBe(0);
      expect(sampleValue(text, 'rxmon_check_errors_total{monitor="api",code="ECONNREFUSED"}')).toBeUndefined();
    });

    it('ignores an unknown monitor', async () => {
      const metrics = observed();
      const before = await metrics.registry.metrics();
      metrics.removeMonitor('nope');
      expect(await metrics.registry.metrics()).toBe(before);
    });
  });
});
