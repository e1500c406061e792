#include "views/inspectorlinks.h"

#include "model/map/map.h"

#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

namespace faultline::inspector {

QString href(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString idFromHref(const QString &link)
{
    return QUrl::fromPercentEncoding(link.toLatin1());
}

QString link(const Map &map, const QString &id)
{
    const auto i = map.findComponent(id);
    const QString name = i ? map.component(*i).displayName() : id;
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(href(id), name.toHtmlEscaped());
}

QLabel *linkLabel(const QString &html)
{
    auto *label = new QLabel(html);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    return label;
}

QLabel *addSection(QVBoxLayout *layout, const QString &title)
{
    auto *label = new QLabel(title);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 10, 0, 2);
    layout->addWidget(label);
    return label;
}

QWidget *replace(QVBoxLayout *layout, QWidget *old)
{
    auto *fresh = new QWidget;
    // The layout hands back the item that held `old`; it is ours to delete.
    delete layout->replaceWidget(old, fresh);
    old->hide();
    old->deleteLater();
    return fresh;
}

} // namespace faultline::inspector
