# Seed 004 with the modules: a /25 VPC with /27 subnets and no NAT gateway; tasks reach ECR and
# CloudWatch Logs through VPC endpoints. Two services in one cluster, each behind its own load
# balancer.

terraform {
  required_version = ">= 1.9.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

provider "aws" {
  region = "us-east-2"
}

variable "account_id" {
  description = "Target AWS account id; leave empty to use the account of the credentials."
  type        = string
  default     = ""
}

variable "image_tag" {
  description = "Tag of the service images in their ECR repositories, e.g. the commit SHA."
  type        = string
}

locals {
  project     = "ecsapp"
  environment = "prod"
  services = {
    web = { container_port = 8080, cpu = 512, memory = 1024 }
    api = { container_port = 9090, cpu = 256, memory = 512 }
  }
}

module "network" {
  source = "../../network"

  project              = local.project
  environment          = local.environment
  account_id           = var.account_id
  vpc_cidr             = "11.90.30.0/25"
  availability_zones   = ["us-east-2a", "us-east-2b"]
  public_subnet_cidrs  = ["11.90.30.64/27", "11.90.30.96/27"]
  private_subnet_cidrs = ["11.90.30.0/27", "11.90.30.32/27"]
  nat_gateways         = "none"
  vpc_endpoints        = ["ecr.api", "ecr.dkr", "logs"]
}

module "cluster" {
  source = "../../cluster"

  project            = local.project
  environment        = local.environment
  account_id         = var.account_id
  ecr_repositories   = keys(local.services)
  log_retention_days = 90
}

module "service" {
  source   = "../../service"
  for_each = local.services

  project             = local.project
  environment         = local.environment
  account_id          = var.account_id
  name                = each.key
  image_tag           = var.image_tag
  container_port      = each.value.container_port
  cpu                 = each.value.cpu
  memory              = each.value.memory
  desired_count       = 2
  min_capacity        = 2
  deletion_protection = true

  vpc_id              = module.network.vpc_id
  public_subnet_ids   = module.network.public_subnet_ids
  private_subnet_ids  = module.network.private_subnet_ids
  cluster_arn         = module.cluster.cluster_arn
  cluster_name        = module.cluster.cluster_name
  log_group_name      = module.cluster.log_group_name
  log_group_arn       = module.cluster.log_group_arn
  ecr_repository_urls = module.cluster.ecr_repository_urls
  ecr_repository_arns = module.cluster.ecr_repository_arns
}

output "service_urls" {
  description = "URL of each service's load balancer."
  value       = { for name, service in module.service : name => service.service_url }
}
