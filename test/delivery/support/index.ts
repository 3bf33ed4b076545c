export * from './workflow-runner';
export * from './fake-bin';
export * from './fake-aws';
export { defaultActions } from './actions/default-actions';
export { FakeGitHubApi } from './actions/fake-github-api';
export type { FakeIssueComment, FakeGitHubApiCall } from './actions/fake-github-api';
export { FAKE_AWS_CREDENTIALS } from './actions/aws-credentials';
export type { AssumedRole } from './actions/aws-credentials';
export { assertOfflineTerraformAvailable } from './offline-preconditions';
