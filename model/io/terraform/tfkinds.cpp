// The kinds of the commonest resource types of AWS, Google Cloud and Azure. A type that is not
// here is a "service"; a rules file may add or change types ("kinds" in the file).
#include "model/io/terraform/tfrules.h"

namespace faultline::terraform {

namespace {

struct KindRow
{
    const char *kind;
    std::initializer_list<const char *> types;
};

const KindRow rows[] = {
    {"compute",
        {"aws_instance", "aws_launch_template", "aws_launch_configuration",
            "aws_autoscaling_group", "aws_ecs_cluster", "aws_ecs_service",
            "aws_ecs_task_definition", "aws_eks_cluster", "aws_eks_node_group",
            "aws_lambda_function", "aws_batch_compute_environment",
            "aws_elastic_beanstalk_environment", "aws_emr_cluster", "aws_spot_instance_request",
            "google_compute_instance", "google_compute_instance_template",
            "google_compute_instance_group_manager", "google_compute_region_instance_group_manager",
            "google_container_cluster", "google_container_node_pool", "google_cloud_run_service",
            "google_cloudfunctions_function", "azurerm_linux_virtual_machine",
            "azurerm_windows_virtual_machine", "azurerm_virtual_machine",
            "azurerm_linux_virtual_machine_scale_set", "azurerm_kubernetes_cluster",
            "azurerm_app_service", "azurerm_linux_web_app", "azurerm_function_app",
            "azurerm_container_group"}},
    {"database",
        {"aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_dynamodb_table",
            "aws_redshift_cluster", "aws_neptune_cluster", "aws_neptune_cluster_instance",
            "aws_docdb_cluster", "aws_docdb_cluster_instance", "aws_elasticsearch_domain",
            "aws_opensearch_domain", "google_sql_database_instance", "google_sql_database",
            "google_spanner_instance", "google_bigquery_dataset", "google_bigtable_instance",
            "azurerm_mssql_server", "azurerm_mssql_database", "azurerm_postgresql_server",
            "azurerm_postgresql_flexible_server", "azurerm_mysql_server",
            "azurerm_cosmosdb_account"}},
    {"cache",
        {"aws_elasticache_cluster", "aws_elasticache_replication_group", "aws_dax_cluster",
            "google_redis_instance", "azurerm_redis_cache"}},
    {"queue",
        {"aws_sqs_queue", "aws_sns_topic", "aws_kinesis_stream",
            "aws_kinesis_firehose_delivery_stream", "aws_msk_cluster", "aws_mq_broker",
            "aws_cloudwatch_event_bus", "google_pubsub_topic", "google_pubsub_subscription",
            "azurerm_servicebus_namespace", "azurerm_eventhub_namespace"}},
    {"storage",
        {"aws_s3_bucket", "aws_ebs_volume", "aws_ebs_snapshot", "aws_efs_file_system",
            "aws_efs_mount_target", "aws_ecr_repository", "aws_s3_bucket_object", "aws_s3_object",
            "aws_glacier_vault", "aws_backup_vault", "aws_fsx_lustre_file_system",
            "aws_neptune_cluster_snapshot", "google_storage_bucket", "google_compute_disk",
            "azurerm_storage_account", "azurerm_managed_disk"}},
    {"network",
        {"aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_nat_gateway", "aws_eip",
            "aws_route_table", "aws_route", "aws_security_group", "aws_network_interface",
            "aws_vpc_endpoint", "aws_vpc_peering_connection", "aws_transit_gateway",
            "aws_transit_gateway_vpc_attachment", "aws_vpn_gateway", "aws_vpn_connection",
            "aws_customer_gateway", "aws_network_acl", "aws_dx_connection",
            "aws_egress_only_internet_gateway", "aws_vpc_ipv4_cidr_block_association",
            "google_compute_network", "google_compute_subnetwork", "google_compute_router",
            "google_compute_router_nat", "google_compute_firewall", "google_compute_address",
            "google_compute_global_address", "azurerm_virtual_network", "azurerm_subnet",
            "azurerm_network_interface", "azurerm_public_ip", "azurerm_network_security_group",
            "azurerm_virtual_network_peering", "azurerm_nat_gateway"}},
    {"load-balancer",
        {"aws_lb", "aws_alb", "aws_elb", "aws_lb_listener", "aws_alb_listener",
            "aws_lb_target_group", "aws_alb_target_group", "aws_lb_listener_rule",
            "google_compute_forwarding_rule", "google_compute_global_forwarding_rule",
            "google_compute_backend_service", "google_compute_url_map",
            "google_compute_target_https_proxy", "azurerm_lb", "azurerm_application_gateway"}},
    {"dns",
        {"aws_route53_zone", "aws_route53_record", "aws_route53_health_check",
            "aws_service_discovery_private_dns_namespace", "google_dns_managed_zone",
            "google_dns_record_set", "azurerm_dns_zone", "azurerm_dns_a_record",
            "azurerm_private_dns_zone"}},
    {"cdn",
        {"aws_cloudfront_distribution", "aws_globalaccelerator_accelerator", "azurerm_frontdoor",
            "azurerm_cdn_profile", "google_compute_backend_bucket"}},
    {"identity",
        {"aws_iam_role", "aws_iam_user", "aws_iam_group", "aws_iam_policy",
            "aws_iam_instance_profile", "aws_iam_openid_connect_provider", "aws_kms_key",
            "aws_acm_certificate", "aws_cognito_user_pool", "aws_secretsmanager_secret",
            "aws_ssm_parameter", "google_service_account", "google_kms_key_ring",
            "google_kms_crypto_key", "google_secret_manager_secret", "azurerm_key_vault",
            "azurerm_user_assigned_identity"}},
    {"service",
        {"aws_api_gateway_rest_api", "aws_apigatewayv2_api", "aws_cloudwatch_log_group",
            "aws_cloudwatch_metric_alarm", "aws_sfn_state_machine", "aws_flow_log",
            "aws_codebuild_project", "aws_codepipeline", "aws_wafv2_web_acl", "aws_glue_job",
            "aws_cloudtrail", "azurerm_resource_group", "azurerm_app_service_plan",
            "azurerm_service_plan", "azurerm_log_analytics_workspace"}},
};

} // namespace

const QHash<QString, QString> &builtInKinds()
{
    static const QHash<QString, QString> kinds = [] {
        QHash<QString, QString> k;
        for (const KindRow &row : rows) {
            for (const char *type : row.types)
                k.insert(QString::fromLatin1(type), QString::fromLatin1(row.kind));
        }
        return k;
    }();
    return kinds;
}

} // namespace faultline::terraform
