import type { IntegerRule, TextRule } from './rules';

/** Ranges of the worker options. */
export const WORKER_RULES = {
  processingTimeSeconds: { min: 1, max: 7200, default: 30 },
  acceptableLatencySeconds: { min: 1, max: 86400, default: 300 },
  maxReceiveCount: { min: 1, max: 1000, default: 5 },
  deadLetterAlarmAgeSeconds: { min: 60, max: 1209600, default: 300 },
  minCapacity: { min: 0, max: 1000 },
  maxCapacity: { min: 1, max: 1000, default: 10 },
} as const satisfies Record<string, IntegerRule>;

/** SQS caps the visibility timeout at 12 hours. */
export const SQS_VISIBILITY_TIMEOUT_MAX = 43200;
/** The visibility timeout is this many times the processing time (AWS's advice for Lambda and workers alike). */
export const VISIBILITY_TIMEOUT_FACTOR = 6;
/** Messages (and dead letters) are kept 14 days, SQS's maximum. */
export const MESSAGE_RETENTION_SECONDS = 1209600;

/** Ranges of the job options. */
export const JOB_RULES = {
  retryAttempts: { min: 0, max: 185, default: 2 },
  maximumEventAgeSeconds: { min: 60, max: 86400, default: 3600 },
  timeoutSeconds: { min: 60, max: 86400, default: 3600 },
} as const satisfies Record<string, IntegerRule>;

/** Limits of the physical names the workloads use. */
export const WORKLOAD_NAME_LIMITS = {
  /** SQS queue names. */
  queue: 80,
  /** SNS topic names. */
  topic: 256,
  /** EventBridge Scheduler schedule names. */
  schedule: 64,
  /** Step Functions state machine names. */
  stateMachine: 80,
  /** CloudWatch alarm names (kept short enough to read). */
  alarm: 255,
  /** Security group names. */
  securityGroup: 255,
} as const;

/** Text rules of the workload options. */
export const WORKLOAD_TEXT_RULES = {
  topicName: {
    pattern: '^[a-z][a-z0-9-]{0,38}[a-z0-9]$',
    what: 'a topic name',
    expected: '2 to 40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen',
  },
  timezone: {
    pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$',
    what: 'an IANA time zone name',
    expected: 'a name from the IANA time zone database, e.g. "UTC", "Europe/Paris" or "America/New_York"',
  },
} as const satisfies Record<string, TextRule>;

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: string[];
  /** Special characters the field accepts besides `, - * /`. */
  readonly special: RegExp;
}

const CRON_FIELDS: CronField[] = [
  { name: 'minutes', min: 0, max: 59, special: /^$/ },
  { name: 'hours', min: 0, max: 23, special: /^$/ },
  { name: 'day-of-month', min: 1, max: 31, special: /^(\?|L|LW|\d{1,2}W)$/ },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'], special: /^$/ },
  { name: 'day-of-week', min: 1, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], special: /^(\?|L|[1-7]L|[1-7]#[1-5])$/ },
  { name: 'year', min: 1970, max: 2199, special: /^$/ },
];

const SCHEDULE_EXPECTED = 'expected "cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)" (AWS syntax, 6 fields) '
  + 'or "rate(<value> <minute|minutes|hour|hours|day|days>)", e.g. "cron(0 3 * * ? *)" or "rate(15 minutes)"';

/**
 * Why a schedule expression is not one EventBridge Scheduler accepts for a recurring job, or
 * undefined when it is: AWS cron syntax (six fields, `?` in exactly one of day-of-month and
 * day-of-week) or a rate with a singular unit for 1 and a plural one otherwise.
 */
export function scheduleExpressionProblem(expression: string): string | undefined {
  const rate = /^rate\((.*)\)$/.exec(expression);
  if (rate) {
    return rateProblem(rate[1]);
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) {
    return cronProblem(cron[1]);
  }
  return `is not a schedule expression; ${SCHEDULE_EXPECTED}`;
}

function rateProblem(body: string): string | undefined {
  const match = /^([1-9]\d*) (minute|minutes|hour|hours|day|days)$/.exec(body);
  if (!match) {
    return `is not a rate expression; ${SCHEDULE_EXPECTED}`;
  }
  const plural = match[2].endsWith('s');
  if ((match[1] === '1') === plural) {
    return `has a ${plural ? 'plural' : 'singular'} unit for ${match[1]}; AWS expects "minute", "hour" or "day" for 1 and the plural otherwise`;
  }
  return undefined;
}

function cronProblem(body: string): string | undefined {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS.length) {
    return `has ${fields.length} cron fields; ${SCHEDULE_EXPECTED}`;
  }
  for (let index = 0; index < fields.length; index++) {
    if (!validCronField(fields[index], CRON_FIELDS[index])) {
      return `has an invalid ${CRON_FIELDS[index].name} field "${fields[index]}"; ${SCHEDULE_EXPECTED}`;
    }
  }
  if ((fields[2] === '?') === (fields[4] === '?')) {
    return 'must have "?" in exactly one of day-of-month and day-of-week (AWS cron), e.g. "cron(0 3 * * ? *)" or "cron(0 3 ? * MON-FRI *)"';
  }
  return undefined;
}

function validCronField(field: string, rule: CronField): boolean {
  if (rule.special.test(field)) {
    return true;
  }
  return field.split(',').every((item) => validCronItem(item, rule));
}

function validCronItem(item: string, rule: CronField): boolean {
  const [range, step, ...rest] = item.split('/');
  if (rest.length > 0 || (step !== undefined && !/^[1-9]\d*$/.test(step))) {
    return false;
  }
  if (range === '*') {
    return true;
  }
  const bounds = range.split('-');
  if (bounds.length > 2) {
    return false;
  }
  const values = bounds.map((bound) => cronValue(bound, rule));
  const [low, high] = values;
  return values.every((value) => value !== undefined) && (high === undefined || (low !== undefined && low <= high));
}

function cronValue(text: string, rule: CronField): number | undefined {
  const named = rule.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) {
    return named + 1;
  }
  if (!/^\d+$/.test(text)) {
    return undefined;
  }
  const value = Number(text);
  return value >= rule.min && value <= rule.max ? value : undefined;
}

/** Whether a time zone name is one the IANA database (as this Node.js knows it) holds. */
export function isTimeZoneName(name: string): boolean {
  if (!new RegExp(WORKLOAD_TEXT_RULES.timezone.pattern).test(name)) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
