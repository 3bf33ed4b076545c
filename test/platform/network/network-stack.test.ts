import { DEFAULT_CONFIG, VARIANTS, withEnvironment } from '../support/configs';
import { bodiesOf, instancesOf, onlyResource, parsePolicy, refTo, refToInstance, statementWithSid, synthEnvironment } from '../support/synth';

const { network } = synthEnvironment(DEFAULT_CONFIG);
const vpc = onlyResource(network, 'aws_vpc');
const vpcId = refTo(network, 'aws_vpc', vpc, 'id');
const subnetInstances = instancesOf(network, 'aws_subnet');
const subnets = subnetInstances.map((instance) => instance.body);
const publicSubnets = subnetInstances.filter((subnet) => subnet.body.tags.Name.includes('-public-'));
const privateSubnets = subnetInstances.filter((subnet) => subnet.body.tags.Name.includes('-private-'));

describe('network stack', () => {
  test('the VPC has the configured CIDR with DNS support and hostnames', () => {
    expect(vpc).toMatchObject({ cidr_block: '10.0.0.0/16', enable_dns_support: true, enable_dns_hostnames: true });
  });

  test('the default security group is managed without any rule', () => {
    const defaultGroup = onlyResource(network, 'aws_default_security_group');
    expect(defaultGroup.vpc_id).toBe(vpcId);
    expect(defaultGroup.ingress).toBeUndefined();
    expect(defaultGroup.egress).toBeUndefined();
  });

  test('there is one public and one private subnet per availability zone, with the configured CIDRs', () => {
    expect(publicSubnets.map((s) => [s.body.availability_zone, s.body.cidr_block])).toEqual([['us-east-1a', '10.0.0.0/20'], ['us-east-1b', '10.0.16.0/20']]);
    expect(privateSubnets.map((s) => [s.body.availability_zone, s.body.cidr_block])).toEqual([['us-east-1a', '10.0.128.0/20'], ['us-east-1b', '10.0.144.0/20']]);
  });

  test('no subnet hands out public IPs on launch', () => {
    expect(subnets.map((subnet) => subnet.map_public_ip_on_launch)).toEqual([false, false, false, false]);
  });

  test('the public route table sends 0.0.0.0/0 to the internet gateway', () => {
    const publicTable = bodiesOf(network, 'aws_route_table').find((table) => table.tags.Name === 'orders-dev-public')!;
    const route = bodiesOf(network, 'aws_route').find((r) => r.route_table_id === refTo(network, 'aws_route_table', publicTable, 'id'));
    expect(route).toMatchObject({
      destination_cidr_block: '0.0.0.0/0',
      gateway_id: refTo(network, 'aws_internet_gateway', onlyResource(network, 'aws_internet_gateway'), 'id'),
    });
  });

  test('every subnet is associated with a route table: public ones with the public table, private ones with their own', () => {
    const associations = instancesOf(network, 'aws_route_table_association').map((instance) => instance.body);
    const tables = instancesOf(network, 'aws_route_table');
    const tableNameOf = (subnet: (typeof subnetInstances)[number]) => {
      const association = associations.find((a) => a.subnet_id === refToInstance(subnet, 'id'))!;
      return tables.find((table) => refToInstance(table, 'id') === association.route_table_id)!.body.tags.Name;
    };
    expect(publicSubnets.map(tableNameOf)).toEqual(['orders-dev-public', 'orders-dev-public']);
    expect(privateSubnets.map(tableNameOf)).toEqual(['orders-dev-private-us-east-1a', 'orders-dev-private-us-east-1b']);
  });

  test('a single NAT gateway in the first public subnet serves every private route table', () => {
    const [nat, ...others] = instancesOf(network, 'aws_nat_gateway');
    expect(others).toEqual([]);
    expect(nat.body.subnet_id).toBe(refToInstance(publicSubnets[0], 'id'));
    const [eip] = instancesOf(network, 'aws_eip');
    expect(nat.body.allocation_id).toBe(refToInstance(eip, 'allocation_id'));
    const natRoutes = instancesOf(network, 'aws_route').map((route) => route.body).filter((route) => route.nat_gateway_id !== undefined);
    const privateTables = instancesOf(network, 'aws_route_table').filter((table) => table.body.tags.Name.includes('-private-'));
    expect(natRoutes.map((route) => [route.route_table_id, route.destination_cidr_block, route.nat_gateway_id])).toEqual(
      privateTables.map((table) => [refToInstance(table, 'id'), '0.0.0.0/0', refToInstance(nat, 'id')]),
    );
  });

  test('per-az NAT puts one gateway in each zone\'s public subnet and routes each zone to its own', () => {
    const perAz = synthEnvironment(VARIANTS.natPerAz).network;
    const gateways = instancesOf(perAz, 'aws_nat_gateway');
    const perAzPublic = instancesOf(perAz, 'aws_subnet').filter((subnet) => subnet.body.tags.Name.includes('-public-'));
    expect(gateways.map((nat) => nat.body.subnet_id)).toEqual(perAzPublic.map((subnet) => refToInstance(subnet, 'id')));
    expect(instancesOf(perAz, 'aws_eip')).toHaveLength(2);
    const routedTo = instancesOf(perAz, 'aws_route').map((route) => route.body).filter((route) => route.nat_gateway_id).map((route) => route.nat_gateway_id);
    expect(routedTo).toEqual(gateways.map((nat) => refToInstance(nat, 'id')));
  });

  test('without NAT there are no gateways, no elastic IPs and no default route from private subnets', () => {
    const none = synthEnvironment(VARIANTS.natNone).network;
    expect(bodiesOf(none, 'aws_nat_gateway')).toEqual([]);
    expect(bodiesOf(none, 'aws_eip')).toEqual([]);
    expect(bodiesOf(none, 'aws_route').map((route) => route.gateway_id)).toEqual([expect.stringContaining('aws_internet_gateway.')]);
  });

  test('flow logs capture ALL traffic of the VPC into the flow log group', () => {
    const flowLog = onlyResource(network, 'aws_flow_log');
    expect(flowLog).toMatchObject({
      vpc_id: vpcId,
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
      log_destination: refTo(network, 'aws_cloudwatch_log_group', onlyResource(network, 'aws_cloudwatch_log_group'), 'arn'),
    });
  });

  test('the flow log group keeps logs for the configured retention, encrypted with its own rotating KMS key', () => {
    const key = onlyResource(network, 'aws_kms_key');
    expect(key.enable_key_rotation).toBe(true);
    expect(onlyResource(network, 'aws_cloudwatch_log_group')).toMatchObject({
      name: '/vpc/orders-dev/flow-logs',
      retention_in_days: 30,
      kms_key_id: refTo(network, 'aws_kms_key', key, 'arn'),
    });
  });

  test('the flow log key lets CloudWatch Logs use it only for the flow log group', () => {
    const policy = onlyResource(network, 'aws_kms_key').policy;
    expect(statementWithSid(policy, 'CloudWatchLogsEncryptsTheseLogGroups')).toMatchObject({
      Principal: { Service: 'logs.us-east-1.amazonaws.com' },
      Condition: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': ['arn:aws:logs:us-east-1:${local.account_id}:log-group:/vpc/orders-dev/flow-logs'] },
      },
    });
    expect(statementWithSid(policy, 'AccountAdministersKeyThroughIam').Principal).toEqual({ AWS: 'arn:aws:iam::${local.account_id}:root' });
  });

  test('the flow log role trusts only VPC Flow Logs acting for this account', () => {
    const trust = parsePolicy(onlyResource(network, 'aws_iam_role').assume_role_policy);
    expect(trust.Statement).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '${local.account_id}' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:ec2:us-east-1:${local.account_id}:vpc-flow-log/*' },
      },
    }]);
  });

  test('the flow log role may write only to the flow log group', () => {
    const policy = parsePolicy(onlyResource(network, 'aws_iam_role_policy').policy);
    const group = 'arn:aws:logs:us-east-1:${local.account_id}:log-group:/vpc/orders-dev/flow-logs';
    expect(policy.Statement).toEqual([expect.objectContaining({ Effect: 'Allow', Resource: [group, `${group}:*`] })]);
  });

  test('without flow logs there is no flow log, key, log group or role', () => {
    const withoutFlowLogs = synthEnvironment(withEnvironment((env) => ({ network: { ...env.network, flowLogs: false } }))).network;
    for (const type of ['aws_flow_log', 'aws_kms_key', 'aws_cloudwatch_log_group', 'aws_iam_role']) {
      expect(bodiesOf(withoutFlowLogs, type)).toEqual([]);
    }
  });

  test('outputs the VPC, zones and subnets under fixed names', () => {
    expect(network.output).toEqual({
      vpc_id: expect.objectContaining({ value: vpcId }),
      vpc_cidr: expect.objectContaining({ value: refTo(network, 'aws_vpc', vpc, 'cidr_block') }),
      availability_zones: expect.objectContaining({ value: ['us-east-1a', 'us-east-1b'] }),
      public_subnet_ids: expect.objectContaining({ value: `\${${publicSubnets[0].address.replace(/\[0\]$/, '')}[*].id}` }),
      private_subnet_ids: expect.objectContaining({ value: `\${${privateSubnets[0].address.replace(/\[0\]$/, '')}[*].id}` }),
      // For the environment's dashboard.
      nat_gateway_ids: expect.objectContaining({ value: expect.stringMatching(/^\$\{aws_nat_gateway\..*\[\*\]\.id\}$/) }),
    });
  });
});
