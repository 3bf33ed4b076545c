/**
 * A failure the person running a command can act on: printed as one line, without a stack trace.
 */
export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}

/** Error names the AWS SDK raises when no usable credentials were found or they were rejected. */
const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'TokenRefreshRequired',
]);

/**
 * The one line printed for an error: an {@link OperationError} as it is, a credentials problem
 * with what to do about it, an AWS error with its code, anything else with its message.
 */
export function explainError(error: unknown): string {
  if (error instanceof OperationError) {
    return error.message;
  }
  if (error instanceof Error) {
    if (CREDENTIAL_ERRORS.has(error.name)) {
      return `no valid AWS credentials (${firstLine(error.message)}): sign in (e.g. \`aws sso login\`) or set AWS_PROFILE, then run the command again`;
    }
    const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
    if (metadata !== undefined) {
      return `AWS refused the request: ${error.name}: ${firstLine(error.message)}`;
    }
    return firstLine(error.message);
  }
  return String(error);
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
