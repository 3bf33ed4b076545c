import { Draft } from './draft';
import { Manifest } from './manifest';
import { mapCount } from './service';

/** The service settings an environment can override for every service at once. */
const ENVIRONMENT_WIDE = ['desiredCount', 'minCapacity', 'maxCapacity', 'capacityProviderStrategy'];

/** The Copilot `count` field behind each service option that environments cannot override. */
const COUNT_FIELDS: Record<string, string> = {
  targetCpuUtilization: 'cpu_percentage',
  targetMemoryUtilization: 'memory_percentage',
  targetRequestsPerTask: 'requests',
};

/**
 * Maps a service manifest's `environments.<env>` overrides. Our environments override task counts
 * for all their services at once, so counts carry over when the application has one service; every
 * other override is reported.
 */
export function mapServiceOverrides(manifest: Manifest, environments: Draft[], onlyService: boolean): void {
  for (const name of manifest.keys('environments')) {
    const prefix = `environments.${name}`;
    const environment = environments.find((env) => env.name === name);
    if (environment === undefined) {
      manifest.explainRest(prefix, 'overrides an environment without a manifest in copilot/environments/');
      continue;
    }
    if (onlyService && manifest.peek(`${prefix}.count`) !== undefined) {
      const counts: Draft = {};
      mapCount(manifest, `${prefix}.`, counts);
      for (const [key, value] of Object.entries(counts)) {
        if (ENVIRONMENT_WIDE.includes(key)) {
          environment[key] = value;
        } else {
          manifest.report(`${prefix}.count.${COUNT_FIELDS[key]}`, `sets services[].${key}, which environments cannot override`);
        }
      }
    }
    manifest.explainRest(prefix, 'is a per-environment service setting; only task counts of a single-service application carry over');
  }
}
