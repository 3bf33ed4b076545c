import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { DnsCertificateConfig, validationNames } from '../contract/domain';

/** Properties of {@link DnsCertificate}. */
export interface DnsCertificateProps {
  readonly config: DnsCertificateConfig;
  /** Zone of the validation records. */
  readonly zoneId: string;
  /** Provider of the certificate, e.g. the us-east-1 one for CloudFront; the stack's by default. */
  readonly provider?: AwsProvider;
}

/**
 * An ACM certificate validated by DNS: one CNAME record per name to validate (a wildcard shares its
 * base name's record), then `aws_acm_certificate_validation`, which waits until ACM issued it. Use
 * {@link certificateArn}: it is known only once the certificate is valid, so listeners and
 * distributions never reference a pending certificate.
 *
 * The records are addressed by name rather than with `for_each` over `domain_validation_options`,
 * so that the plan knows every record before the certificate exists.
 */
export class DnsCertificate extends Construct {
  public readonly certificate: AcmCertificate;
  /** Validation records by certificate name. */
  public readonly validationRecords: Record<string, Route53Record>;
  public readonly validation: AcmCertificateValidation;

  constructor(scope: Construct, id: string, props: DnsCertificateProps) {
    super(scope, id);
    const { config } = props;
    const provider = props.provider ? { provider: props.provider } : {};
    this.certificate = new AcmCertificate(this, 'certificate', {
      domainName: config.domainName,
      subjectAlternativeNames: config.subjectAlternativeNames,
      validationMethod: 'DNS',
      tags: { Name: config.domainName },
      // A listener or distribution always has a certificate to serve while a new one replaces it.
      lifecycle: { createBeforeDestroy: true },
      ...provider,
    });
    this.validationRecords = Object.fromEntries(validationNames(config).map((name, i) => [name, new Route53Record(this, `validation_${i}`, {
      zoneId: props.zoneId,
      name: this.validationAttribute(name, 'resource_record_name'),
      type: this.validationAttribute(name, 'resource_record_type'),
      records: [this.validationAttribute(name, 'resource_record_value')],
      ttl: 60,
      // Another certificate of the same name (e.g. a replacement) validates through the same record.
      allowOverwrite: true,
    })]));
    this.validation = new AcmCertificateValidation(this, 'validation', {
      certificateArn: this.certificate.arn,
      validationRecordFqdns: Object.values(this.validationRecords).map((record) => record.fqdn),
      ...provider,
    });
  }

  /** ARN of the issued certificate (after validation). */
  public get certificateArn(): string {
    return this.validation.certificateArn;
  }

  /** One attribute of the validation option of a certificate name. */
  private validationAttribute(name: string, attribute: string): string {
    return `\${one([for option in ${this.certificate.fqn}.domain_validation_options : option.${attribute} if option.domain_name == ${JSON.stringify(name)}])}`;
  }
}
