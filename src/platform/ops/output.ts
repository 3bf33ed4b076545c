/** Where a command writes: lines for people, separate from errors. */
export interface Output {
  /** Writes one line to standard output. */
  line(text: string): void;
  /** Writes one line to standard error. */
  error(text: string): void;
}

/** Output to the process's standard streams. */
export const CONSOLE_OUTPUT: Output = {
  line: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
};

/** One finished step of a command. */
export interface StepResult {
  readonly name: string;
  readonly seconds: number;
  readonly ok: boolean;
}

/**
 * Runs the steps of a command one after the other and prints one line per step with its
 * duration, so a CI log and a terminal show the same progress.
 */
export class Steps {
  /** The steps run so far. */
  public readonly results: StepResult[] = [];

  constructor(private readonly output: Output, private readonly clock: () => number = Date.now) {}

  /** Runs `work` as the step `name`; a failure is recorded and rethrown. */
  public async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = this.clock();
    this.output.line(`▶ ${name}`);
    try {
      const result = await work();
      this.finish(name, started, true);
      return result;
    } catch (error) {
      this.finish(name, started, false);
      throw error;
    }
  }

  /** A summary line: how many steps ran, how long they took in all. */
  public summary(): string {
    const seconds = this.results.reduce((sum, step) => sum + step.seconds, 0);
    const failed = this.results.filter((step) => !step.ok).length;
    return `${this.results.length} step(s) in ${formatSeconds(seconds)}${failed > 0 ? `, ${failed} failed` : ''}`;
  }

  private finish(name: string, started: number, ok: boolean): void {
    const seconds = (this.clock() - started) / 1000;
    this.results.push({ name, seconds, ok });
    this.output.line(`${ok ? '✔' : '✖'} ${name} (${formatSeconds(seconds)})`);
  }
}

/** `12.3 s` or `4 min 05 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) {
    return `${seconds.toFixed(1)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

/** Renders rows as a plain-text table with aligned columns. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const render = (row: string[]) => row.map((cell, column) => (cell ?? '').padEnd(widths[column])).join('  ').trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)];
}

/** Renders rows as a Markdown table. */
export function formatMarkdownTable(header: string[], rows: string[][]): string[] {
  const render = (row: string[]) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [render(header), render(header.map(() => '---')), ...rows.map(render)];
}
