#include "app/gui/userguide.h"

#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QWidget>

namespace faultline {

QString userGuideMarkdown()
{
    QFile f(QStringLiteral(":/docs/user-guide.md"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

void showUserGuide(QWidget *parent)
{
    const QString name = QStringLiteral("userGuide");
    auto *window = parent->findChild<QWidget *>(name, Qt::FindDirectChildrenOnly);
    if (!window) {
        window = new QWidget(parent, Qt::Window);
        window->setObjectName(name);
        window->setWindowTitle(QObject::tr("Faultline User Guide"));
        auto *browser = new QTextBrowser;
        browser->setOpenExternalLinks(true);
        browser->document()->setDocumentMargin(16);
        const QString markdown = userGuideMarkdown();
        if (markdown.isEmpty())
            browser->setPlainText(QObject::tr("The user guide is missing from this build."));
        else
            browser->setMarkdown(markdown);
        auto *layout = new QVBoxLayout(window);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(browser);
        window->resize(780, 860);
    }
    window->show();
    window->raise();
    window->activateWindow();
}

} // namespace faultline
