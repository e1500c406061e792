#pragma once

#include "model/impact/engine.h"
#include "model/impact/state.h"
#include "model/map/map.h"
#include "model/map/scenario.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace faultline::report {

struct Options
{
    double outageHours = 4.0; // for the estimated loss
    QDateTime date; // invalid: now
    QString currency = QStringLiteral("$");
    // The table of every saved scenario side by side (ReportData::comparison); the workshop
    // pack has a matrix of its own instead.
    bool compareSavedScenarios = true;
};

// One component that is not up, with the chain of causes that explains it.
struct AffectedRow
{
    QString id;
    QString name;
    QString kind;
    State state = State::Up;
    bool setByScenario = false; // failed or impaired by the scenario itself (rule 1)
    bool business = false;
    QStringList causes; // names of the causes in turn, ending at the scenario's component
    QString owner;
    std::optional<int> tier;
    std::optional<double> rtoMinutes;
    std::optional<double> costPerHour;
};

// One saved scenario in the comparison table.
struct ScenarioColumn
{
    QString name;
    QStringList fail; // names
    QStringList degrade; // names
    ImpactSummary summary;
    int businessHit = 0;
    int businessExposed = 0; // up, but exposed (model/impact/exposure.h)
    double estimatedLoss = 0.0;
    bool isReported = false; // the scenario this report is about
};

// The recovery plan of the reported scenario (model/recovery/recoveryplan.h), in names.
struct RecoveryStepRow
{
    QString name;
    int wave = 0; // 1-based; 0 when it never comes back
    std::optional<double> start, back; // minutes; none: never
    QStringList waitsFor; // names
    bool rtoMissing = false;
};

struct RecoveryServiceRow
{
    QString name;
    State state = State::Up;
    std::optional<double> back, target; // minutes
    std::optional<bool> met;
};

struct DataAtRiskRow
{
    QString name;
    double rpo = 0.0;
    QStringList services; // names
    std::optional<bool> met;
};

struct RecoveryData
{
    std::vector<RecoveryStepRow> steps; // in plan order
    int waveCount = 0;
    std::optional<double> allBack;
    // Business services the scenario affects or that have a target RTO, in map order.
    std::vector<RecoveryServiceRow> services;
    std::vector<DataAtRiskRow> dataAtRisk;
    QStringList cycles; // each "A, B": components that wait on each other
};

// Everything the workshop report shows, computed once by the impact engine; the HTML (and
// through it the PDF) is a pure rendering of this.
struct ReportData
{
    QString mapName;
    QString scenarioName;
    QString scenarioDescription;
    QStringList fail; // names
    QStringList degrade; // names
    QDateTime date;
    double outageHours = 4.0;
    QString currency;

    int componentCount = 0;
    ImpactSummary summary;
    int businessCount = 0; // business services in the map
    QStringList businessHit; // names of business services down or degraded
    // Names of business services that are up but exposed (model/impact/exposure.h): one more
    // failure may take them down. In map order.
    QStringList businessExposed;
    double estimatedLoss = 0.0; // summary.costPerHour * outageHours
    std::vector<AffectedRow> affected; // down, then degraded, then at risk; map order in each
    std::vector<ScenarioColumn> comparison; // every saved scenario, in map order
    RecoveryData recovery; // the way back from the reported scenario
};

// Runs the engine on `scenario` (saved in the map or not) and on every saved scenario.
// Throws ValidationError for an id the map does not have.
ReportData buildReport(const Map &map, const Scenario &scenario, const Options &options = {});

// The saved scenario named `name`; throws ValidationError listing the saved names when there
// is none.
const Scenario &savedScenario(const Map &map, const QString &name);

} // namespace faultline::report
