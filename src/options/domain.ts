/**
 * The DNS domain of the project: a Route 53 public hosted zone, the environments' names in it,
 * and the DNS-validated certificates of their load balancers and static sites.
 */
export interface DomainOptions {
  /**
   * Name of the hosted zone, e.g. "example.com". The production environments serve its apex, the
   * others a subdomain named after them (`dev.example.com`), unless `environments[].domainName` says otherwise.
   */
  readonly zoneName: string;

  /**
   * Id of the existing public hosted zone of `zoneName`, e.g. "Z0123456789ABCDEFGHIJ". Environments on
   * its apex write their records into it; environments on a subdomain get a zone of their own,
   * delegated from it by NS records.
   * @default - none: set `create` instead
   */
  readonly zoneId?: string;

  /**
   * Create the hosted zone of `zoneName` in the stack of the environment serving its apex; its name
   * servers are a stack output (`name_servers`) to enter at the registrar. Subdomain environments
   * need the zone's id for their delegation: set `zoneId` to the `hosted_zone_id` output once it exists.
   * @default false
   */
  readonly create?: boolean;

  /**
   * Account holding the hosted zone of `zoneName` (12 digits). Environments in other accounts write
   * their NS delegation records through `delegationRoleArn`.
   * @default - the account of every environment (one account)
   */
  readonly zoneAccount?: string;

  /**
   * Role in `zoneAccount` that environments in other accounts assume to write the NS records of their
   * subdomain into the zone (route53:ChangeResourceRecordSets on that zone, NS records of their names only).
   * @default - none: every environment is in the zone's account
   */
  readonly delegationRoleArn?: string;
}
