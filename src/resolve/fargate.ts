/**
 * Memory sizes (MiB) that Fargate accepts for each CPU value (Linux tasks).
 */
const MEMORY_BY_CPU: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

/** CPU units Fargate accepts. */
export const FARGATE_CPU_VALUES: readonly number[] = [...MEMORY_BY_CPU.keys()];

/** Each CPU value Fargate accepts with its memory sizes. */
export const FARGATE_TASK_SIZES: ReadonlyArray<readonly [number, readonly number[]]> = [...MEMORY_BY_CPU.entries()];

/** Memory sizes (MiB) valid with `cpu`, or undefined when `cpu` itself is invalid. */
export function fargateMemoryFor(cpu: number): readonly number[] | undefined {
  return MEMORY_BY_CPU.get(cpu);
}

/** Describes the allowed memory sizes compactly (`2048, 3072, … 8192`). */
export function describeMemoryChoices(values: readonly number[]): string {
  return values.length <= 4 ? values.join(', ') : `${values[0]} to ${values[values.length - 1]} in steps of ${values[1] - values[0]}`;
}

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) {
    values.push(v);
  }
  return values;
}
