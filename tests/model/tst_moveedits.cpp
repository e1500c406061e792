// Moves as edits, without a window: a drag's moves and a re-layout are ordinary planned edits
// (model/editing/edits.h); push, check the positions, undo, check, redo.
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"

#include <QSignalSpy>
#include <QTest>

using namespace faultline;

namespace {

Map threeComponents()
{
    Map map;
    for (const char *id : {"a", "b", "c"}) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.kind = QStringLiteral("service");
        map.addComponent(c);
    }
    map.setPosition(QStringLiteral("a"), QPointF(0, 0));
    map.setPosition(QStringLiteral("b"), QPointF(10, 0));
    return map; // c has no position
}

QPointF position(const MapDocument &doc, const char *id)
{
    return doc.map().positions().value(QString::fromLatin1(id));
}

} // namespace

class TestMoveEdits : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    Map m_original;

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_doc->reset(threeComponents(), {}, false);
        m_original = m_doc->map();
    }
    void cleanup()
    {
        delete m_doc;
        m_doc = nullptr;
    }

    void dragMovesAndUndoes()
    {
        QSignalSpy mapChanged(m_doc, &MapDocument::mapChanged);
        QSignalSpy positionsChanged(m_doc, &MapDocument::positionsChanged);
        const QHash<QString, QPointF> before {{QStringLiteral("a"), QPointF(0, 0)}};
        const QHash<QString, QPointF> after {{QStringLiteral("a"), QPointF(5, 5)}};
        QCOMPARE(
            edit::tryPush(*m_doc, edit::moveComponents(*m_doc, before, after, 0)), std::nullopt);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Move 1 component"));
        QCOMPARE(position(*m_doc, "a"), QPointF(5, 5));
        // Only positions changed: no relayout, no re-evaluation.
        QCOMPARE(mapChanged.count(), 0);
        QCOMPARE(positionsChanged.count(), 1);
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == m_original);
        m_doc->undoStack()->redo();
        QCOMPARE(position(*m_doc, "a"), QPointF(5, 5));
        QCOMPARE(mapChanged.count(), 0);
    }

    void dragStartsWhereTheItemsWere()
    {
        // The canvas had moved b before the map did: undo goes back to the gesture's start.
        const QHash<QString, QPointF> before {{QStringLiteral("b"), QPointF(7, 7)}};
        const QHash<QString, QPointF> after {{QStringLiteral("b"), QPointF(20, 20)}};
        edit::tryPush(*m_doc, edit::moveComponents(*m_doc, before, after, 0));
        m_doc->undoStack()->undo();
        QCOMPARE(position(*m_doc, "b"), QPointF(7, 7));
    }

    void moveOfSeveralNamesTheCount()
    {
        const QHash<QString, QPointF> after {
            {QStringLiteral("a"), QPointF(3, 3)}, {QStringLiteral("b"), QPointF(9, 9)}};
        edit::tryPush(*m_doc, edit::moveComponents(*m_doc, {}, after, 0));
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Move 2 components"));
    }

    void componentWithoutPositionKeepsItsNewOne()
    {
        const QHash<QString, QPointF> after {{QStringLiteral("c"), QPointF(1, 2)}};
        edit::tryPush(*m_doc, edit::moveComponents(*m_doc, {}, after, 0));
        QCOMPARE(position(*m_doc, "c"), QPointF(1, 2));
        m_doc->undoStack()->undo();
        QCOMPARE(position(*m_doc, "c"), QPointF(1, 2));
    }

    void oneGestureIsOneStep()
    {
        const int gesture = edit::newGesture();
        QVERIFY(gesture != 0);
        QVERIFY(edit::newGesture() != gesture);
        edit::tryPush(*m_doc,
            edit::moveComponents(*m_doc, {{QStringLiteral("a"), QPointF(0, 0)}},
                {{QStringLiteral("a"), QPointF(1, 1)}}, gesture));
        edit::tryPush(*m_doc,
            edit::moveComponents(*m_doc,
                {{QStringLiteral("a"), QPointF(1, 1)}, {QStringLiteral("b"), QPointF(10, 0)}},
                {{QStringLiteral("a"), QPointF(2, 2)}, {QStringLiteral("b"), QPointF(3, 3)}},
                gesture));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(position(*m_doc, "a"), QPointF(2, 2));
        QCOMPARE(position(*m_doc, "b"), QPointF(3, 3));
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == m_original);
        m_doc->undoStack()->redo();
        QCOMPARE(position(*m_doc, "a"), QPointF(2, 2));
        QCOMPARE(position(*m_doc, "b"), QPointF(3, 3));
    }

    void gesturesDoNotMerge_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("second");
        const int g = edit::newGesture();
        QTest::newRow("two gestures") << g << edit::newGesture();
        QTest::newRow("no gesture") << 0 << 0;
    }
    void gesturesDoNotMerge()
    {
        QFETCH(int, first);
        QFETCH(int, second);
        edit::tryPush(*m_doc,
            edit::moveComponents(*m_doc, {{QStringLiteral("a"), QPointF(0, 0)}},
                {{QStringLiteral("a"), QPointF(1, 1)}}, first));
        edit::tryPush(*m_doc,
            edit::moveComponents(*m_doc, {{QStringLiteral("a"), QPointF(1, 1)}},
                {{QStringLiteral("a"), QPointF(2, 2)}}, second));
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        QCOMPARE(position(*m_doc, "a"), QPointF(1, 1));
    }

    void relayoutIsOneStepThatNeverMerges()
    {
        const QHash<QString, QPointF> layout {{QStringLiteral("a"), QPointF(100, 0)},
            {QStringLiteral("b"), QPointF(200, 0)}, {QStringLiteral("c"), QPointF(300, 0)}};
        QCOMPARE(edit::tryPush(*m_doc, edit::applyLayout(*m_doc, layout)), std::nullopt);
        QCOMPARE(edit::tryPush(*m_doc, edit::applyLayout(*m_doc, layout)), std::nullopt);
        QCOMPARE(m_doc->undoStack()->count(), 2);
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Re-layout"));
        QCOMPARE(position(*m_doc, "c"), QPointF(300, 0));
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        // a and b go back; c, which had no position, keeps the layout's.
        QCOMPARE(position(*m_doc, "a"), QPointF(0, 0));
        QCOMPARE(position(*m_doc, "b"), QPointF(10, 0));
        QCOMPARE(position(*m_doc, "c"), QPointF(300, 0));
    }

    void movesOfDeletedComponentsAreDropped()
    {
        // A layout that finishes after a component went: the rest still moves.
        const QHash<QString, QPointF> layout {
            {QStringLiteral("a"), QPointF(100, 0)}, {QStringLiteral("gone"), QPointF(1, 1)}};
        QCOMPARE(edit::tryPush(*m_doc, edit::applyLayout(*m_doc, layout)), std::nullopt);
        QCOMPARE(position(*m_doc, "a"), QPointF(100, 0));
        QVERIFY(!m_doc->map().positions().contains(QStringLiteral("gone")));
        const QHash<QString, QPointF> drag {{QStringLiteral("gone"), QPointF(1, 1)}};
        edit::Edit nothing = edit::moveComponents(*m_doc, {}, drag, 0);
        QVERIFY(nothing.isNoop());
    }

    void moveDoesNotMergeWithOtherEdits()
    {
        const int gesture = edit::newGesture();
        edit::tryPush(*m_doc,
            edit::moveComponents(*m_doc, {{QStringLiteral("a"), QPointF(0, 0)}},
                {{QStringLiteral("a"), QPointF(1, 1)}}, gesture));
        Component d;
        d.id = QStringLiteral("d");
        d.kind = QStringLiteral("service");
        edit::tryPush(*m_doc, edit::addComponent(*m_doc, d, QPointF(4, 4)));
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == m_original);
    }
};

QTEST_GUILESS_MAIN(TestMoveEdits)
#include "tst_moveedits.moc"
