// Availability to the console: the share of ok checks in the last hour, after every check.
// Usage: node availability.mjs [url] [checks]   (stops after `checks` checks, default 5)
import { take } from 'rxjs';
import { availability, monitor } from 'rxmon';

const [url = 'http://127.0.0.1:8080/health', checks = '5'] = process.argv.slice(2);

monitor({ name: 'api', url, checkEvery: '500ms' })
  .pipe(take(Number(checks)), availability(60 * 60_000))
  .subscribe(({ monitor, ratio, checks }) =>
    console.log(`${monitor}: ${(ratio * 100).toFixed(1)}% of ${checks} checks ok in the last hour`),
  );
