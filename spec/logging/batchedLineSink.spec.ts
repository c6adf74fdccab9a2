import { batchedLineSink } from '../../src/logging/batchedLineSink.js';

describe('batchedLineSink', () => {
  function setup() {
    const written: string[] = [];
    const deferred: Array<() => void> = [];
    const sink = batchedLineSink({ write: (batch: string) => written.push(batch) }, (flush) => deferred.push(flush));
    return { sink, written, deferred };
  }

  it('writes the lines of one turn as one batch, in order, on the next turn', () => {
    const { sink, written, deferred } = setup();
    sink.write('a\n');
    sink.write('b\n');
    expect(written).toEqual([]);
    expect(deferred).toHaveLength(1);
    deferred[0]?.();
    expect(written).toEqual(['a\nb\n']);
  });

  it('starts a new batch after a flush', () => {
    const { sink, written, deferred } = setup();
    sink.write('a\n');
    deferred[0]?.();
    sink.write('b\n');
    deferred[1]?.();
    expect(written).toEqual(['a\n', 'b\n']);
  });

  it('writes at once past 64 KB', () => {
    const { sink, written } = setup();
    const big = `${'x'.repeat(70_000)}\n`;
    sink.write(big);
    expect(written).toEqual([big]);
  });

  it('writes what it holds on flush(), and nothing twice', () => {
    const { sink, written, deferred } = setup();
    sink.write('last\n');
    sink.flush();
    deferred[0]?.();
    expect(written).toEqual(['last\n']);
  });
});
