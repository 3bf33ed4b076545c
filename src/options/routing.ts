/**
 * How the load balancer routes to a service besides the default route.
 */
export interface ServiceRoutingOptions {
  /**
   * Host names routed to the service, e.g. ["api.example.com"] (wildcards allowed).
   * @default []
   */
  readonly hostHeaders?: string[];

  /**
   * Path patterns routed to the service, e.g. ["/api/*"].
   * @default - ["/<service>","/<service>/*"] unless host headers are set
   */
  readonly pathPatterns?: string[];

  /**
   * Priority of the listener rule (1 to 50000, lower wins, unique per load balancer).
   * @default - 100 plus the service's position
   */
  readonly priority?: number;
}
