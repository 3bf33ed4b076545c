import { OperationError } from './errors';
import { runProcess } from './processes';
import { matchesText, TEXT_RULES } from '../contract/rules';

/**
 * The tag of the image a deploy builds and runs: `--tag` when given, else the commit being built
 * (`GITHUB_SHA` in GitHub Actions, `CODEBUILD_RESOLVED_SOURCE_VERSION` in CodeBuild, `git rev-parse
 * HEAD` on a laptop). Tags are immutable in ECR, so a working tree with uncommitted changes gets
 * its own tag (`<sha>-dirty-<UTC time>`) instead of reusing the commit's.
 */
export async function resolveImageTag(explicit: string | undefined, env: NodeJS.ProcessEnv, now: Date = new Date()): Promise<string> {
  const tag = explicit ?? env.GITHUB_SHA ?? env.CODEBUILD_RESOLVED_SOURCE_VERSION ?? await gitTag(now);
  if (!matchesText(TEXT_RULES.imageTag, tag)) {
    throw new OperationError(`--tag ${JSON.stringify(tag)} is not an image tag; expected ${TEXT_RULES.imageTag.expected}`);
  }
  return tag;
}

async function gitTag(now: Date): Promise<string> {
  const head = await runProcess('git', ['rev-parse', 'HEAD'], { capture: true });
  if (head.status !== 0) {
    throw new OperationError('no image tag: this is not a git checkout with a commit; pass --tag <tag>');
  }
  const sha = head.stdout.trim();
  const status = await runProcess('git', ['status', '--porcelain', '--untracked-files=no'], { capture: true });
  if (status.stdout.trim() === '') {
    return sha;
  }
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', 't');
  return `${sha.slice(0, 12)}-dirty-${stamp}`;
}
