# Seed 000 with the modules: one Fargate service in private subnets of three zones, a NAT gateway
# per zone, behind an internet-facing load balancer; two tasks scaling from 1 to 4 on CPU 60 % and
# memory 80 %.

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
  region = "eu-central-1"
  default_tags {
    tags = { project = "shop", environment = "dev" }
  }
}

variable "account_id" {
  description = "Target AWS account id; leave empty to use the account of the credentials."
  type        = string
  default     = ""
}

variable "image_tag" {
  description = "Tag of the shop image in its ECR repository, e.g. the commit SHA."
  type        = string
}

locals {
  project     = "shop"
  environment = "dev"
}

module "network" {
  source = "../../network"

  project            = local.project
  environment        = local.environment
  account_id         = var.account_id
  availability_zones = ["eu-central-1a", "eu-central-1b", "eu-central-1c"]
  nat_gateways       = "per-az"
}

module "cluster" {
  source = "../../cluster"

  project          = local.project
  environment      = local.environment
  account_id       = var.account_id
  ecr_repositories = ["shop"]
}

module "shop" {
  source = "../../service"

  project        = local.project
  environment    = local.environment
  account_id     = var.account_id
  name           = "shop"
  image_tag      = var.image_tag
  container_port = 8000
  desired_count  = 2
  min_capacity   = 1
  max_capacity   = 4

  environment_variables = { LOG_LEVEL = "info" }

  # HTTPS on 443 with this ACM certificate (in the provider's region); port 80 redirects to it.
  certificate_arn = "arn:aws:acm:eu-central-1:123456789012:certificate/0f3c1e2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b"

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

output "service_url" {
  description = "URL of the shop's load balancer."
  value       = module.shop.service_url
}

output "ecr_repository_urls" {
  description = "Where to push the shop image."
  value       = module.cluster.ecr_repository_urls
}
