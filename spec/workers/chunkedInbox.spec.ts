import { chunkedInbox } from '../../src/workers/chunkedInbox.js';

describe('chunkedInbox', () => {
  /** A receiver over a manual scheduler: `turn()` runs what was scheduled for the next turn. */
  function setup(perTurn: number) {
    const handled: number[] = [];
    const later: Array<() => void> = [];
    const receive = chunkedInbox<number>((message) => handled.push(message), perTurn, (run) => later.push(run));
    const turn = () => later.splice(0, later.length).forEach((run) => run());
    return { handled, later, receive, turn };
  }

  it('handles a small batch at once', () => {
    const { handled, later, receive } = setup(3);
    receive([1, 2]);
    expect(handled).toEqual([1, 2]);
    expect(later).toHaveLength(0);
  });

  it('handles a large batch over several turns, perTurn at a time, in order', () => {
    const { handled, receive, turn } = setup(2);
    receive([1, 2, 3, 4, 5]);
    expect(handled).toEqual([1, 2]);
    turn();
    expect(handled).toEqual([1, 2, 3, 4]);
    turn();
    expect(handled).toEqual([1, 2, 3, 4, 5]);
  });

  it('queues a batch that comes while one is still being handled behind it', () => {
    const { handled, later, receive, turn } = setup(2);
    receive([1, 2, 3]);
    receive([4]);
    expect(handled).toEqual([1, 2]);
    expect(later).toHaveLength(1);
    turn();
    expect(handled).toEqual([1, 2, 3, 4]);
    expect(later).toHaveLength(0);
    receive([5]);
    expect(handled).toEqual([1, 2, 3, 4, 5]);
  });
});
