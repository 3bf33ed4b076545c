import type { OptionProblems } from './problems';
import { MAX_DEFAULT_TAGS, TAG_RULES, tagKeyProblem, tagValueProblem } from '../platform/contract/tag-rules';

/** The option path of one tag: `tags.team`, `tags["cost center"]`. */
function tagPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Records a problem for every tag of `tags` (at option path `base`) that AWS or the platform refuses. */
export function checkTags(tags: Record<string, string> | undefined, base: string, problems: OptionProblems): void {
  for (const [key, value] of Object.entries(tags ?? {})) {
    const keyProblem = tagKeyProblem(key);
    if (keyProblem !== undefined) {
      problems.add(tagPath(base, key), key, keyProblem);
    }
    const valueProblem = typeof value === 'string' ? tagValueProblem(value) : undefined;
    if (valueProblem !== undefined) {
      problems.add(tagPath(base, key), value, valueProblem);
    }
  }
}

/**
 * The default tags of an environment: the project's `tags`, the environment's over them, then the
 * platform's (which win). Problems with the environment's own tags and with the count are recorded.
 */
export function resolveTags(
  projectTags: Record<string, string> | undefined,
  environmentTags: Record<string, string> | undefined,
  platformTags: Record<string, string>,
  envPath: string,
  problems: OptionProblems,
): Record<string, string> {
  checkTags(environmentTags, `${envPath}.tags`, problems);
  const merged = { ...projectTags, ...environmentTags, ...platformTags };
  const count = Object.keys(merged).length;
  problems.check(
    count <= MAX_DEFAULT_TAGS,
    `${envPath}.tags`,
    `${count} tags`,
    `are too many; AWS allows ${TAG_RULES.maxPerResource} per resource, so at most ${MAX_DEFAULT_TAGS} default tags including the platform's ${Object.keys(platformTags).length} (one is kept for Name)`,
  );
  return merged;
}
