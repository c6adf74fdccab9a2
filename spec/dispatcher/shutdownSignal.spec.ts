import { EventEmitter } from 'node:events';
import { lastValueFrom } from 'rxjs';
import { shutdownSignal$ } from '../../src/dispatcher/shutdownSignal.js';

describe('shutdownSignal$', () => {
  it.each(['SIGINT', 'SIGTERM'])('emits %s once, then removes its handlers', async (signal) => {
    const source = new EventEmitter();
    const first = lastValueFrom(shutdownSignal$(source));
    expect(source.listenerCount('SIGINT')).toBe(1);
    expect(source.listenerCount('SIGTERM')).toBe(1);
    source.emit(signal);
    source.emit('SIGINT');
    await expect(first).resolves.toBe(signal);
    expect(source.listenerCount('SIGINT')).toBe(0);
    expect(source.listenerCount('SIGTERM')).toBe(0);
  });
});
