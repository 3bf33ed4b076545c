import { downloadArtifact, uploadArtifact } from './artifacts';
import { configureAwsCredentials } from './aws-credentials';
import { githubScript } from './github-script';
import type { ActionHandler } from '../runner/action-context';

/** An action with nothing to do here: the workspace is the repository, the tools are on PATH. */
const noOp: ActionHandler = (context) => context.log(`${context.action}: nothing to do on this runner`);

/**
 * The handlers every job gets unless a test overrides them:
 * - `actions/checkout`: no-op (the job's cwd is the repository);
 * - `actions/setup-node`, `hashicorp/setup-terraform`: no-op (node and terraform are on PATH);
 * - `aws-actions/configure-aws-credentials`: region and dummy credentials, role recorded;
 * - `actions/upload-artifact`, `actions/download-artifact`: the run's artifact store;
 * - `actions/github-script`: the script against the run's fake GitHub API.
 */
export function defaultActions(): Record<string, ActionHandler> {
  return {
    'actions/checkout': noOp,
    'actions/setup-node': noOp,
    'hashicorp/setup-terraform': noOp,
    'aws-actions/configure-aws-credentials': configureAwsCredentials,
    'actions/upload-artifact': uploadArtifact,
    'actions/download-artifact': downloadArtifact,
    'actions/github-script': githubScript,
  };
}
