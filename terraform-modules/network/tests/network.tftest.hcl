# Applies the network module against a mocked AWS provider and checks the topology the
# availability_zones, subnet and nat_gateways variables produce.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
  }
  # The provider checks these attributes are ARNs where other resources refer to them.
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/mock" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:mock" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-4000-8000-000000000000" }
  }
}

variables {
  project            = "orders"
  environment        = "dev"
  account_id         = "123456789012"
  availability_zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

run "single_nat_gateway_by_default" {
  command = apply

  assert {
    condition     = aws_vpc.vpc_network_vpc_789260E6.cidr_block == "10.0.0.0/16"
    error_message = "The VPC does not have the default CIDR block."
  }
  assert {
    condition     = aws_subnet.vpc_network_public_subnets_BA270857[*].cidr_block == ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"]
    error_message = "Public subnets do not take the first sixteenths of the VPC."
  }
  assert {
    condition     = aws_subnet.vpc_network_private_subnets_8F03B6C8[*].cidr_block == ["10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"]
    error_message = "Private subnets do not start at the ninth sixteenth of the VPC."
  }
  assert {
    condition     = tolist(aws_subnet.vpc_network_private_subnets_8F03B6C8[*].availability_zone) == var.availability_zones
    error_message = "Private subnets are not one per zone, in zone order."
  }
  assert {
    condition     = length(aws_nat_gateway.vpc_network_nat_gateways_6A191935) == 1 && aws_nat_gateway.vpc_network_nat_gateways_6A191935[0].subnet_id == aws_subnet.vpc_network_public_subnets_BA270857[0].id
    error_message = "There is not exactly one NAT gateway, in the first public subnet."
  }
  assert {
    condition     = toset(aws_route.vpc_network_private_default_routes_066A2FCC[*].nat_gateway_id) == toset([aws_nat_gateway.vpc_network_nat_gateways_6A191935[0].id]) && length(aws_route.vpc_network_private_default_routes_066A2FCC) == 3
    error_message = "Not every private route table routes to the single NAT gateway."
  }
  assert {
    condition     = length(aws_vpc_endpoint.vpc_network_endpoints_interface_endpoints_000A2F72) == 0 && length(aws_vpc_endpoint.vpc_network_endpoints_endpoint_s3_468808C5) == 0
    error_message = "A network with NAT has VPC endpoints it did not ask for."
  }
  assert {
    condition     = aws_cloudwatch_log_group.vpc_network_flow_logs_log_group_6CEBEC97.retention_in_days == 30
    error_message = "Flow logs do not keep the default 30 days."
  }
  assert {
    condition     = length(output.public_subnet_ids) == 3 && length(output.private_subnet_ids) == 3 && tolist(output.availability_zones) == var.availability_zones
    error_message = "The outputs do not list one subnet per zone."
  }
}

run "nat_gateway_per_zone" {
  command = apply

  variables {
    nat_gateways = "per-az"
  }

  assert {
    condition     = aws_nat_gateway.vpc_network_nat_gateways_6A191935[*].subnet_id == aws_subnet.vpc_network_public_subnets_BA270857[*].id
    error_message = "There is not one NAT gateway in each public subnet."
  }
  assert {
    condition     = aws_route.vpc_network_private_default_routes_066A2FCC[*].nat_gateway_id == aws_nat_gateway.vpc_network_nat_gateways_6A191935[*].id
    error_message = "Private route tables do not route to their own zone's NAT gateway."
  }
}

run "no_nat_gateway_uses_vpc_endpoints" {
  command = apply

  variables {
    nat_gateways = "none"
  }

  assert {
    condition     = length(aws_nat_gateway.vpc_network_nat_gateways_6A191935) == 0 && length(aws_eip.vpc_network_nat_elastic_ips_BE6D3928) == 0 && length(aws_route.vpc_network_private_default_routes_066A2FCC) == 0
    error_message = "A network without NAT has NAT gateways, addresses or default routes."
  }
  assert {
    condition     = keys(aws_vpc_endpoint.vpc_network_endpoints_interface_endpoints_000A2F72) == ["ecr.api", "ecr.dkr", "logs"]
    error_message = "Without NAT the ECR and logs interface endpoints are missing."
  }
  assert {
    condition     = aws_vpc_endpoint.vpc_network_endpoints_interface_endpoints_000A2F72["logs"].service_name == "com.amazonaws.eu-west-1.logs" && aws_vpc_endpoint.vpc_network_endpoints_interface_endpoints_000A2F72["logs"].private_dns_enabled
    error_message = "Interface endpoints do not use the provider's region or lack private DNS."
  }
  assert {
    condition     = aws_vpc_endpoint.vpc_network_endpoints_endpoint_s3_468808C5[0].vpc_endpoint_type == "Gateway"
    error_message = "The S3 gateway endpoint is missing."
  }
}

run "explicit_subnets_in_a_small_vpc" {
  command = apply

  variables {
    vpc_cidr             = "11.90.30.0/25"
    availability_zones   = ["eu-west-1a", "eu-west-1b"]
    public_subnet_cidrs  = ["11.90.30.64/27", "11.90.30.96/27"]
    private_subnet_cidrs = ["11.90.30.0/27", "11.90.30.32/27"]
  }

  assert {
    condition     = aws_subnet.vpc_network_private_subnets_8F03B6C8[*].cidr_block == ["11.90.30.0/27", "11.90.30.32/27"]
    error_message = "Explicit private subnet blocks are not used."
  }
}

run "rejects_an_unknown_nat_mode" {
  command = plan

  variables {
    nat_gateways = "two"
  }

  expect_failures = [var.nat_gateways]
}

run "rejects_a_single_zone" {
  command = plan

  variables {
    availability_zones = ["eu-west-1a"]
  }

  expect_failures = [var.availability_zones]
}

run "rejects_subnet_blocks_not_matching_the_zones" {
  command = plan

  variables {
    public_subnet_cidrs = ["10.0.0.0/20"]
  }

  expect_failures = [var.public_subnet_cidrs]
}

run "rejects_a_vpc_too_small_for_default_subnets" {
  command = plan

  variables {
    vpc_cidr = "10.0.0.0/26"
  }

  expect_failures = [var.public_subnet_cidrs, var.private_subnet_cidrs]
}
