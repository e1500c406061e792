#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace faultline {

class BackgroundJob;
class MapDocument;
struct AvailabilityReport;

// The inspector's availability section for a business service: its exact availability, its
// downtime a year and the components that contribute most to it
// (model/analysis/availability.h), written as the Analysis panel writes them
// (views/availabilityformat.h). It computes on a BackgroundJob, again after every change of the
// map; a result that takes longer than a few tens of milliseconds shows when it arrives, and
// one for an older map is dropped.
class AvailabilitySection : public QWidget
{
    Q_OBJECT

public:
    explicit AvailabilitySection(MapDocument *document, QWidget *parent = nullptr);

    // How many contributors it lists.
    static constexpr int contributorLimit = 5;

    // Shows the section for `componentId` when that is a business service (computing its
    // figures unless they are shown or on their way for this map), hides it otherwise.
    void showFor(const QString &componentId);
    // Stops computing; the next showFor() computes again.
    void stop();

    bool isPending() const;
    // How long the GUI thread waits for a result before it lets it arrive later (40 ms; tests
    // set 0 to take the asynchronous path).
    void setWait(int ms) { m_waitMs = ms; }
    // The availability, downtime, or why there is none, as shown.
    QString text() const;
    // The contributors' ids, largest first.
    QStringList contributorIds() const { return m_contributorIds; }

signals:
    void componentActivated(const QString &id);
    // The section shows a new result.
    void updated();

private:
    void start();
    void showReport(const AvailabilityReport &report);
    void showError(const QString &message);

    MapDocument *m_doc;
    BackgroundJob *m_job;
    int m_waitMs = 40;
    // The component computed (or shown) and the map revision it was computed on.
    QString m_id;
    quint64 m_revision = 0;
    QString m_shownFor; // the component whose figures the section shows

    QVBoxLayout *m_layout;
    QLabel *m_value, *m_downtime, *m_note, *m_contributorsTitle;
    QWidget *m_contributors;
    QStringList m_contributorIds;
};

} // namespace faultline
