#include "views/availabilitysection.h"

#include "model/analysis/availability.h"
#include "model/editing/mapdocument.h"
#include "views/availabilityformat.h"
#include "views/backgroundjob.h"
#include "views/inspectorlinks.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace faultline {

using namespace inspector;

AvailabilitySection::AvailabilitySection(MapDocument *document, QWidget *parent)
    : QWidget(parent), m_doc(document), m_job(new BackgroundJob(document, this))
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    addSection(m_layout, tr("Availability"));
    m_value = new QLabel;
    m_value->setObjectName(QStringLiteral("availabilityValue"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setToolTip(tr("The chance that it is not down, each component with an "
                           "availability failing independently (exact)"));
    m_downtime = new QLabel;
    m_downtime->setObjectName(QStringLiteral("downtime"));
    m_downtime->setWordWrap(true);
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("availabilityNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_contributorsTitle = new QLabel(tr("Contributes most (downtime it adds a year):"));
    m_contributorsTitle->setWordWrap(true);
    m_contributorsTitle->setContentsMargins(0, 4, 0, 0);
    m_contributors = new QWidget;
    m_layout->addWidget(m_value);
    m_layout->addWidget(m_downtime);
    m_layout->addWidget(m_note);
    m_layout->addWidget(m_contributorsTitle);
    m_layout->addWidget(m_contributors);
    hide();

    connect(m_job, &BackgroundJob::failed, this, &AvailabilitySection::showError);
    connect(m_job, &BackgroundJob::dropped, this, [this] { m_id.clear(); });
}

bool AvailabilitySection::isPending() const
{
    return m_job->isRunning();
}

void AvailabilitySection::showFor(const QString &componentId)
{
    const Map &map = m_doc->map();
    const auto i = map.findComponent(componentId);
    if (!i || !map.component(*i).isBusiness()) {
        stop();
        hide();
        return;
    }
    show();
    if (m_id == componentId && m_revision == m_doc->revision())
        return; // shown, or on its way
    m_id = componentId;
    m_revision = m_doc->revision();
    start();
}

void AvailabilitySection::stop()
{
    m_job->cancel();
    m_id.clear();
}

void AvailabilitySection::start()
{
    const ComponentIndex target = *m_doc->map().findComponent(m_id);
    const QString id = m_id;
    const bool ended = m_job->start(
        [this, id, target](const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report = std::make_shared<AvailabilityReport>(
                availabilityContributors(map, graph, target, contributorLimit, progress));
            return BackgroundJob::Deliver([this, id, report] {
                showReport(*report);
                m_shownFor = id;
                emit updated();
            });
        },
        // Long enough for ordinary maps to show the figures at once (no flicker, screenshots
        // see them), short enough not to be felt; bigger maps show "Computing…" meanwhile.
        m_waitMs);
    if (ended)
        return;
    if (m_shownFor != m_id) {
        // Another component's figures would mislead while this one's are on their way.
        showReport(AvailabilityReport {});
        m_shownFor.clear();
    }
    m_note->setText(tr("Computing…"));
    m_note->show();
}

void AvailabilitySection::showError(const QString &message)
{
    showReport(AvailabilityReport {});
    m_note->setText(tr("It cannot be computed exactly: %1").arg(message));
    m_shownFor = m_id;
    emit updated();
}

void AvailabilitySection::showReport(const AvailabilityReport &report)
{
    const Map &map = m_doc->map();
    const QLocale locale;
    m_contributorIds.clear();
    m_contributors = replace(m_layout, m_contributors);
    auto *grid = new QGridLayout(m_contributors);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(0, 1);

    const bool nothingFails = report.variableCount == 0;
    m_value->setVisible(!nothingFails);
    m_downtime->setVisible(!nothingFails);
    m_contributorsTitle->setVisible(!report.contributors.empty());
    m_note->setVisible(nothingFails || report.contributors.empty());
    if (nothingFails) {
        m_note->setText(tr("No component with an availability: give it, or what it needs, one "
                           "(e.g. 0.9995) to see how often it is down."));
        m_contributors->show();
        return;
    }
    m_value->setText(availabilityformat::percent(report.unavailability));
    const double minutes = report.downtimeMinutesPerYear;
    m_downtime->setText(availabilityformat::downtimePerYear(minutes));
    m_downtime->setToolTip(report.variableCount == 1
            ? tr("1 component it needs can fail.")
            : tr("%1 components it needs can fail.").arg(report.variableCount));
    m_note->setText(tr("Nothing it needs can take it down."));

    const QString target = map.component(*map.findComponent(m_id)).displayName();
    int row = 0;
    for (const AvailabilityContributor &c : report.contributors) {
        const Component &comp = map.component(c.component);
        const double share = c.criticality; // of the target's downtime
        const QString saved = availabilityformat::minutes(c.contribution * minutesPerYear);
        auto *name = linkLabel(link(map, comp.id));
        name->setObjectName(QStringLiteral("contributor:") + comp.id);
        name->setWordWrap(false);
        connect(name, &QLabel::linkActivated, this,
            [this](const QString &l) { emit componentActivated(idFromHref(l)); });
        auto *minutesLabel = new QLabel(tr("%1 min").arg(saved));
        minutesLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *shareLabel = new QLabel(availabilityformat::share(share));
        shareLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        shareLabel->setForegroundRole(QPalette::PlaceholderText);
        const QString tip =
            tr("If %1 never failed, %2 would be down %3 minutes less a year "
               "(%4 % of its downtime). Its own availability: %5.")
                .arg(comp.displayName(), target, saved, locale.toString(share * 100.0, 'f', 1),
                    availabilityformat::percent(c.unavailability));
        for (QLabel *label : {name, minutesLabel, shareLabel}) {
            label->setToolTip(tip);
            grid->addWidget(label, row, label == name ? 0 : label == minutesLabel ? 1 : 2);
        }
        m_contributorIds.append(comp.id);
        ++row;
    }
    m_contributors->show();
}

QString AvailabilitySection::text() const
{
    QStringList parts;
    for (const QLabel *label : {m_value, m_downtime, m_note}) {
        if (!label->isHidden() && !label->text().isEmpty())
            parts.append(label->text());
    }
    return parts.join(QLatin1Char('\n'));
}

} // namespace faultline
