import type { GitHubTrustConfig } from './deployment-config';
import type { PolicyConditions } from './policies';

/** Issuer of GitHub Actions OIDC tokens. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
/** Audience configure-aws-credentials requests. */
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/**
 * The `sub` claims GitHub issues for a repository and a context (`environment:<name>`,
 * `pull_request`, `ref:refs/heads/<branch>`): the name-based form `repo:<owner>/<repo>:<context>`
 * and, when the numeric ids are known, the immutable form `repo:<owner>@<id>/<repo>@<id>:<context>`
 * that repositories created since July 2026 (and those that opted in) send instead.
 */
export function githubSubjects(github: GitHubTrustConfig, contexts: string[]): string[] {
  const [owner, repo] = github.repository.split('/');
  const prefixes = [`repo:${owner}/${repo}`];
  if (github.ownerId !== undefined && github.repositoryId !== undefined) {
    prefixes.push(`repo:${owner}@${github.ownerId}/${repo}@${github.repositoryId}`);
  }
  return prefixes.flatMap((prefix) => contexts.map((context) => `${prefix}:${context}`));
}

/**
 * Conditions of a trust policy admitting GitHub Actions tokens of exactly these subjects (exact
 * match, no wildcards) for the STS audience, and of the repository's immutable id when known,
 * which survives renames and transfers.
 */
export function githubTrustConditions(github: GitHubTrustConfig, contexts: string[]): PolicyConditions {
  return {
    StringEquals: {
      [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
      [`${GITHUB_OIDC_HOST}:sub`]: githubSubjects(github, contexts),
      ...(github.repositoryId !== undefined ? { [`${GITHUB_OIDC_HOST}:repository_id`]: github.repositoryId } : {}),
    },
  };
}
