import { EnvironmentPreset } from '../../../src/options';
import { configOf, ConfigOptions } from '../support/configs';

/** Id of the existing hosted zone of example.com in the domain configurations. */
export const ZONE_ID = 'Z0123456789ABCDEFGHIJ';

/**
 * Project `orders` on example.com (an existing zone): dev on dev.example.com (its own zone, delegated
 * in the same account), prod on the apex; `orders` takes the default route, `billing` has a host name.
 */
export function domainOptions(extra: ConfigOptions = {}): ConfigOptions {
  return {
    domain: { zoneName: 'example.com', zoneId: ZONE_ID },
    services: [{ name: 'orders' }, { name: 'billing', hostnames: ['billing'] }],
    environments: [{ name: 'dev' }, { name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
    ...extra,
  };
}

/** {@link domainOptions}, resolved. */
export const DOMAIN_CONFIG = configOf(domainOptions());
