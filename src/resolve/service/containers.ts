import { checkCommand, checkVariableNames, sortedRecord } from './container-settings';
import type { ServiceOptions } from '../../options';
import type { ReverseProxyConfig, SidecarConfig } from '../../platform/contract/config';
import { REVERSE_PROXY_CONTAINER } from '../../platform/contract/containers';
import { matchesText, PORT, SERVICE_RULES, textRuleReason, TEXT_RULES } from '../../platform/contract/rules';
import { DEFAULTS } from '../defaults';
import type { OptionProblems } from '../problems';

/** The nginx reverse proxy in front of the application, on a port of its own. */
export function resolveReverseProxy(
  service: ServiceOptions,
  containerPort: number,
  path: string,
  problems: OptionProblems,
): ReverseProxyConfig | undefined {
  if (service.reverseProxy === undefined) {
    return undefined;
  }
  const reverseProxy = {
    image: service.reverseProxy.image ?? DEFAULTS.reverseProxyImage,
    port: service.reverseProxy.port ?? DEFAULTS.reverseProxyPort,
  };
  if (problems.checkRange(`${path}.reverseProxy.port`, reverseProxy.port, PORT)) {
    problems.check(reverseProxy.port !== containerPort, `${path}.reverseProxy.port`, reverseProxy.port, `is the application's port too; expected a port other than ${containerPort}`);
  }
  return reverseProxy;
}

/** The sidecar containers: unique names and ports within the task, valid variables and commands. */
export function resolveSidecars(
  service: ServiceOptions,
  serviceName: string,
  path: string,
  takenPorts: number[],
  problems: OptionProblems,
): SidecarConfig[] {
  const names = new Set([serviceName, ...(service.reverseProxy ? [REVERSE_PROXY_CONTAINER] : [])]);
  const ports = new Set(takenPorts);
  return (service.sidecars ?? []).map((sidecar, i) => {
    const sidecarPath = `${path}.sidecars[${i}]`;
    if (problems.check(matchesText(TEXT_RULES.serviceName, sidecar.name ?? ''), `${sidecarPath}.name`, sidecar.name, textRuleReason(TEXT_RULES.serviceName))) {
      problems.check(!names.has(sidecar.name), `${sidecarPath}.name`, sidecar.name, 'is the name of another container of the task; container names must be unique');
    }
    names.add(sidecar.name);
    problems.check(/^\S+$/.test(sidecar.image ?? ''), `${sidecarPath}.image`, sidecar.image, 'is not an image reference; expected e.g. "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"');
    if (sidecar.containerPort !== undefined && problems.checkRange(`${sidecarPath}.containerPort`, sidecar.containerPort, PORT)) {
      problems.check(!ports.has(sidecar.containerPort), `${sidecarPath}.containerPort`, sidecar.containerPort, 'is used by another container of the task; containers share the task\'s network namespace');
      ports.add(sidecar.containerPort);
    }
    const environment = sidecar.environment ?? {};
    checkVariableNames(Object.keys(environment), `${sidecarPath}.environment`, problems);
    checkCommand(sidecar.command, `${sidecarPath}.command`, problems);
    if (sidecar.cpu !== undefined) problems.checkRange(`${sidecarPath}.cpu`, sidecar.cpu, SERVICE_RULES.sidecarCpu);
    if (sidecar.memoryMiB !== undefined) problems.checkRange(`${sidecarPath}.memoryMiB`, sidecar.memoryMiB, SERVICE_RULES.sidecarMemoryMiB);
    return {
      name: sidecar.name,
      image: sidecar.image,
      ...(sidecar.containerPort !== undefined ? { containerPort: sidecar.containerPort } : {}),
      essential: sidecar.essential ?? false,
      environment: sortedRecord(environment),
      ...(sidecar.command !== undefined ? { command: [...sidecar.command] } : {}),
      ...(sidecar.cpu !== undefined ? { cpu: sidecar.cpu } : {}),
      ...(sidecar.memoryMiB !== undefined ? { memoryMiB: sidecar.memoryMiB } : {}),
    };
  });
}
