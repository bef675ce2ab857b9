// How many messages a Kafka consumer's next batch takes from each partition
// it holds messages of. Every partition with messages gets an equal share of
// the batch first and what one leaves unused goes to the others, so a message
// of a quiet partition (a death, a reaction's record) rides in the next batch
// instead of waiting while a busy partition's backlog fills batch after batch.

/**
 * Shares of `room` for partitions holding `queued[i]` messages, in the order
 * given (the consumer rotates it so no partition is always first): each takes
 * at most what it holds, all together at most `room`; when `room` is smaller
 * than the number of partitions with messages, the first ones get one each.
 */
export function fairShares(queued: readonly number[], room: number): number[] {
  const taken = queued.map(() => 0);
  let left = room;
  let open = queued.filter((count) => count > 0).length;
  while (left > 0 && open > 0) {
    const share = Math.max(1, Math.floor(left / open));
    open = 0;
    for (let i = 0; i < queued.length && left > 0; i++) {
      const more = Math.min(share, queued[i]! - taken[i]!, left);
      taken[i]! += more;
      left -= more;
      if (taken[i]! < queued[i]!) open++;
    }
  }
  return taken;
}
