#pragma once

#include "model/map/map.h"
#include "model/report/htmlreport.h"
#include "model/report/reportdata.h"

#include <QByteArray>
#include <QString>

#include <vector>

// The workshop pack (`faultline report MAP --all-scenarios`): one document for a whole session
// over every saved scenario. A matrix of the business services by scenario, then per scenario
// its diagram, its cascade round by round, its affected components, its notes, decisions and
// action items; last, every action item. All figures come from the one impact engine.
namespace faultline::report {

// A business service in one scenario: its state, or up but exposed (model/impact/exposure.h).
struct ServiceCell
{
    State state = State::Up;
    bool exposed = false;
};

// One row of the matrix: a business service, in map order, and its cell in each scenario.
struct MatrixRow
{
    QString name;
    std::vector<ServiceCell> cells; // one per scenario, in map order
};

// One component in the cascade: what reached its state in a round, and through what.
struct CascadeRow
{
    QString name;
    State state = State::Up;
    bool setByScenario = false; // round 0: failed or impaired by the scenario itself
    bool business = false;
    QString cause; // the name of the parent or dependency it came through; empty in round 0
};

struct PackScenario
{
    ReportData report; // summary, affected components (no side-by-side comparison)
    std::vector<std::vector<CascadeRow>> rounds; // rounds[r]: what reached its state in round r
    QString notes;
    QStringList decisions;
    std::vector<ActionItem> actions;
};

struct PackData
{
    QString mapName;
    QDateTime date;
    QString currency;
    int componentCount = 0;
    std::vector<MatrixRow> matrix;
    std::vector<PackScenario> scenarios; // every saved scenario, in map order
};

// Runs the engine on every saved scenario. A map without saved scenarios gives a pack with
// none (the command line refuses it before).
PackData buildPack(const Map &map, const Options &options = {});

// The pack as one self-contained XHTML file, under the rules of html() (htmlreport.h): well
// formed, no script, every text from the map escaped, diagrams inlined. `diagrams` holds one
// picture per scenario (or none: no diagram sections). Each scenario starts on a new page when
// printed.
QByteArray packHtml(const PackData &data, const std::vector<Diagram> &diagrams = {});

} // namespace faultline::report
