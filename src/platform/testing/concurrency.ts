/** Runs async tasks with at most `concurrency` of them in flight; tasks start in submission order. */
export function concurrencyLimit(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    const start = running < concurrency ? queue.shift() : undefined;
    if (start !== undefined) {
      running++;
      start();
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
