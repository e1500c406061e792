// EditActions' clipboard: cut, copy, paste and duplicate of components, across windows too
// (Faultline's MIME type and plain-text JSON), and where pasted components are placed.
#include "app/gui/editactions.h"

#include "model/editing/clipboardedits.h"
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/placement.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QStatusBar>

namespace faultline {

// Cut, copy, paste and duplicate act on the components selected on the canvas or in the list
// (added there by the window, WidgetShortcut): in a text field the keys are the field's own.
void EditActions::createClipboardActions()
{
    m_cut = new QAction(tr("Cu&t"), this);
    m_cut->setShortcut(QKeySequence::Cut);
    m_copy = new QAction(tr("&Copy"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_paste = new QAction(tr("&Paste"), this);
    m_paste->setShortcut(QKeySequence::Paste);
    m_duplicate = new QAction(tr("D&uplicate"), this);
    m_duplicate->setShortcut(Qt::CTRL | Qt::Key_D);
    for (QAction *a : {m_cut, m_copy, m_paste, m_duplicate}) {
        a->setShortcutContext(Qt::WidgetShortcut);
        m_parts.view->addAction(a);
    }
    connect(m_copy, &QAction::triggered, this, &EditActions::copySelected);
    connect(m_cut, &QAction::triggered, this, [this] {
        if (copySelected())
            deleteSelected();
    });
    connect(m_paste, &QAction::triggered, this, [this] {
        const QMimeData *data = QGuiApplication::clipboard()->mimeData();
        if (!data)
            return;
        const QString mime = QLatin1String(edit::clipboardMimeType);
        paste(data->hasFormat(mime) ? data->data(mime) : data->text().toUtf8());
    });
    connect(m_duplicate, &QAction::triggered, this, [this] {
        const QStringList ids =
            m_parts.document->map().existingComponents(m_parts.selection->components());
        if (!ids.isEmpty())
            paste(edit::copyComponents(m_parts.document->map(), ids));
    });
}

bool EditActions::copySelected()
{
    const Map &map = m_parts.document->map();
    const QStringList ids = map.existingComponents(m_parts.selection->components());
    if (ids.isEmpty())
        return false;
    const QByteArray json = edit::copyComponents(map, ids);
    auto *data = new QMimeData;
    data->setData(QLatin1String(edit::clipboardMimeType), json);
    data->setText(QString::fromUtf8(json));
    QGuiApplication::clipboard()->setMimeData(data);
    m_parts.statusBar->showMessage(
        ids.size() == 1 ? tr("Copied 1 component") : tr("Copied %1 components").arg(ids.size()),
        4000);
    return true;
}

// Where pasted components go, decided before the paste so that it is part of its undo step:
// each copied component whose parent was not copied goes, with what it holds, as one block
// keeping the copied picture, into free space: beside the original when this map has it
// (duplicate, copy and paste in one map), else near the view's centre. A block with a component
// the copy has no position for is left to the automatic layout.
void EditActions::placePaste(
    const QByteArray &json, QHash<QString, QPointF> &at, QHash<QString, QPointF> &moves)
{
    Map clip;
    try {
        clip = interchange::read(json, QString());
    } catch (const Error &) {
        return; // the paste itself says what is wrong
    }
    const Map &map = m_parts.document->map();
    placement::Canvas canvas = placement::canvasOf(*m_parts.document, *m_parts.scene);
    const QPointF viewCentre = m_parts.view->mapToScene(m_parts.view->viewport()->rect().center());
    for (const Component &root : clip.components()) {
        if (clip.findComponent(root.parent))
            continue; // inside a copied parent: it goes with that one's block
        QStringList block {root.id};
        for (int k = 0; k < block.size(); ++k) {
            for (const Component &c : clip.components()) {
                if (c.parent == block[k])
                    block.append(c.id);
            }
        }
        QRectF extent;
        bool placed = true;
        for (const QString &id : block) {
            const auto p = clip.positions().find(id);
            if (p == clip.positions().end()) {
                placed = false;
                break;
            }
            const Component &c = clip.component(*clip.findComponent(id));
            const QSizeF size = drawing::nodeSize(drawing::labelLines(c.displayName()));
            extent = extent.united(QRectF(*p - QPointF(size.width(), size.height()) / 2, size));
        }
        if (!placed)
            continue;
        const QString target = edit::pasteTarget(map, root);
        const int parent = target.isEmpty() ? -1 : map.findComponent(target)->value;
        const QPointF near = map.findComponent(root.id) ? extent.center() : viewCentre;
        const placement::Spot spot =
            placement::place(canvas, parent, extent.size() + QSizeF(20, 20), near);
        const QPointF offset = spot.at - extent.center();
        for (const QString &id : block)
            at.insert(id, clip.positions().value(id) + offset);
        moves.insert(spot.pushed);
        // The next block keeps clear of this one.
        const int box = int(canvas.boxes.size());
        canvas.boxes.push_back(
            placement::Box {QString(), extent.translated(offset), parent, QSizeF(), {}});
        if (parent >= 0) {
            canvas.boxes[parent].children.push_back(box);
            placement::regrow(canvas, parent);
        }
    }
}

QStringList EditActions::paste(const QByteArray &json)
{
    QStringList ids;
    QHash<QString, QPointF> at, moves;
    placePaste(json, at, moves);
    if (!apply(edit::tryPush(
            *m_parts.document, edit::pasteComponents(*m_parts.document, json, &ids, at, moves))))
        return {};
    if (!ids.isEmpty())
        m_parts.selection->setComponents(ids);
    return ids;
}

} // namespace faultline
