// The Terraform import benchmark of issue #13: a generated raw state (format 4) of 20,000
// managed resources in 3 regions x 3 zones — VPCs, subnets, NAT gateways, route tables with
// routes and associations, security groups and rules, instances with encrypted volumes, load
// balancers with target group attachments, autoscaling groups, multi-AZ databases through
// subnet groups, IAM roles and policy attachments — imported by terraformimport::read (parse,
// references, folding, placement, rules, validation). Target: under 5 s. Run on demand, never
// by ctest; build Release. `--keep FILE` writes the state for timing `faultline import`.
// Exits 1 when the target is missed.
#include "model/io/fileio.h"
#include "model/io/terraform/terraformimport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace faultline;

namespace {

class StateGenerator
{
public:
    explicit StateGenerator(int target) : m_target(target) { }

    QByteArray generate()
    {
        const char *regions[] = {"eu-west-1", "us-east-1", "ap-northeast-1"};
        int stack = 0;
        while (m_count < m_target) {
            const QString region = QLatin1String(regions[stack % 3]);
            addStack(QStringLiteral("module.stack%1").arg(stack), region);
            ++stack;
        }
        QJsonObject top {{QStringLiteral("version"), 4},
            {QStringLiteral("terraform_version"), QStringLiteral("1.6.6")},
            {QStringLiteral("serial"), 1}, {QStringLiteral("lineage"), QStringLiteral("bench")},
            {QStringLiteral("resources"), m_resources}};
        return QJsonDocument(top).toJson(QJsonDocument::Compact);
    }
    int count() const { return m_count; }

private:
    QString id(const QString &prefix) { return QStringLiteral("%1-%2").arg(prefix).arg(++m_ids, 8, 16, QLatin1Char('0')); }

    // One resource with `n` count instances; attributes(i) gives each instance's.
    template<typename F>
    void add(const QString &module, const char *type, const char *name, int n, F attributes,
        const QStringList &dependencies = {})
    {
        QJsonArray instances;
        for (int i = 0; i < n; ++i) {
            QJsonObject instance {{QStringLiteral("schema_version"), 0},
                {QStringLiteral("attributes"), attributes(i)},
                {QStringLiteral("dependencies"), QJsonArray::fromStringList(dependencies)}};
            if (n > 1)
                instance.insert(QStringLiteral("index_key"), i);
            instances.append(instance);
        }
        m_resources.append(QJsonObject {{QStringLiteral("module"), module},
            {QStringLiteral("mode"), QStringLiteral("managed")},
            {QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("name"), QLatin1String(name)},
            {QStringLiteral("provider"), QStringLiteral("provider[\"registry.terraform.io/hashicorp/aws\"]")},
            {QStringLiteral("instances"), instances}});
        m_count += n;
    }

    QString arn(const QString &region, const QString &what) const
    {
        return QStringLiteral("arn:aws:ec2:%1:111122223333:%2").arg(region, what);
    }

    void addStack(const QString &m, const QString &region)
    {
        const int zones = 3;
        const int apps = 8; // instances per zone
        const QString vpc = id(QStringLiteral("vpc"));
        add(m, "aws_vpc", "main", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), vpc}, {QStringLiteral("arn"), arn(region, vpc)}};
        });
        QStringList pub, priv, nat, rtb, sg, apps_, vols, keys, roles;
        for (int z = 0; z < zones; ++z) {
            pub << id(QStringLiteral("subnet"));
            priv << id(QStringLiteral("subnet"));
            nat << id(QStringLiteral("nat"));
            rtb << id(QStringLiteral("rtb"));
        }
        auto zone = [&](int z) { return region + QChar(u'a' + z); };
        for (const auto &[name, ids] : {std::pair {"public", &pub}, std::pair {"private", &priv}})
            add(m, "aws_subnet", name, zones, [&, ids = ids](int i) {
                return QJsonObject {{QStringLiteral("id"), ids->at(i)},
                    {QStringLiteral("availability_zone"), zone(i)}, {QStringLiteral("vpc_id"), vpc}};
            }, {m + QStringLiteral(".aws_vpc.main")});
        add(m, "aws_nat_gateway", "nat", zones, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), nat[i]}, {QStringLiteral("subnet_id"), pub[i]}};
        }, {m + QStringLiteral(".aws_subnet.public")});
        add(m, "aws_route_table", "private", zones, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), rtb[i]}, {QStringLiteral("vpc_id"), vpc}};
        });
        add(m, "aws_route", "nat", zones, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("r"))},
                {QStringLiteral("route_table_id"), rtb[i]}, {QStringLiteral("nat_gateway_id"), nat[i]}};
        }, {m + QStringLiteral(".aws_route_table.private"), m + QStringLiteral(".aws_nat_gateway.nat")});
        add(m, "aws_route_table_association", "private", zones, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("rtbassoc"))},
                {QStringLiteral("route_table_id"), rtb[i]}, {QStringLiteral("subnet_id"), priv[i]}};
        });
        const QString group = id(QStringLiteral("sg"));
        add(m, "aws_security_group", "app", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), group}, {QStringLiteral("vpc_id"), vpc}};
        });
        add(m, "aws_security_group_rule", "ingress", 4, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("sgr"))},
                {QStringLiteral("security_group_id"), group}, {QStringLiteral("from_port"), 80 + i}};
        }, {m + QStringLiteral(".aws_security_group.app")});
        const QString key = id(QStringLiteral("key"));
        add(m, "aws_kms_key", "ebs", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), key}, {QStringLiteral("arn"), arn(region, key)}};
        });
        const QString role = id(QStringLiteral("role"));
        add(m, "aws_iam_role", "app", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), role},
                {QStringLiteral("arn"), QStringLiteral("arn:aws:iam::111122223333:role/") + role}};
        });
        add(m, "aws_iam_role_policy_attachment", "app", 2, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("rpa"))}, {QStringLiteral("role"), role},
                {QStringLiteral("policy_arn"), QStringLiteral("arn:aws:iam::aws:policy/P%1").arg(i)}};
        });
        const int n = zones * apps;
        for (int i = 0; i < n; ++i) {
            apps_ << id(QStringLiteral("i"));
            vols << id(QStringLiteral("vol"));
        }
        add(m, "aws_instance", "app", n, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), apps_[i]}, {QStringLiteral("arn"), arn(region, apps_[i])},
                {QStringLiteral("subnet_id"), priv[i % zones]},
                {QStringLiteral("availability_zone"), zone(i % zones)},
                {QStringLiteral("vpc_security_group_ids"), QJsonArray {group}},
                {QStringLiteral("iam_instance_profile"), role},
                {QStringLiteral("tags"), QJsonObject {{QStringLiteral("Name"), QStringLiteral("app %1").arg(i)}}}};
        }, {m + QStringLiteral(".aws_subnet.private"), m + QStringLiteral(".aws_security_group.app")});
        add(m, "aws_ebs_volume", "data", n, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), vols[i]}, {QStringLiteral("availability_zone"), zone(i % zones)},
                {QStringLiteral("kms_key_id"), arn(region, key)}};
        });
        add(m, "aws_volume_attachment", "data", n, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("vai"))},
                {QStringLiteral("instance_id"), apps_[i]}, {QStringLiteral("volume_id"), vols[i]}};
        });
        const QString tg = arn(region, id(QStringLiteral("tg")));
        add(m, "aws_lb_target_group", "app", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), tg}, {QStringLiteral("arn"), tg}, {QStringLiteral("vpc_id"), vpc}};
        });
        add(m, "aws_lb_target_group_attachment", "app", n, [&](int i) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("tga"))},
                {QStringLiteral("target_group_arn"), tg}, {QStringLiteral("target_id"), apps_[i]}};
        });
        const QString lb = arn(region, id(QStringLiteral("lb")));
        add(m, "aws_lb", "web", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), lb}, {QStringLiteral("arn"), lb},
                {QStringLiteral("subnets"), QJsonArray::fromStringList(pub)},
                {QStringLiteral("security_groups"), QJsonArray {group}}};
        });
        add(m, "aws_lb_listener", "https", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("lsn"))},
                {QStringLiteral("load_balancer_arn"), lb},
                {QStringLiteral("default_action"), QJsonArray {QJsonObject {{QStringLiteral("target_group_arn"), tg}}}}};
        });
        add(m, "aws_autoscaling_group", "workers", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("asg"))},
                {QStringLiteral("vpc_zone_identifier"), QJsonArray::fromStringList(priv)}};
        });
        const QString subnetGroup = id(QStringLiteral("dbsg"));
        add(m, "aws_db_subnet_group", "main", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), subnetGroup},
                {QStringLiteral("subnet_ids"), QJsonArray::fromStringList(priv)}};
        });
        add(m, "aws_db_instance", "main", 1, [&](int) {
            return QJsonObject {{QStringLiteral("id"), id(QStringLiteral("db"))}, {QStringLiteral("multi_az"), true},
                {QStringLiteral("db_subnet_group_name"), subnetGroup},
                {QStringLiteral("kms_key_id"), arn(region, key)}};
        });
    }

    int m_target;
    int m_count = 0;
    int m_ids = 0;
    QJsonArray m_resources;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int target = 20'000;
    QString keep;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--resources") && i + 1 < args.size())
            target = args[++i].toInt();
        else if (args[i] == QLatin1String("--keep") && i + 1 < args.size())
            keep = args[++i];
        else {
            std::fprintf(stderr, "usage: bench_terraform [--resources N] [--keep FILE.tfstate]\n");
            return 2;
        }
    }
    StateGenerator generator(target);
    const QByteArray state = generator.generate();
    if (!keep.isEmpty())
        writeWholeFile(keep, state);
    std::printf("generated state: %d managed resources, %.1f MB\n", generator.count(),
        double(state.size()) / 1e6);

    std::vector<double> times;
    int components = 0, dependencies = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto result = terraformimport::read(state, QStringLiteral("bench.tfstate"));
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        components = result.map.componentCount();
        dependencies = result.map.dependencyCount();
    }
    std::sort(times.begin(), times.end());
    std::printf("import (parse, references, folding, placement, validation): median %.0f ms, "
                "min %.0f ms -> %d components, %d dependencies\n",
        times[1], times[0], components, dependencies);
    const bool met = times[1] < 5000;
    std::printf("target < 5 s: %s\n", met ? "met" : "MISSED");
    return met ? 0 : 1;
}
