import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { clusterModule } from './cluster-module';
import { moduleApp } from './module-stack';
import { networkModule } from './network-module';
import { serviceModule } from './service-module';

const outdir = process.argv[2] ?? 'terraform-modules';
const app = moduleApp();
const network = networkModule(app);
const cluster = clusterModule(app, network.stack);
const modules = { network: network.files, cluster: cluster.files, service: serviceModule(app, network.stack, cluster.stack) };
for (const [name, files] of Object.entries(modules)) {
  mkdirSync(join(outdir, name), { recursive: true });
  for (const [file, json] of Object.entries(files)) {
    writeFileSync(join(outdir, name, file), `${JSON.stringify(json, undefined, 2)}\n`);
  }
}
