// A custom alert: stderr when a monitor goes down, stdout when it is back up.
// Usage: node customAlert.mjs [url] [changes]   (stops after `changes` state changes, default 2)
import { take } from 'rxjs';
import { health, monitor } from 'rxmon';

const [url = 'http://127.0.0.1:8080/health', changes = '2'] = process.argv.slice(2);

monitor({ name: 'api', url, checkEvery: '500ms' })
  .pipe(health({ failureThreshold: 2, successThreshold: 2 }), take(Number(changes)))
  .subscribe(({ monitor, state, since, result }) => {
    if (state === 'down') console.error(`ALERT ${monitor} is down since ${since}: ${result.error?.message}`);
    else console.log(`${monitor} is up (HTTP ${result.status})`);
  });
