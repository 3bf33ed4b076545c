import { FilterLogEventsCommand, FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';

/** Options of {@link logs}. */
export interface LogsOptions {
  /** Only this service's containers. @default - every service */
  readonly service?: string;
  /** How far back: `30s`, `15m`, `2h`, `1d`, or an ISO 8601 time. @default "15m" */
  readonly since?: string;
  /** Keep printing new events until interrupted. @default false */
  readonly follow?: boolean;
  /** CloudWatch Logs filter pattern. @default - every event */
  readonly filter?: string;
  /** Seconds between two looks when following. @default 2 */
  readonly pollSeconds?: number;
  /** Stops following after this many looks (tests). @default - never */
  readonly maxPolls?: number;
  /** Now, in milliseconds. @default Date.now() */
  readonly now?: number;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The start time `since` names, in milliseconds since the epoch. */
export function parseSince(since: string, now: number): number {
  const relative = /^(\d+)([smhd])$/.exec(since);
  if (relative !== null) {
    return now - Number(relative[1]) * UNITS[relative[2]];
  }
  const absolute = Date.parse(since);
  if (Number.isNaN(absolute)) {
    throw new OperationError(`--since ${JSON.stringify(since)} is not a duration or a time; expected e.g. 30s, 15m, 2h, 1d or 2026-01-31T12:00:00Z`);
  }
  return absolute;
}

/**
 * Prints the services' log events (the awslogs streams `<service>/<container>/<task id>`) from
 * `since`, optionally filtered, and with `follow` keeps printing new ones.
 */
export async function logs(context: OperationsContext, options: LogsOptions): Promise<number> {
  const [service] = options.service !== undefined ? context.services(options.service) : [undefined];
  let startTime = parseSince(options.since ?? '15m', options.now ?? Date.now());
  const seen = new Set<string>();
  for (let polls = 1; ; polls += 1) {
    const events = await fetchEvents(context, startTime, service?.name, options.filter);
    for (const event of events) {
      if (event.eventId !== undefined && seen.has(event.eventId)) {
        continue;
      }
      if (event.eventId !== undefined) {
        seen.add(event.eventId);
      }
      context.output.line(formatEvent(event));
      startTime = Math.max(startTime, event.timestamp ?? startTime);
    }
    if (!options.follow || (options.maxPolls !== undefined && polls >= options.maxPolls)) {
      return 0;
    }
    await context.sleep((options.pollSeconds ?? 2) * 1000);
  }
}

async function fetchEvents(
  context: OperationsContext,
  startTime: number,
  service: string | undefined,
  filter: string | undefined,
): Promise<FilteredLogEvent[]> {
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await context.aws.logs.send(new FilterLogEventsCommand({
      logGroupName: context.logGroupName,
      startTime,
      nextToken,
      ...(service !== undefined ? { logStreamNamePrefix: `${service}/` } : {}),
      ...(filter !== undefined ? { filterPattern: filter } : {}),
    }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return events.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
}

/** `<time> <service>/<task> <message>`. */
export function formatEvent(event: FilteredLogEvent): string {
  const [service, , task] = (event.logStreamName ?? '').split('/');
  const time = new Date(event.timestamp ?? 0).toISOString();
  return `${time} ${service}/${(task ?? '').slice(0, 8)} ${(event.message ?? '').trimEnd()}`;
}
