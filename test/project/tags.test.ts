import { generatedConfig, problemsOf, synthProject } from './support';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

const OURS = { 'project': 'orders', 'managed-by': 'projen-cdktf-ecs' };

test('project and environment tags merge under the platform tags into each environment\'s default tags', () => {
  const config = resolvePlatformConfig({
    name: 'orders',
    tags: { 'team': 'payments', 'cost-center': 'cc-1' },
    environments: [{ name: 'dev' }, { name: 'prod', tags: { 'cost-center': 'cc-2', 'tier': 'critical' } }],
  });
  expect(config.environments[0].tags).toEqual({ ...OURS, 'environment': 'dev', 'team': 'payments', 'cost-center': 'cc-1' });
  expect(config.environments[1].tags).toEqual({ ...OURS, 'environment': 'prod', 'team': 'payments', 'cost-center': 'cc-2', 'tier': 'critical' });
});

test('the tags reach the provider\'s default tags through the generated configuration and are listed in docs/SERVICE.md', () => {
  const files = synthProject({ tags: { team: 'payments' } });
  expect(generatedConfig(files).environments[0].tags).toEqual({ ...OURS, environment: 'dev', team: 'payments' });
  expect(files['docs/SERVICE.md']).toContain('| dev | `environment=dev`, `managed-by=projen-cdktf-ecs`, `project=orders`, `team=payments` |');
});

test.each<[string, Parameters<typeof problemsOf>[0], string]>([
  ['aws: prefix', { tags: { 'aws:team': 'x' } }, 'tags["aws:team"]: "aws:team" is not a tag key AWS allows; the "aws:" prefix is reserved for AWS'],
  ['AWS: prefix in any case', { tags: { 'AWS:team': 'x' } }, 'tags["AWS:team"]: "AWS:team" is not a tag key AWS allows; the "aws:" prefix is reserved for AWS'],
  ['key too long', { tags: { ['k'.repeat(129)]: 'x' } }, `tags.${'k'.repeat(129)}: "${'k'.repeat(129)}" is not a tag key AWS allows; expected 1 to 128 characters`],
  ['empty key', { tags: { '': 'x' } }, 'tags[""]: "" is not a tag key AWS allows; expected 1 to 128 characters'],
  ['key character', { tags: { 'team!': 'x' } }, 'tags["team!"]: "team!" is not a tag key AWS allows; expected letters, digits, spaces and _ . : / = + - @'],
  ['value too long', { tags: { team: 'v'.repeat(257) } }, `tags.team: "${'v'.repeat(257)}" is not a tag value AWS allows; expected at most 256 characters`],
  ['value character', { tags: { team: 'a,b' } }, 'tags.team: "a,b" is not a tag value AWS allows; expected letters, digits, spaces and _ . : / = + - @'],
  ['platform key', { tags: { project: 'other' } }, 'tags.project: "project" is set by the platform on every resource; expected another key (project, environment, managed-by are reserved)'],
  ['environment tag', { environments: [{ name: 'dev', tags: { 'aws:x': 'y' } }] }, 'environments[0].tags["aws:x"]: "aws:x" is not a tag key AWS allows'],
])('%s is one line', (_name, options, line) => {
  const problems = problemsOf(options);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain(line);
});

test('letters of any script, spaces and the allowed signs pass', () => {
  expect(problemsOf({ tags: { 'équipe projet': 'paiements_2024:eu/1=+-@.', 'チーム': '決済' } })).toEqual([]);
});

test('more than 49 default tags with ours is one line naming the environment path and the limit', () => {
  const tags = Object.fromEntries(Array.from({ length: 46 }, (_, index) => [`tag${index}`, 'x']));
  expect(problemsOf({ tags: { ...tags, extra: 'x' } })).toEqual([
    'environments[0].tags: "50 tags" are too many; AWS allows 50 per resource, so at most 49 default tags including the platform\'s 3 (one is kept for Name)',
  ]);
  expect(problemsOf({ tags })).toEqual([]);
});
