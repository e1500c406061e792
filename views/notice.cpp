#include "views/notice.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace faultline {

void showNotice(QWidget *window, const QString &text)
{
    if (!window)
        return;
    window = window->window();
    if (auto *main = qobject_cast<QMainWindow *>(window))
        main->statusBar()->showMessage(text, 15000);
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("noticeBox"));
    if (!box) {
        box = new QMessageBox(QMessageBox::Information, QObject::tr("Check this edit"), QString(),
            QMessageBox::Ok, window);
        box->setObjectName(QStringLiteral("noticeBox"));
        box->setWindowModality(Qt::NonModal);
        box->setAttribute(Qt::WA_DeleteOnClose);
    }
    box->setText(text);
    box->show();
    box->raise();
}

} // namespace faultline
