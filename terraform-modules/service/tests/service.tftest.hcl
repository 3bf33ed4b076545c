# Applies the service module against a mocked AWS provider, with the network and cluster outputs
# it would receive given as variables.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/mock" }
  }
  mock_resource "aws_lb" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/orders-dev/0123456789abcdef"
      arn_suffix = "app/orders-dev/0123456789abcdef"
      dns_name   = "orders-dev-123.eu-west-1.elb.amazonaws.com"
    }
  }
  mock_resource "aws_lb_target_group" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/orders-dev-orders/0123456789abcdef"
      arn_suffix = "targetgroup/orders-dev-orders/0123456789abcdef"
    }
  }
  mock_resource "aws_lb_listener" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/orders-dev/0123456789abcdef/0123456789abcdef" }
  }
  mock_resource "aws_ecs_task_definition" {
    defaults = { arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/orders-dev-orders:1" }
  }
  mock_resource "aws_appautoscaling_policy" {
    defaults = { arn = "arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:mock" }
  }
}

variables {
  project             = "orders"
  environment         = "dev"
  account_id          = "123456789012"
  name                = "orders"
  image_tag           = "v1"
  vpc_id              = "vpc-0123456789abcdef0"
  public_subnet_ids   = ["subnet-0a000000000000001", "subnet-0a000000000000002"]
  private_subnet_ids  = ["subnet-0b000000000000001", "subnet-0b000000000000002"]
  cluster_arn         = "arn:aws:ecs:eu-west-1:123456789012:cluster/orders-dev"
  cluster_name        = "orders-dev"
  log_group_name      = "/ecs/orders-dev"
  log_group_arn       = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/orders-dev"
  ecr_repository_urls = { orders = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-dev/orders" }
  ecr_repository_arns = { orders = "arn:aws:ecr:eu-west-1:123456789012:repository/orders-dev/orders" }
  environment_variables = {
    LOG_LEVEL = "info"
    APP_ENV   = "dev"
  }
}

run "one_service_behind_its_load_balancer" {
  command = apply

  assert {
    condition     = aws_ecs_task_definition.service_varname_task_definition_7322DEA4.cpu == "256" && aws_ecs_task_definition.service_varname_task_definition_7322DEA4.memory == "512" && aws_ecs_task_definition.service_varname_task_definition_7322DEA4.family == "orders-dev-orders"
    error_message = "The task definition does not have the default size and family."
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.service_varname_task_definition_7322DEA4.container_definitions)[0].image == "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-dev/orders:v1"
    error_message = "The container does not run the service's repository at the image tag."
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.service_varname_task_definition_7322DEA4.container_definitions)[0].environment == [{ name = "APP_ENV", value = "dev" }, { name = "LOG_LEVEL", value = "info" }]
    error_message = "The environment variables are not passed in name order."
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.service_varname_task_definition_7322DEA4.container_definitions)[0].portMappings[0].containerPort == 8080 && jsondecode(aws_ecs_task_definition.service_varname_task_definition_7322DEA4.container_definitions)[0].stopTimeout == 30
    error_message = "The container port or stop timeout is not the default."
  }
  assert {
    condition     = tolist(aws_ecs_service.service_varname_service_5BB8DAFB.network_configuration[0].subnets) == tolist(var.private_subnet_ids) && !aws_ecs_service.service_varname_service_5BB8DAFB.network_configuration[0].assign_public_ip
    error_message = "Tasks do not run in the private subnets without public IPs."
  }
  assert {
    condition     = aws_ecs_service.service_varname_service_5BB8DAFB.deployment_circuit_breaker[0].rollback && aws_ecs_service.service_varname_service_5BB8DAFB.deployment_minimum_healthy_percent == 100
    error_message = "Deployments are not rolled back by the circuit breaker at 100 percent."
  }
  assert {
    condition     = [for item in aws_ecs_service.service_varname_service_5BB8DAFB.capacity_provider_strategy : item.capacity_provider] == ["FARGATE"]
    error_message = "The service does not run on on-demand Fargate."
  }
  assert {
    condition     = aws_lb_target_group.ingress_target_group_varname_8E2B5121.name == "orders-dev-orders" && aws_lb_target_group.ingress_target_group_varname_8E2B5121.health_check[0].path == "/health" && aws_lb_target_group.ingress_target_group_varname_8E2B5121.port == 8080
    error_message = "The target group does not check /health on the container port."
  }
  assert {
    condition     = aws_lb.ingress_load_balancer_D8A79FFE.name == "orders-dev" && aws_lb.ingress_load_balancer_D8A79FFE.drop_invalid_header_fields && !aws_lb.ingress_load_balancer_D8A79FFE.internal
    error_message = "The load balancer is not the internet-facing one dropping invalid headers."
  }
  assert {
    condition     = keys(aws_vpc_security_group_ingress_rule.ingress_ingress_80_0_FBB2CC5C) == ["0.0.0.0/0"]
    error_message = "The load balancer is not open to the default client range."
  }
  assert {
    condition     = aws_appautoscaling_target.service_varname_autoscaling_target_07062FD8.min_capacity == 1 && aws_appautoscaling_target.service_varname_autoscaling_target_07062FD8.max_capacity == 4
    error_message = "Autoscaling does not scale from 1 to 4 tasks."
  }
  assert {
    condition     = output.service_url == "http://orders-dev-123.eu-west-1.elb.amazonaws.com" && output.service_names == ["orders"]
    error_message = "The outputs do not name the service and its URL."
  }
}

run "sized_restricted_and_long_named" {
  command = apply

  variables {
    project       = "platform-payments"
    environment   = "staging"
    name          = "orders"
    cpu           = 1024
    memory        = 4096
    allowed_cidrs = ["203.0.113.0/24", "198.51.100.0/24"]
  }

  assert {
    condition     = aws_ecs_task_definition.service_varname_task_definition_7322DEA4.cpu == "1024" && aws_ecs_task_definition.service_varname_task_definition_7322DEA4.memory == "4096"
    error_message = "The task size variables are not used."
  }
  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.ingress_ingress_80_0_FBB2CC5C) == 2
    error_message = "There is not one ingress rule per allowed range."
  }
  assert {
    condition     = length(aws_lb_target_group.ingress_target_group_varname_8E2B5121.name) <= 32 && length(aws_lb.ingress_load_balancer_D8A79FFE.name) <= 32
    error_message = "Load balancer names exceed 32 characters."
  }
}

run "rejects_memory_fargate_does_not_offer_for_the_cpu" {
  command = plan

  variables {
    cpu    = 256
    memory = 4096
  }

  expect_failures = [var.memory]
}

run "rejects_a_stop_timeout_over_two_minutes" {
  command = plan

  variables {
    stop_timeout_seconds = 200
  }

  expect_failures = [var.stop_timeout_seconds]
}

run "plain_http_without_a_certificate" {
  command = apply

  assert {
    condition     = length(aws_lb_listener.ingress_https_listener_AB1900CE) == 0 && length(aws_vpc_security_group_ingress_rule.ingress_ingress_443_0_03542EA3) == 0
    error_message = "Without a certificate there is an HTTPS listener or a 443 ingress rule."
  }
  assert {
    condition     = aws_lb_listener.ingress_http_listener_F3DB5E27.port == 80 && aws_lb_listener.ingress_http_listener_F3DB5E27.protocol == "HTTP"
    error_message = "The plain listener is not HTTP on port 80."
  }
  assert {
    condition     = length(aws_lb_listener.ingress_http_listener_F3DB5E27.default_action) == 1 && aws_lb_listener.ingress_http_listener_F3DB5E27.default_action[0].type == "forward" && aws_lb_listener.ingress_http_listener_F3DB5E27.default_action[0].target_group_arn == aws_lb_target_group.ingress_target_group_varname_8E2B5121.arn && length(aws_lb_listener.ingress_http_listener_F3DB5E27.default_action[0].redirect) == 0
    error_message = "Without a certificate port 80 does not forward to the service's target group."
  }
  assert {
    condition     = output.service_url == "http://orders-dev-123.eu-west-1.elb.amazonaws.com"
    error_message = "Without a certificate the URL is not http://."
  }
}

run "https_with_a_certificate" {
  command = apply

  variables {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f3c1e2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b"
    ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
    allowed_cidrs   = ["203.0.113.0/24", "198.51.100.0/24"]
  }

  assert {
    condition     = length(aws_lb_listener.ingress_https_listener_AB1900CE) == 1 && aws_lb_listener.ingress_https_listener_AB1900CE[0].port == 443 && aws_lb_listener.ingress_https_listener_AB1900CE[0].protocol == "HTTPS"
    error_message = "There is no HTTPS listener on port 443."
  }
  assert {
    condition     = aws_lb_listener.ingress_https_listener_AB1900CE[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06" && aws_lb_listener.ingress_https_listener_AB1900CE[0].certificate_arn == var.certificate_arn
    error_message = "The HTTPS listener does not use the configured TLS policy and certificate."
  }
  assert {
    condition     = aws_lb_listener.ingress_https_listener_AB1900CE[0].default_action[0].type == "forward" && aws_lb_listener.ingress_https_listener_AB1900CE[0].default_action[0].target_group_arn == aws_lb_target_group.ingress_target_group_varname_8E2B5121.arn
    error_message = "The HTTPS listener does not forward to the service's target group."
  }
  assert {
    condition     = aws_lb_listener.ingress_http_listener_F3DB5E27.port == 80 && length(aws_lb_listener.ingress_http_listener_F3DB5E27.default_action) == 1 && aws_lb_listener.ingress_http_listener_F3DB5E27.default_action[0].type == "redirect"
    error_message = "Port 80 does not redirect."
  }
  assert {
    condition     = aws_lb_listener.ingress_http_listener_F3DB5E27.default_action[0].redirect[0].status_code == "HTTP_301" && aws_lb_listener.ingress_http_listener_F3DB5E27.default_action[0].redirect[0].protocol == "HTTPS" && aws_lb_listener.ingress_http_listener_F3DB5E27.default_action[0].redirect[0].port == "443"
    error_message = "Port 80 does not redirect to HTTPS on 443 with HTTP_301."
  }
  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.ingress_ingress_443_0_03542EA3)) == toset(var.allowed_cidrs) && alltrue([for rule in aws_vpc_security_group_ingress_rule.ingress_ingress_443_0_03542EA3 : rule.from_port == 443 && rule.to_port == 443])
    error_message = "The load balancer does not admit 443 from every allowed range."
  }
  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.ingress_ingress_80_0_FBB2CC5C)) == toset(var.allowed_cidrs)
    error_message = "The load balancer no longer admits 80 (for the redirect) from every allowed range."
  }
  assert {
    condition     = output.service_url == "https://orders-dev-123.eu-west-1.elb.amazonaws.com"
    error_message = "With a certificate the URL is not https://."
  }
}

run "rejects_a_certificate_arn_that_is_not_acm" {
  command = plan

  variables {
    certificate_arn = "arn:aws:iam::123456789012:server-certificate/orders"
  }

  expect_failures = [var.certificate_arn]
}

run "rejects_a_policy_without_tls_1_3" {
  command = plan

  variables {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f3c1e2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b"
    ssl_policy      = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }

  expect_failures = [var.ssl_policy]
}
