import { TestScheduler } from 'rxjs/testing';
import type { CheckResult } from '../../src/check/checkResult.js';
import { createMetrics } from '../../src/metrics/createMetrics.js';
import { recordMetrics } from '../../src/metrics/recordMetrics.js';
import { checkResult, refusedResult, sampleValue } from './fixtures.js';

describe('recordMetrics', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('records every result until results$ completes', async () => {
    const metrics = createMetrics({ processMetrics: false });
    testScheduler.run(({ cold, expectSubscriptions }) => {
      const values: Record<string, CheckResult> = { a: checkResult(), b: refusedResult(), c: checkResult() };
      const results$ = cold('  a-b--c|', values);
      const resultsSubs = '    ^-----!';
      recordMetrics({ results$, metrics });
      expectSubscriptions(results$.subscriptions).toBe(resultsSubs);
    });
    const text = await metrics.registry.metrics();
    expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="ok"}')).toBe(2);
    expect(sampleValue(text, 'rxmon_checks_total{monitor="api",result="fail"}')).toBe(1);
    expect(sampleValue(text, 'probe_success{monitor="api",url="http://127.0.0.1:8080/health"}')).toBe(1);
  });

  it('stops recording when its subscription is unsubscribed', async () => {
    const metrics = createMetrics({ processMetrics: false });
    testScheduler.run(({ cold, expectSubscriptions }) => {
      const results$ = cold('  a--b--c|', { a: checkResult(), b: checkResult(), c: checkResult() });
      const resultsSubs = '    ^---!    ';
      const subscription = recordMetrics({ results$, metrics });
      testScheduler.schedule(() => subscription.unsubscribe(), 4);
      expectSubscriptions(results$.subscriptions).toBe(resultsSubs);
    });
    expect(sampleValue(await metrics.registry.metrics(), 'rxmon_checks_total{monitor="api",result="ok"}')).toBe(2);
  });
});
