#pragma once

#include <QHeaderView>
#include <QLabel>
#include <QStringList>
#include <QTreeWidget>

// The small widgets the Analysis panel's tabs show their results in.
namespace faultline::resultwidgets {

// Where a result row keeps the component id (or ids) it stands for.
constexpr int IdRole = Qt::UserRole + 1;

inline QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A flat list with a stretching first column and the others sized to their contents.
inline QTreeWidget *resultTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setColumnCount(int(headers.size()));
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < headers.size(); ++c)
        tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    return tree;
}

} // namespace faultline::resultwidgets
