#include "model/io/actionscsv.h"

#include "model/io/impactformat.h"

namespace faultline::actionscsv {

QByteArray write(const Map &map)
{
    QString out = QStringLiteral("scenario,what,owner,due,status\r\n");
    for (const Scenario &s : map.scenarios()) {
        for (const ActionItem &a : s.actions) {
            out += impactformat::csvField(s.name) + u',' + impactformat::csvField(a.what) + u','
                + impactformat::csvField(a.owner) + u',' + toString(a.due) + u','
                + toString(a.status) + QStringLiteral("\r\n");
        }
    }
    return out.toUtf8();
}

} // namespace faultline::actionscsv
