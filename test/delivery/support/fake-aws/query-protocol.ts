import { randomUUID } from 'crypto';
import { AwsError, HttpAnswer } from './aws-error';

/** Query services the fake speaks: the SigV4 signing name → the fake's service name and XML namespace. */
export const QUERY_SERVICES: Record<string, { readonly service: string; readonly namespace: string }> = {
  sts: { service: 'STS', namespace: 'https://sts.amazonaws.com/doc/2011-06-15/' },
  elasticloadbalancing: { service: 'ELBv2', namespace: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/' },
};

/**
 * Parses a form-encoded query request into its action and parameters, lists (`Names.member.1`)
 * as arrays and structures (`Tags.member.1.Key`) as objects. Values stay strings.
 */
export function parseQueryBody(body: string): { action: string; params: Record<string, unknown> } {
  const form = new URLSearchParams(body);
  const params: Record<string, unknown> = {};
  for (const [key, value] of form) {
    if (key !== 'Action' && key !== 'Version') {
      assign(params, key.split('.'), value);
    }
  }
  return { action: form.get('Action') ?? '', params: listsToArrays(params) as Record<string, unknown> };
}

/** A query success body: `<{Op}Response><{Op}Result>…</{Op}Result><ResponseMetadata>…`. */
export function renderQueryResult(operation: string, namespace: string, result: unknown): HttpAnswer {
  const body = `<${operation}Response xmlns="${namespace}">`
    + `<${operation}Result>${toXml(result ?? {})}</${operation}Result>`
    + `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>`
    + `</${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

/** A query error body: `<ErrorResponse><Error><Type/><Code/><Message/></Error>…`. */
export function renderQueryError(namespace: string, error: AwsError): HttpAnswer {
  const body = `<ErrorResponse xmlns="${namespace}"><Error>`
    + `<Type>${error.sender ? 'Sender' : 'Receiver'}</Type><Code>${escape(error.code)}</Code><Message>${escape(error.message)}</Message>`
    + `</Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
  return { status: error.status, headers: { 'content-type': 'text/xml' }, body };
}

/** Renders a value as query-protocol XML: arrays as `<member>` items, dates as ISO 8601. */
export function toXml(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, item]) => item !== undefined && item !== null)
      .map(([key, item]) => `<${key}>${toXml(item)}</${key}>`)
      .join('');
  }
  return escape(String(value));
}

function assign(target: Record<string, unknown>, path: string[], value: string): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  assign(child, rest, value);
}

/** `{ member: { 1: a, 2: b } }` → `[a, b]`, recursively. */
function listsToArrays(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const [only] = entries;
  if (entries.length === 1 && (only[0] === 'member' || only[0] === 'entry') && typeof only[1] === 'object') {
    return Object.entries(only[1] as Record<string, unknown>)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, item]) => listsToArrays(item));
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, listsToArrays(item)]));
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
