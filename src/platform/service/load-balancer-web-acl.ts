import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import { WebAcl } from './web-acl';
import type { WebAclConfig } from '../contract/observability-config';

/** Properties of {@link LoadBalancerWebAcl}. */
export interface LoadBalancerWebAclProps {
  readonly config: WebAclConfig;
  /** The load balancer to protect. */
  readonly loadBalancerArn: string;
  /** The cluster stack's KMS key, whose policy admits the web ACL's log group. */
  readonly kmsKeyArn: string;
}

/** The load balancer's web ACL (created, or an existing one) and its association with the load balancer. */
export class LoadBalancerWebAcl extends Construct {
  /** The created web ACL; unset with an existing one. */
  public readonly webAcl?: WebAcl;
  public readonly association: Wafv2WebAclAssociation;

  constructor(scope: Construct, id: string, props: LoadBalancerWebAclProps) {
    super(scope, id);
    const { config } = props;
    let webAclArn: string;
    if (config.kind === 'created') {
      this.webAcl = new WebAcl(this, 'web_acl', { config, scope: 'REGIONAL', kmsKeyArn: props.kmsKeyArn });
      webAclArn = this.webAcl.webAcl.arn;
    } else {
      webAclArn = config.arn;
    }
    this.association = new Wafv2WebAclAssociation(this, 'association', { resourceArn: props.loadBalancerArn, webAclArn });
  }
}
