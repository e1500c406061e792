#include "app/gui/analysisactions.h"

#include "views/analysispanel.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

namespace faultline {

QMenu *addAnalysisMenu(QMenuBar *bar, QDockWidget *dock, AnalysisPanel *panel)
{
    QMenu *menu = bar->addMenu(QObject::tr("&Analysis"));
    auto show = [dock] {
        dock->show();
        dock->raise();
    };
    QAction *blast = menu->addAction(QObject::tr("&Blast Radius Ranking"), panel, [panel, show] {
        show();
        panel->runBlastRadius();
    });
    blast->setObjectName(QStringLiteral("blastRadiusAction"));
    QAction *spof =
        menu->addAction(QObject::tr("Find &Single Points of Failure"), panel, [panel, show] {
            show();
            panel->findSinglePointsOfFailure();
        });
    spof->setObjectName(QStringLiteral("spofAction"));
    QAction *cuts = menu->addAction(QObject::tr("Find Minimal &Cut Sets"), panel, [panel, show] {
        show();
        panel->findCutSets();
    });
    cuts->setObjectName(QStringLiteral("cutSetsAction"));
    QAction *availability =
        menu->addAction(QObject::tr("Compute &Availability"), panel, [panel, show] {
            show();
            panel->computeAvailability();
        });
    availability->setObjectName(QStringLiteral("availabilityAction"));
    menu->addSeparator();
    QAction *check = menu->addAction(QObject::tr("Check the &Policy"), panel, [panel, show] {
        show();
        panel->checkPolicy();
    });
    check->setObjectName(QStringLiteral("checkPolicyAction"));
    QAction *editPolicy = menu->addAction(QObject::tr("Edit P&olicy…"), panel, [panel, show] {
        show();
        panel->showTab(AnalysisPanel::PoliciesPage);
        panel->editPolicy();
    });
    editPolicy->setObjectName(QStringLiteral("editPolicyAction"));
    menu->addSeparator();
    QAction *cancel =
        menu->addAction(QObject::tr("Cancel the &Analysis"), panel, &AnalysisPanel::cancel);
    cancel->setObjectName(QStringLiteral("cancelAnalysisAction"));
    return menu;
}

} // namespace faultline
