# Applies the cluster module against a mocked AWS provider.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-4000-8000-000000000000" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/orders-dev" }
  }
  mock_resource "aws_ecs_cluster" {
    defaults = { arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/orders-dev" }
  }
  mock_resource "aws_ecr_repository" {
    defaults = { arn = "arn:aws:ecr:eu-west-1:123456789012:repository/mock" }
  }
}

variables {
  project          = "orders"
  environment      = "dev"
  account_id       = "123456789012"
  ecr_repositories = ["orders", "billing"]
}

run "cluster_with_a_repository_per_service" {
  command = apply

  assert {
    condition     = aws_ecs_cluster.cluster.name == "orders-dev" && one([for setting in aws_ecs_cluster.cluster.setting : setting.value if setting.name == "containerInsights"]) == "enabled"
    error_message = "The cluster is not named <project>-<environment> with Container Insights."
  }
  assert {
    condition     = sort(keys(output.ecr_repository_urls)) == tolist(["billing", "orders"]) && sort(keys(output.ecr_repository_arns)) == tolist(["billing", "orders"])
    error_message = "The ECR outputs do not have one entry per service."
  }
  assert {
    condition     = alltrue([for name, repository in aws_ecr_repository.image_repository_eachkey_repository_DFD05132 : repository.name == "orders-dev/${name}" && repository.image_tag_mutability == "IMMUTABLE" && repository.image_scanning_configuration[0].scan_on_push])
    error_message = "Repositories are not named <project>-<environment>/<service>, immutable and scanned on push."
  }
  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.image_repository_eachkey_lifecycle_policy_4438C5CD["orders"].policy).rules[1].selection.countNumber == 30
    error_message = "The lifecycle policy does not keep the default 30 images."
  }
  assert {
    condition     = aws_cloudwatch_log_group.log_group.name == "/ecs/orders-dev" && aws_cloudwatch_log_group.log_group.retention_in_days == 30 && aws_cloudwatch_log_group.log_group.kms_key_id == output.kms_key_arn
    error_message = "The services' log group is not encrypted with the cluster key for 30 days."
  }
  assert {
    condition     = [for item in aws_ecs_cluster_capacity_providers.capacity_providers.default_capacity_provider_strategy : [item.capacity_provider, item.base, item.weight]] == [["FARGATE", 1, 1]]
    error_message = "The default capacity provider strategy is not on-demand Fargate with a base of one."
  }
  assert {
    condition     = output.cluster_name == "orders-dev" && output.log_group_name == "/ecs/orders-dev"
    error_message = "The outputs the service module reads are wrong."
  }
}

run "spot_strategy_and_no_insights" {
  command = apply

  variables {
    container_insights         = false
    capacity_provider_strategy = [{ capacity_provider = "FARGATE_SPOT", weight = 3 }, { capacity_provider = "FARGATE", weight = 1 }]
  }

  assert {
    condition     = one([for setting in aws_ecs_cluster.cluster.setting : setting.value if setting.name == "containerInsights"]) == "disabled"
    error_message = "Container Insights is not disabled."
  }
  assert {
    condition     = length(aws_ecs_cluster_capacity_providers.capacity_providers.default_capacity_provider_strategy) == 2
    error_message = "The strategy does not have both providers."
  }
}

run "rejects_an_invalid_retention" {
  command = plan

  variables {
    log_retention_days = 31
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_two_bases" {
  command = plan

  variables {
    capacity_provider_strategy = [{ capacity_provider = "FARGATE_SPOT", base = 1 }, { capacity_provider = "FARGATE", base = 1 }]
  }

  expect_failures = [var.capacity_provider_strategy]
}
