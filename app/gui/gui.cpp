// Placeholder until the desktop window lands: prints the bundled example's headline scenario.
#include "app/gui/gui.h"

#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/jsonformat.h"
#include "model/map/errors.h"

#include <QCoreApplication>
#include <QTextStream>

namespace faultline::gui {

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    try {
        const Map map = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE_PATH));
        if (map.scenarios().empty())
            return 0;
        const Scenario &s = map.scenarios().front();
        const ImpactGraph graph(map);
        const ImpactResult r = evaluateImpact(graph, resolveScenario(map, s));
        out << map.name << ": " << s.name << "\n";
        for (ComponentIndex c : r.affected())
            out << "  " << toString(r.state(c)) << "\t" << map.component(c).displayName() << "\n";
    } catch (const Error &e) {
        QTextStream(stderr) << e.message() << "\n";
        return 1;
    }
    return 0;
}

} // namespace faultline::gui
