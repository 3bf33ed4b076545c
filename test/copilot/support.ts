import { join } from 'path';
import { CopilotImport, importCopilot } from '../../src/copilot/application';

/** The `copilot/` directory of a fixture application under test/copilot/fixtures/. */
export function fixtureDir(application: string): string {
  return join(__dirname, 'fixtures', application, 'copilot');
}

/** "shop": two environments in two accounts, three services, a job, a static site, addons, a pipeline. */
export function importShop(): CopilotImport {
  return importCopilot({ copilotDir: fixtureDir('shop'), region: 'eu-west-1', accounts: { test: '111111111111', prod: '222222222222' } });
}

/** "hello": one environment, one Load Balanced Web Service. */
export function importHello(): CopilotImport {
  return importCopilot({ copilotDir: fixtureDir('hello') });
}

/** The imported options as the project type receives them (enum members as their values). */
export function plainOptions(result: CopilotImport): any {
  return JSON.parse(JSON.stringify(result.options));
}
