#include "views/stateicons.h"

#include "views/mapdrawing.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace faultline::theme {

QIcon stateIcon(Look look)
{
    static QHash<int, QIcon> icons;
    const auto it = icons.constFind(int(look));
    if (it != icons.constEnd())
        return *it;
    QIcon icon;
    for (int size : {16, 20, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        drawing::drawBadge(&p, QPointF(size / 2.0, size / 2.0), look, size / 2.0 - 1);
        p.end();
        icon.addPixmap(pixmap);
    }
    icons.insert(int(look), icon);
    return icon;
}

} // namespace faultline::theme
