/** Runs async tasks with at most `concurrency` of them in flight; tasks start in submission order. */
export function concurrencyLimit(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (running < concurrency && queue.length > 0) {
      running++;
      queue.shift()!();
    }
  };
  return <T>(task: () => Promise<T>) => new Promise<T>((resolve, reject) => {
    queue.push(() => {
      task().then(resolve, reject).finally(() => {
        running--;
        next();
      });
    });
    next();
  });
}
