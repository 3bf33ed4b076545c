import type { ActionContext } from '../runner/action-context';

/** Dummy credentials the fake `configure-aws-credentials` exports; nothing accepts them but fakes. */
export const FAKE_AWS_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'ASIAFAKEWORKFLOWRUN0',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-access-key-for-workflow-tests',
  AWS_SESSION_TOKEN: 'fake-session-token-for-workflow-tests',
} as const;

/** What the fake `configure-aws-credentials` records in its step result. */
export interface AssumedRole {
  readonly roleToAssume?: string;
  readonly region: string;
  readonly roleSessionName?: string;
  readonly audience?: string;
}

/**
 * `aws-actions/configure-aws-credentials`: exports `AWS_REGION`/`AWS_DEFAULT_REGION` from
 * `aws-region` and dummy credentials, and records the role it would assume (an
 * {@link AssumedRole} in the step's `record`).
 */
export function configureAwsCredentials(context: ActionContext): void {
  const region = context.inputs['aws-region'];
  if (!region) {
    throw new Error('configure-aws-credentials: the aws-region input is required');
  }
  context.exportVariable('AWS_REGION', region);
  context.exportVariable('AWS_DEFAULT_REGION', region);
  for (const [name, value] of Object.entries(FAKE_AWS_CREDENTIALS)) {
    context.exportVariable(name, value);
  }
  const role: AssumedRole = {
    roleToAssume: context.inputs['role-to-assume'] || undefined,
    region,
    roleSessionName: context.inputs['role-session-name'] || undefined,
    audience: context.inputs.audience || undefined,
  };
  context.record(role);
  context.log(`Assumed ${role.roleToAssume ?? 'no role'} in ${region} (fake)`);
}
