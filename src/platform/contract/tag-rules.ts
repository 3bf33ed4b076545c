/**
 * AWS tag limits (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html), stated once:
 * the resolver checks the `tags` options against them and words its errors from them.
 */
export const TAG_RULES = {
  /** Tags a resource can carry, ours and the `Name` tag included. */
  maxPerResource: 50,
  /** Tags some resources carry besides the default tags (`Name`). */
  resourceOwnTags: 1,
  keyMinLength: 1,
  keyMaxLength: 128,
  valueMaxLength: 256,
  /** Unicode letters, separators and digits, and `_ . : / = + - @` (needs the `u` flag). */
  characters: '^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$',
  charactersExpected: 'letters, digits, spaces and _ . : / = + - @',
  /** Keys AWS keeps for itself. */
  reservedPrefix: 'aws:',
} as const;

/** The tags every resource gets from the platform; options cannot replace them (IAM conditions read them). */
export const PLATFORM_TAG_KEYS = ['project', 'environment', 'managed-by'] as const;

/** Whether a tag key or value uses only the characters AWS allows. */
export function hasAllowedTagCharacters(text: string): boolean {
  return new RegExp(TAG_RULES.characters, 'u').test(text);
}

/** Why a tag key is not allowed, or undefined when it is. */
export function tagKeyProblem(key: string): string | undefined {
  if (key.length < TAG_RULES.keyMinLength || key.length > TAG_RULES.keyMaxLength) {
    return `is not a tag key AWS allows; expected ${TAG_RULES.keyMinLength} to ${TAG_RULES.keyMaxLength} characters`;
  }
  if (!hasAllowedTagCharacters(key)) {
    return `is not a tag key AWS allows; expected ${TAG_RULES.charactersExpected}`;
  }
  if (key.toLowerCase().startsWith(TAG_RULES.reservedPrefix)) {
    return `is not a tag key AWS allows; the "${TAG_RULES.reservedPrefix}" prefix is reserved for AWS`;
  }
  if ((PLATFORM_TAG_KEYS as readonly string[]).includes(key)) {
    return `is set by the platform on every resource; expected another key (${PLATFORM_TAG_KEYS.join(', ')} are reserved)`;
  }
  return undefined;
}

/** Why a tag value is not allowed, or undefined when it is. */
export function tagValueProblem(value: string): string | undefined {
  if (value.length > TAG_RULES.valueMaxLength) {
    return `is not a tag value AWS allows; expected at most ${TAG_RULES.valueMaxLength} characters`;
  }
  if (!hasAllowedTagCharacters(value)) {
    return `is not a tag value AWS allows; expected ${TAG_RULES.charactersExpected}`;
  }
  return undefined;
}

/** How many default tags an environment may have: the AWS limit less the tags resources add themselves. */
export const MAX_DEFAULT_TAGS = TAG_RULES.maxPerResource - TAG_RULES.resourceOwnTags;
