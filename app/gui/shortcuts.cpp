#include "app/gui/shortcuts.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace faultline {

// Every action's tooltip names its keys, as its menu entry does.
void showShortcutsInToolTips(QWidget *window)
{
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys.append(k.toString(QKeySequence::NativeText));
        const QString tip = a->toolTip();
        if (!tip.contains(keys.front()))
            a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, keys.join(QObject::tr(" or "))));
    }
}

// Help › Keyboard Shortcuts: every action with a key, as the menus have them.
void showShortcutsDialog(QWidget *window)
{
    auto *dialog = new QDialog(window);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({QObject::tr("Action"), QObject::tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QList<QPair<QString, QString>> rows;
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys.append(k.toString(QKeySequence::NativeText));
        rows.append({a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
            keys.join(QObject::tr(" or "))});
    }
    std::sort(rows.begin(), rows.end());
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        table->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(close, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(close);
    dialog->resize(520, 640);
    dialog->show();
}

} // namespace faultline
