/**
 * Hands messages to `handle` in order, at most `perTurn` in one turn of the event loop: the first
 * `perTurn` at once, the rest in later turns (`schedule`, `setImmediate` by default), so that a batch
 * of 25,000 monitor starts does not hold a worker's loop for a second while the first checks it
 * started wait for their sockets. Batches that come meanwhile queue behind, in order.
 *
 * ```
 * receive([a, b, c, d, e])   perTurn 2:   a b | c d | e      (| = a later turn)
 * ```
 *
 * @param handle Called once per message, in the order received.
 * @param perTurn At most this many per turn (≥ 1).
 * @param schedule Runs a function in a later turn. Default `setImmediate`.
 * @returns The receiver: give it each batch as it comes.
 */
export function chunkedInbox<T>(handle: (message: T) => void, perTurn: number, schedule: (run: () => void) => void = setImmediate): (messages: readonly T[]) => void {
  let queue: T[] = [];
  let head = 0;
  let scheduled = false;
  const pump = (): void => {
    scheduled = false;
    const end = Math.min(queue.length, head + perTurn);
    while (head < end) handle(queue[head++]);
    if (head < queue.length) {
      scheduled = true;
      schedule(pump);
    } else {
      queue = [];
      head = 0;
    }
  };
  return (messages) => {
    for (const message of messages) queue.push(message);
    if (!scheduled) pump();
  };
}
