import type { YamlValue } from './manifest';
import { scheduleExpressionProblem } from '../platform/contract/workload-rules';

/** Copilot's schedule shortcuts as AWS cron expressions (UTC, like Copilot's). */
const SHORTCUTS: Record<string, string> = {
  '@yearly': 'cron(0 0 1 1 ? *)',
  '@annually': 'cron(0 0 1 1 ? *)',
  '@monthly': 'cron(0 0 1 * ? *)',
  '@weekly': 'cron(0 0 ? * 1 *)',
  '@daily': 'cron(0 0 * * ? *)',
  '@midnight': 'cron(0 0 * * ? *)',
  '@hourly': 'cron(0 * * * ? *)',
};

const RATE_UNITS: Record<string, string> = { m: 'minute', h: 'hour' };

/**
 * A Scheduled Job's `on.schedule` as an expression EventBridge Scheduler accepts: the `@` shortcuts,
 * `@every <n>m|h`, a five-field cron without day-of-week numbers (whose numbering differs), or an
 * AWS `cron(...)`/`rate(...)` expression. Undefined for anything else (e.g. `none`).
 */
export function copilotSchedule(value: YamlValue | undefined): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim();
  const expression = SHORTCUTS[text] ?? everyRate(text) ?? fiveFieldCron(text) ?? text;
  return scheduleExpressionProblem(expression) === undefined ? expression : undefined;
}

/** `@every 30m`, `@every 2h`, `@every 1h` as a rate. */
function everyRate(text: string): string | undefined {
  const match = /^@every\s+(\d+)([mh])$/.exec(text);
  if (match === null) {
    return undefined;
  }
  const unit = RATE_UNITS[match[2]];
  return `rate(${match[1]} ${match[1] === '1' ? unit : `${unit}s`})`;
}

/** `m h dom mon dow` as `cron(m h dom mon dow *)`, with `?` where AWS needs it. */
function fiveFieldCron(text: string): string | undefined {
  const fields = text.split(/\s+/);
  if (fields.length !== 5 || /\d/.test(fields[4])) {
    return undefined;
  }
  const [minutes, hours, dayOfMonth, month, dayOfWeek] = fields;
  return dayOfWeek === '*'
    ? `cron(${minutes} ${hours} ${dayOfMonth} ${month} ? *)`
    : `cron(${minutes} ${hours} ${dayOfMonth === '*' ? '?' : dayOfMonth} ${month} ${dayOfWeek.toUpperCase()} *)`;
}
