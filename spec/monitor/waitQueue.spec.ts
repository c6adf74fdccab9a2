import { WaitQueue } from '../../src/monitor/waitQueue.js';

describe('WaitQueue', () => {
  it('is first in, first out', () => {
    const queue = new WaitQueue<string>();
    for (const value of ['a', 'b', 'c']) queue.push(value);
    expect(queue.size).toBe(3);
    expect([queue.shift(), queue.shift(), queue.shift(), queue.shift()]).toEqual(['a', 'b', 'c', undefined]);
    expect(queue.size).toBe(0);
  });

  it('takes a waiter out from the front, the middle or the back, once', () => {
    const queue = new WaitQueue<string>();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((value) => queue.push(value));
    queue.remove(b);
    queue.remove(b);
    queue.remove(a);
    queue.remove(d);
    expect(queue.size).toBe(1);
    queue.push('e');
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual(['c', 'e', undefined]);
    queue.remove(c);
    expect(queue.size).toBe(0);
  });

  it('keeps order with many waiters (50,000 pushed, every other one removed)', () => {
    const queue = new WaitQueue<number>();
    const waiters = Array.from({ length: 50_000 }, (_, i) => queue.push(i));
    for (let i = 0; i < waiters.length; i += 2) queue.remove(waiters[i]);
    expect(queue.size).toBe(25_000);
    expect(queue.shift()).toBe(1);
    expect(queue.shift()).toBe(3);
  });
});
