import { AwsError, HttpAnswer } from './aws-error';

/** `X-Amz-Target` prefixes of the JSON 1.1 services the fake speaks, by the fake's service name. */
export const JSON_SERVICE_TARGETS: Record<string, string> = {
  AmazonEC2ContainerServiceV20141113: 'ECS',
  AmazonEC2ContainerRegistry_V20150921: 'ECR',
  Logs_20140328: 'CloudWatchLogs',
  CodeDeploy_20141006: 'CodeDeploy',
};

/** Service and operation of an `X-Amz-Target` header, or `undefined` for an unknown service. */
export function parseJsonTarget(target: string): { service: string; operation: string } | undefined {
  const [prefix, operation] = target.split('.');
  const service = JSON_SERVICE_TARGETS[prefix];
  return service === undefined || operation === undefined ? undefined : { service, operation };
}

/** A JSON 1.1 success body: timestamps as epoch seconds, as the services send them. */
export function renderJsonResult(result: unknown): HttpAnswer {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify(epochSeconds(result ?? {})),
  };
}

/** A JSON 1.1 error: `__type` and `x-amzn-ErrorType` name the exception. */
export function renderJsonError(error: AwsError): HttpAnswer {
  return {
    status: error.status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': error.code },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

/** Converts `Date` values to epoch seconds, recursively. */
export function epochSeconds(value: unknown): unknown {
  if (value instanceof Date) {
    return value.getTime() / 1000;
  }
  if (Array.isArray(value)) {
    return value.map(epochSeconds);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, epochSeconds(item)]));
  }
  return value;
}
