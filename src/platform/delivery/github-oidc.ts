import type { GitHubTrustConfig } from '../contract/deployment-config';
import type { PolicyConditions } from '../contract/policies';

/** Issuer of GitHub Actions OIDC tokens. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
/** Audience configure-aws-credentials requests. */
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/**
 * The claims the repository's OIDC subject is made of (set once per repository, see
 * {@link githubSubjectCustomizationCommand}). AWS IAM can match only a few GitHub claims (`sub`,
 * `aud`, and a handful more), not `ref` or `environment` on their own, so the subject has to carry
 * both: `repo:<owner>/<repo>:environment:<env>:ref:refs/heads/<branch>` for a job in an
 * environment, `repo:<owner>/<repo>:pull_request:ref:refs/pull/<n>/merge` for a pull request, and
 * `repo:<owner>/<repo>:ref:refs/heads/<branch>:ref:refs/heads/<branch>` for other jobs.
 */
export const GITHUB_SUBJECT_CLAIM_KEYS = ['repo', 'context', 'ref'] as const;

/** The one-time command that makes a repository's OIDC tokens carry {@link GITHUB_SUBJECT_CLAIM_KEYS}. */
export function githubSubjectCustomizationCommand(repository: string): string {
  const keys = GITHUB_SUBJECT_CLAIM_KEYS.map((key) => `-f 'include_claim_keys[]=${key}'`).join(' ');
  return `gh api --method PUT repos/${repository}/actions/oidc/customization/sub -F use_default=false ${keys}`;
}

/** Who may assume a role: subjects after the repository part, e.g. `environment:prod:ref:refs/heads/main`. */
export interface GitHubSubjects {
  /** Subjects matched exactly. */
  readonly exact?: string[];
  /** Subjects with `*` wildcards (only where a run number or a branch name varies). */
  readonly patterns?: string[];
}

/** Subject of a job in a GitHub Environment on one branch, or (`*`) any branch. */
export function environmentSubject(environment: string, branch: string): string {
  return `environment:${environment}:ref:refs/heads/${branch}`;
}

/** Subject of a job without environment on one branch. */
export function branchSubject(branch: string): string {
  return `ref:refs/heads/${branch}:ref:refs/heads/${branch}`;
}

/** Subject pattern of every pull request's merge ref. */
export const PULL_REQUEST_SUBJECT = 'pull_request:ref:refs/pull/*/merge';

/**
 * The `sub` claims GitHub issues for a repository and a subject suffix: the name-based form
 * `repo:<owner>/<repo>:<suffix>` and, when the numeric ids are known, the immutable form
 * `repo:<owner>@<id>/<repo>@<id>:<suffix>` that repositories created since July 2026 (and those
 * that opted in) send instead.
 */
export function githubSubjects(github: GitHubTrustConfig, suffixes: string[]): string[] {
  const [owner, repo] = github.repository.split('/');
  const prefixes = [`repo:${owner}/${repo}`];
  if (github.ownerId !== undefined && github.repositoryId !== undefined) {
    prefixes.push(`repo:${owner}@${github.ownerId}/${repo}@${github.repositoryId}`);
  }
  return prefixes.flatMap((prefix) => suffixes.map((suffix) => `${prefix}:${suffix}`));
}

/**
 * Conditions of a trust policy admitting GitHub Actions tokens of these subjects for the STS
 * audience, and of the repository's immutable id when known, which survives renames and
 * transfers. Exact subjects only: `StringEquals`; with any pattern: `StringLike` for all (a
 * subject without wildcard still matches only itself, and Git refs cannot contain `*` or `?`).
 */
export function githubTrustConditions(github: GitHubTrustConfig, subjects: GitHubSubjects): PolicyConditions {
  const exact = githubSubjects(github, subjects.exact ?? []);
  const patterns = githubSubjects(github, subjects.patterns ?? []);
  const repositoryId: Record<string, string> = github.repositoryId !== undefined ? { [`${GITHUB_OIDC_HOST}:repository_id`]: github.repositoryId } : {};
  const audience: Record<string, string> = { [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE };
  if (patterns.length === 0) {
    return { StringEquals: { ...audience, [`${GITHUB_OIDC_HOST}:sub`]: exact, ...repositoryId } };
  }
  return {
    StringEquals: { ...audience, ...repositoryId },
    StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: [...exact, ...patterns] },
  };
}
