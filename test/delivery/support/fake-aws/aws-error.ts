/**
 * A modelled AWS error a fake handler throws; the fake renders it in the service's protocol so the
 * SDK raises the typed exception (e.g. ECR `ImageNotFoundException`).
 */
export class AwsError extends Error {
  /**
   * @param code the error code on the wire: the exception name for JSON services
   *   (`ServiceNotFoundException`); for query services the code the service sends
   *   (`LoadBalancerNotFound` for ELBv2's `LoadBalancerNotFoundException`)
   * @param message the error message
   * @param status HTTP status
   * @param sender whether the caller is at fault (`Sender`) or the service (`Receiver`)
   */
  constructor(public readonly code: string, message: string, public readonly status = 400, public readonly sender = true) {
    super(message);
    this.name = code;
  }
}

/** Shorthand for `new AwsError(code, message, status)`. */
export function awsError(code: string, message = code, status = 400): AwsError {
  return new AwsError(code, message, status);
}

/** Code of the error the fake answers when no handler is registered for an operation. */
export const UNHANDLED_OPERATION_CODE = 'FakeAwsUnhandledOperation';
/** Code of the error the fake answers when a handler throws something other than an {@link AwsError}. */
export const HANDLER_FAILURE_CODE = 'FakeAwsHandlerFailure';

/** A rendered HTTP response. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}
