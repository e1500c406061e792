#include "model/io/terraform/tfrules.h"

#include "model/map/errors.h"

#include <QJsonArray>

namespace faultline::terraform {

namespace {

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out.append(QString::fromLatin1(s));
    return out;
}

// Plumbing -> the attributes naming what it configures ({} : it configures nothing on the map).
struct FoldRow
{
    const char *type;
    std::initializer_list<const char *> attributes; // an aggregate keeps the list alive
};

const FoldRow foldRows[] = {
    {"aws_security_group_rule", {"security_group_id"}},
    {"aws_vpc_security_group_ingress_rule", {"security_group_id"}},
    {"aws_vpc_security_group_egress_rule", {"security_group_id"}},
    {"aws_route_table_association", {"subnet_id", "gateway_id"}},
    {"aws_main_route_table_association", {"vpc_id"}},
    {"aws_route", {"route_table_id"}},
    {"aws_network_acl_rule", {"network_acl_id"}},
    {"aws_iam_role_policy_attachment", {"role"}},
    {"aws_iam_role_policy", {"role"}},
    {"aws_iam_policy_attachment", {"roles", "users", "groups"}},
    {"aws_iam_user_policy", {"user"}},
    {"aws_iam_user_policy_attachment", {"user"}},
    {"aws_iam_group_policy_attachment", {"group"}},
    {"aws_iam_instance_profile", {"role"}},
    {"aws_iam_access_key", {"user"}},
    {"aws_volume_attachment", {"instance_id"}},
    {"aws_network_interface_attachment", {"instance_id"}},
    {"aws_eip_association", {"instance_id"}},
    {"aws_lb_target_group_attachment", {"target_group_arn"}},
    {"aws_alb_target_group_attachment", {"target_group_arn"}},
    {"aws_autoscaling_attachment", {"autoscaling_group_name"}},
    {"aws_kms_alias", {"target_key_id"}},
    {"aws_s3_bucket_policy", {"bucket"}},
    {"aws_s3_bucket_versioning", {"bucket"}},
    {"aws_s3_bucket_acl", {"bucket"}},
    {"aws_s3_bucket_public_access_block", {"bucket"}},
    {"aws_s3_bucket_server_side_encryption_configuration", {"bucket"}},
    {"aws_s3_bucket_lifecycle_configuration", {"bucket"}},
    {"aws_s3_bucket_logging", {"bucket"}},
    {"aws_s3_bucket_notification", {"bucket"}},
    {"aws_s3_bucket_ownership_controls", {"bucket"}},
    {"aws_elasticsearch_domain_policy", {"domain_name"}},
    {"aws_lambda_permission", {"function_name"}},
    {"aws_sns_topic_subscription", {"topic_arn"}},
    {"aws_sqs_queue_policy", {"queue_url"}},
    {"aws_ecr_lifecycle_policy", {"repository"}},
    {"aws_ecr_repository_policy", {"repository"}},
    {"aws_cloudwatch_log_subscription_filter", {"log_group_name"}},
    {"azurerm_network_interface_security_group_association", {"network_interface_id"}},
    {"azurerm_subnet_network_security_group_association", {"subnet_id"}},
    {"azurerm_subnet_nat_gateway_association", {"subnet_id"}},
    {"google_storage_bucket_iam_member", {"bucket"}},
    {"aws_db_parameter_group", {}},
    {"aws_db_option_group", {}},
    {"aws_rds_cluster_parameter_group", {}},
    {"aws_elasticache_parameter_group", {}},
    {"aws_key_pair", {}},
    {"random_id", {}},
    {"random_string", {}},
    {"random_password", {}},
    {"random_pet", {}},
    {"random_uuid", {}},
    {"random_integer", {}},
    {"random_shuffle", {}},
    {"tls_private_key", {}},
    {"tls_self_signed_cert", {}},
    {"null_resource", {}},
    {"time_sleep", {}},
    {"time_static", {}},
    {"local_file", {}},
    {"azurerm_role_assignment", {}},
    {"google_project_iam_member", {}},
    {"google_project_iam_binding", {}},
    {"google_project_service", {}},
};

struct DependencyRow
{
    const char *from;
    const char *attribute;
    const char *to;
    Rules::Dependency type;
};

using D = Rules::Dependency;
// Most specific first is not needed: the best match wins (see Rules::dependency).
const DependencyRow dependencyRows[] = {
    // Configuration, not a runtime need.
    {"", "monitoring_role_arn", "", D::Ignore},
    {"", "parameter_group_name", "", D::Ignore},
    {"", "option_group_name", "", D::Ignore},
    {"", "", "azurerm_resource_group", D::Ignore},
    {"", "", "aws_iam_role", D::Soft},
    {"", "", "aws_iam_policy", D::Soft},
    {"", "", "aws_iam_user", D::Soft},
    {"", "", "aws_security_group", D::Soft},
    {"", "", "azurerm_network_security_group", D::Soft},
    {"", "", "aws_cloudwatch_log_group", D::Soft},
    {"", "", "aws_launch_configuration", D::Soft},
    {"", "", "aws_launch_template", D::Soft},
    {"", "", "aws_ecr_repository", D::Soft},
    {"", "", "aws_flow_log", D::Ignore},
    {"aws_flow_log", "", "", D::Soft},
    {"aws_cloudwatch_metric_alarm", "", "", D::Soft},
    {"", "", "aws_cloudwatch_metric_alarm", D::Ignore},
    {"aws_ebs_snapshot", "", "", D::Soft},
    {"aws_neptune_cluster_snapshot", "", "", D::Soft},
    // What a resource cannot run without.
    {"", "", "aws_subnet", D::Hard},
    {"", "", "aws_vpc", D::Hard},
    {"", "", "aws_nat_gateway", D::Hard},
    {"", "", "aws_internet_gateway", D::Hard},
    {"", "", "aws_route_table", D::Hard},
    {"", "", "aws_kms_key", D::Hard},
    {"", "kms_key_id", "", D::Hard},
};

struct RequireRow
{
    const char *from;
    const char *attribute;
    const char *when;
    int require;
};

const RequireRow requireRows[] = {
    {"aws_db_instance", "", "multi_az", 1},
    {"aws_db_instance", "", "", 0},
    {"aws_elasticache_replication_group", "", "automatic_failover_enabled", 1},
    {"aws_elasticache_replication_group", "", "", 0},
    {"aws_elasticache_cluster", "", "", 0},
    {"aws_redshift_cluster", "", "", 0},
};

int specificity(const QString &a, const QString &b, const QString &c)
{
    return int(!a.isEmpty()) * 4 + int(!b.isEmpty()) * 2 + int(!c.isEmpty());
}

bool matches(const QString &rule, const QString &value)
{
    return rule.isEmpty() || rule == value;
}

} // namespace

Rules Rules::builtIn()
{
    Rules rules;
    rules.m_kinds = builtInKinds();
    for (const FoldRow &row : foldRows)
        rules.m_fold.insert(QString::fromLatin1(row.type), strings(row.attributes));
    rules.m_subnetGroups = strings({"aws_db_subnet_group", "aws_elasticache_subnet_group",
        "aws_redshift_subnet_group", "aws_neptune_subnet_group", "aws_docdb_subnet_group",
        "aws_dms_replication_subnet_group"});
    rules.m_subnets = strings({"aws_subnet", "aws_default_subnet", "google_compute_subnetwork",
        "azurerm_subnet"});
    for (const DependencyRow &row : dependencyRows)
        rules.m_dependencies.push_back({QString::fromLatin1(row.from),
            QString::fromLatin1(row.attribute), QString::fromLatin1(row.to), row.type, 1});
    for (const RequireRow &row : requireRows)
        rules.m_requires.push_back({QString::fromLatin1(row.from),
            QString::fromLatin1(row.attribute), QString(), QString::fromLatin1(row.when),
            row.require, 1});
    return rules;
}

void Rules::addFile(const QJsonObject &file, const QString &source)
{
    auto bad = [&](const QString &entry, const QString &why) {
        throw FormatError(QStringLiteral("%1: %2: %3").arg(source, entry, why));
    };
    static const QStringList known = {QStringLiteral("kinds"), QStringLiteral("fold"),
        QStringLiteral("dependencies"), QStringLiteral("require")};
    for (auto k = file.begin(); k != file.end(); ++k) {
        if (!known.contains(k.key()))
            bad(k.key(), QStringLiteral("unknown key (known: kinds, fold, dependencies, require)"));
    }
    const QJsonObject kinds = file.value(QLatin1String("kinds")).toObject();
    for (auto k = kinds.begin(); k != kinds.end(); ++k) {
        if (!k.value().isString())
            bad(QStringLiteral("kinds.%1").arg(k.key()), QStringLiteral("is not a string"));
        m_kinds.insert(k.key(), k.value().toString());
    }
    const QJsonObject fold = file.value(QLatin1String("fold")).toObject();
    for (auto f = fold.begin(); f != fold.end(); ++f) {
        if (f.value().isNull()) {
            m_fold.remove(f.key()); // no longer plumbing
            continue;
        }
        if (!f.value().isArray())
            bad(QStringLiteral("fold.%1").arg(f.key()),
                QStringLiteral("is not a list of attributes (or null)"));
        QStringList attributes;
        for (const QJsonValue &a : f.value().toArray())
            attributes.append(a.toString());
        m_fold.insert(f.key(), attributes);
    }
    std::vector<DependencyRule> dependencies;
    const QJsonArray deps = file.value(QLatin1String("dependencies")).toArray();
    for (int i = 0; i < deps.size(); ++i) {
        const QJsonObject d = deps.at(i).toObject();
        const QString entry = QStringLiteral("dependencies[%1]").arg(i);
        const QString type = d.value(QLatin1String("type")).toString();
        Dependency t;
        if (type == QLatin1String("hard"))
            t = Dependency::Hard;
        else if (type == QLatin1String("soft"))
            t = Dependency::Soft;
        else if (type == QLatin1String("ignore"))
            t = Dependency::Ignore;
        else
            bad(entry, QStringLiteral("type must be \"hard\", \"soft\" or \"ignore\""));
        dependencies.push_back({d.value(QLatin1String("from")).toString(),
            d.value(QLatin1String("attribute")).toString(),
            d.value(QLatin1String("to")).toString(), t, 0});
    }
    m_dependencies.insert(m_dependencies.begin(), dependencies.begin(), dependencies.end());
    std::vector<RequireRule> requires_;
    const QJsonArray reqs = file.value(QLatin1String("require")).toArray();
    for (int i = 0; i < reqs.size(); ++i) {
        const QJsonObject r = reqs.at(i).toObject();
        const QString entry = QStringLiteral("require[%1]").arg(i);
        const QJsonValue value = r.value(QLatin1String("require"));
        int require = 0;
        if (value.toString() == QLatin1String("all"))
            require = 0;
        else if (value.isDouble() && value.toInt() >= 1)
            require = value.toInt();
        else
            bad(entry, QStringLiteral("require must be a whole number from 1, or \"all\""));
        requires_.push_back({r.value(QLatin1String("from")).toString(),
            r.value(QLatin1String("attribute")).toString(), r.value(QLatin1String("to")).toString(),
            r.value(QLatin1String("when")).toString(), require, 0});
    }
    m_requires.insert(m_requires.begin(), requires_.begin(), requires_.end());
}

QString Rules::kind(const QString &type) const
{
    return m_kinds.value(type, QStringLiteral("service"));
}

std::optional<QStringList> Rules::fold(const QString &type) const
{
    const auto f = m_fold.constFind(type);
    if (f == m_fold.cend())
        return std::nullopt;
    return *f;
}

bool Rules::isSubnetGroup(const QString &type) const
{
    return m_subnetGroups.contains(type);
}

bool Rules::isSubnet(const QString &type) const
{
    return m_subnets.contains(type);
}

Rules::Dependency Rules::dependency(
    const QString &from, const QString &attribute, const QString &to) const
{
    const DependencyRule *best = nullptr;
    int bestScore = -1;
    for (const DependencyRule &r : m_dependencies) {
        if (best && r.origin > best->origin)
            break; // a rules file's match beats every built-in one
        if (!matches(r.from, from) || !matches(r.attribute, attribute) || !matches(r.to, to))
            continue;
        const int score = specificity(r.from, r.attribute, r.to);
        if (score > bestScore) {
            best = &r;
            bestScore = score;
        }
    }
    return best ? best->type : Dependency::Hard;
}

int Rules::require(const QString &from, const QString &attribute, const QString &to,
    const QJsonObject &attributes) const
{
    const RequireRule *best = nullptr;
    int bestScore = -1;
    for (const RequireRule &r : m_requires) {
        if (best && r.origin > best->origin)
            break;
        if (!matches(r.from, from) || !matches(r.attribute, attribute) || !matches(r.to, to))
            continue;
        if (!r.when.isEmpty() && !attributes.value(r.when).toBool())
            continue;
        const int score = specificity(r.from, r.attribute, r.to) * 2 + int(!r.when.isEmpty());
        if (score > bestScore) {
            best = &r;
            bestScore = score;
        }
    }
    return best ? best->require : 1;
}

} // namespace faultline::terraform
