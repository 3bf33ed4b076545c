/**
 * Names and ports of a service task's containers, shared by the constructs and by whatever outside
 * the platform (the resolver, the workflow components) refers to a container.
 */
import type { ServiceConfig } from './config';

/** Name of the reverse proxy's container in the task. */
export const REVERSE_PROXY_CONTAINER = 'reverse-proxy';

/** Name of the container the load balancer sends traffic to. */
export function trafficContainer(service: ServiceConfig): string {
  return service.reverseProxy ? REVERSE_PROXY_CONTAINER : service.name;
}

/** Port of the container the load balancer sends traffic to. */
export function trafficPort(service: ServiceConfig): number {
  return service.reverseProxy?.port ?? service.containerPort;
}
