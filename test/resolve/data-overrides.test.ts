import { DatabaseKind, EnvironmentPreset } from '../../src/options';
import { resolvePlatformConfig } from '../../src/resolve/resolve';
import { onlyResource, synthEnvironment } from '../platform/support/synth';

const DATA = {
  databases: [{ name: 'main', kind: DatabaseKind.AURORA_SERVERLESS, maxCapacity: 8, attachTo: ['api'] }, { name: 'audit', attachTo: ['api'] }],
  caches: [{ name: 'sessions', attachTo: ['api'] }],
};

function resolveWith(environments: object[]) {
  return resolvePlatformConfig({ name: 'shop', services: [{ name: 'api' }], data: DATA, loadBalancer: { allowPlainHttp: 'a test of data settings' }, environments } as any);
}

function problemsWith(environments: object[]): string[] {
  try {
    resolveWith(environments);
    return [];
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
}

describe('environments[].databaseOverrides and cacheOverrides', () => {
  const config = resolveWith([
    { name: 'dev' },
    {
      name: 'prod',
      preset: EnvironmentPreset.PRODUCTION,
      databaseOverrides: { main: { maxCapacity: 64, minCapacity: 2 }, audit: { instanceClass: 'db.r7g.large', allocatedStorageGiB: 200 } },
      cacheOverrides: { sessions: { maxEcpuPerSecond: 50000, snapshotRetentionDays: 14 } },
    },
  ]);
  const [dev, prod] = config.environments.map((env) => env.data!);

  test('an override sets the database\'s settings in that environment only', () => {
    expect([dev.databases[0].maxCapacity, dev.databases[0].minCapacity]).toEqual([8, 0.5]);
    expect([prod.databases[0].maxCapacity, prod.databases[0].minCapacity]).toEqual([64, 2]);
    expect([dev.databases[1].instanceClass, prod.databases[1].instanceClass]).toEqual(['db.t4g.micro', 'db.r7g.large']);
    expect(prod.databases[1].allocatedStorageGiB).toBe(200);
  });

  test('what an override does not set keeps the database\'s own value and the preset\'s defaults', () => {
    expect(prod.databases[1]).toEqual(expect.objectContaining({ multiAz: true, backupRetentionDays: 14, deletionProtection: true }));
  });

  test('an override sets the cache\'s settings in that environment only', () => {
    expect([dev.caches[0].maxEcpuPerSecond, prod.caches[0].maxEcpuPerSecond]).toEqual([undefined, 50000]);
    expect(prod.caches[0].snapshotRetentionDays).toBe(14);
  });

  test('a bad overridden value is reported at the override\'s path', () => {
    expect(problemsWith([{ name: 'dev', databaseOverrides: { main: { maxCapacity: 1000 } } }])).toEqual([
      expect.stringMatching(/^environments\[0\]\.databaseOverrides\.main\.maxCapacity: 1000 /),
    ]);
  });

  test('an override of a database or cache that does not exist is reported with the names there are', () => {
    expect(problemsWith([{ name: 'dev', databaseOverrides: { mian: { maxCapacity: 16 } }, cacheOverrides: { session: {} } }])).toEqual([
      'environments[0].databaseOverrides.mian: "mian" is not an entry of data.databases; expected one of main, audit',
      'environments[0].cacheOverrides.session: "session" is not an entry of data.caches; expected one of sessions',
    ]);
  });

  test('only the settings that may differ between environments can be overridden', () => {
    expect(problemsWith([{ name: 'dev', databaseOverrides: { main: { engine: 'mysql' } } }])).toEqual([
      expect.stringMatching(/^environments\[0\]\.databaseOverrides\.main\.engine: "mysql" is not an option/),
    ]);
  });
});

describe('the synthesized data stacks', () => {
  const config = resolveWith([{ name: 'dev' }, { name: 'prod', databaseOverrides: { main: { maxCapacity: 64 } } }]);
  const stacks = [synthEnvironment(config, 0).data!, synthEnvironment(config, 1).data!];

  test('each environment\'s data stack has its own settings', () => {
    const capacities = stacks.map((stack) => onlyResource(stack, 'aws_rds_cluster').serverlessv2_scaling_configuration);
    expect(capacities).toEqual([{ min_capacity: 0.5, max_capacity: 8 }, { min_capacity: 0.5, max_capacity: 64 }]);
  });
});
