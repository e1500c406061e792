// File › Export…, Report… and Import… without their dialogs: the window's map with its what-if
// exported in every format, the report, and an import merged as one undoable step, refusing
// ids the map already has.

#include "app/gui/fileactions.h"
#include "app/gui/exportactions.h"
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "tests/app/guitestutil.h"
#include "views/icons.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <memory>

using namespace faultline;

class TestExportGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> openExample()
    {
        auto w = guitest::openExample();
        w->exportActions()->setInteractive(false);
        return w;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        icons::initResources();
        QVERIFY(m_dir.isValid());
    }

    void exportsTheWhatIf()
    {
        auto w = openExample();
        MapDocument *doc = w->document();
        const Scenario saved = doc->map().scenarios().front();
        doc->setWhatIf(saved.fail, saved.degrade);
        ExportActions *ex = w->exportActions();
        QCOMPARE(ex->currentScenario().name, saved.name);

        for (const char *suffix : {"svg", "png", "pdf", "dot", "csv", "json"}) {
            const QString path = m_dir.filePath(QStringLiteral("w.") + QLatin1String(suffix));
            QVERIFY2(ex->exportTo(path, ex->currentScenario()), qPrintable(ex->lastError()));
            QVERIFY2(QFile(path).size() > 0, suffix);
        }
        QXmlStreamReader xml(readFile(m_dir.filePath(QStringLiteral("w.svg"))));
        QString text;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isCharacters())
                text += xml.text();
        }
        QVERIFY(!xml.hasError());
        QVERIFY(text.contains(doc->map().name + QStringLiteral(" — ") + saved.name));
        QVERIFY(!QImage(m_dir.filePath(QStringLiteral("w.png"))).isNull());
        QVERIFY(readFile(m_dir.filePath(QStringLiteral("w.pdf"))).startsWith("%PDF"));

        const QString html = m_dir.filePath(QStringLiteral("r.html"));
        QVERIFY2(ex->reportTo(html, ex->currentScenario(), 2.0), qPrintable(ex->lastError()));
        QVERIFY(readFile(html).contains(saved.name.toHtmlEscaped().toUtf8()));
        const QString pdf = m_dir.filePath(QStringLiteral("r.pdf"));
        QVERIFY2(ex->reportTo(pdf, ex->currentScenario(), 2.0), qPrintable(ex->lastError()));
        QVERIFY(readFile(pdf).startsWith("%PDF"));
    }

    void importMergesAsOneUndoableStep()
    {
        auto w = openExample();
        MapDocument *doc = w->document();
        const int before = doc->map().componentCount();
        const int deps = doc->map().dependencyCount();
        const QString csv = QStringLiteral(
            FAULTLINE_SOURCE_DIR "/resources/samples/online-boutique-components.csv");
        const Map imported = ExportActions::readImport(csv);
        QVERIFY(w->exportActions()->importFrom(csv, ExportActions::ImportMode::Merge));
        QCOMPARE(doc->map().componentCount(), before + imported.componentCount());
        QCOMPARE(doc->map().dependencyCount(), deps + imported.dependencyCount());
        QVERIFY(doc->map().findComponent(imported.components().front().id).has_value());
        QVERIFY(w->waitForLayout());

        // The same file again clashes on every id: refused, nothing changes.
        const int undoCount = doc->undoStack()->count();
        QVERIFY(!w->exportActions()->importFrom(csv, ExportActions::ImportMode::Merge));
        QVERIFY2(w->exportActions()->lastError().contains(imported.components().front().id),
            qPrintable(w->exportActions()->lastError()));
        QCOMPARE(doc->undoStack()->count(), undoCount);
        QCOMPARE(doc->map().componentCount(), before + imported.componentCount());

        doc->undoStack()->undo();
        QCOMPARE(doc->map().componentCount(), before);
        QCOMPARE(doc->map().dependencyCount(), deps);
    }

    void importAsNewMap()
    {
        auto w = openExample();
        const QString dot =
            QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/samples/online-boutique.dot");
        QVERIFY2(w->exportActions()->importFrom(dot, ExportActions::ImportMode::NewMap),
            qPrintable(w->exportActions()->lastError()));
        QCOMPARE(
            w->document()->map().componentCount(), ExportActions::readImport(dot).componentCount());
        QVERIFY(w->document()->filePath().isEmpty());
    }

    void terraformImportKeepsTheMapInStep()
    {
        auto w = openExample();
        MapDocument *doc = w->document();
        const QString state =
            QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/terraform/aws-state-v4-two-zones.tfstate");
        QVERIFY2(w->exportActions()->importFrom(state, ExportActions::ImportMode::NewMap),
            qPrintable(w->exportActions()->lastError()));
        QVERIFY(doc->map().findComponent(QStringLiteral("aws/eu-west-1/eu-west-1a")));
        const Map imported = doc->map();

        // The same state again: nothing to do, no undo step.
        const int steps = doc->undoStack()->count();
        QVERIFY(w->exportActions()->importFrom(state, ExportActions::ImportMode::Merge));
        QVERIFY2(w->exportActions()->lastImportReport().contains(QStringLiteral("0 added, 0 changed, 0 removed")),
            qPrintable(w->exportActions()->lastImportReport()));
        QCOMPARE(doc->undoStack()->count(), steps);

        // A newer state without the reports database, and a catalog joined to it: each one
        // undoable step.
        QJsonObject top = QJsonDocument::fromJson(readFile(state)).object();
        QJsonArray kept;
        for (const QJsonValue &r : top.value(QStringLiteral("resources")).toArray()) {
            if (r.toObject().value(QStringLiteral("name")).toString() != QStringLiteral("reports"))
                kept.append(r);
        }
        top.insert(QStringLiteral("resources"), kept);
        const QString newer = m_dir.filePath(QStringLiteral("newer.tfstate"));
        QFile f(newer);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(top).toJson());
        f.close();
        QVERIFY2(w->exportActions()->importFrom(newer, ExportActions::ImportMode::Merge),
            qPrintable(w->exportActions()->lastError()));
        QVERIFY(w->exportActions()->lastImportReport().contains(QStringLiteral("- aws_db_instance.reports")));
        QVERIFY(!doc->map().findComponent(QStringLiteral("aws_db_instance.reports")));
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        const QString catalog =
            QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/backstage/catalog-info.yaml");
        QVERIFY2(w->exportActions()->importFrom(catalog, ExportActions::ImportMode::Merge),
            qPrintable(w->exportActions()->lastError()));
        QVERIFY(doc->map().findDependency(QStringLiteral("component:default/checkout"),
            QStringLiteral("aws_db_instance.main")));
        QCOMPARE(doc->undoStack()->count(), steps + 2);
        QVERIFY(w->waitForLayout());

        doc->undoStack()->undo();
        doc->undoStack()->undo();
        // Back to the first import (the layout may have placed what the imports added).
        QVERIFY(doc->map().components() == imported.components());
        QVERIFY(doc->map().dependencies() == imported.dependencies());
    }

    void importErrorLeavesTheMap()
    {
        auto w = openExample();
        const QString bad = m_dir.filePath(QStringLiteral("bad.dot"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("digraph g {\n  a -> b;\n  c -> ;\n}\n");
        f.close();
        const int before = w->document()->map().componentCount();
        QVERIFY(!w->exportActions()->importFrom(bad, ExportActions::ImportMode::Merge));
        QVERIFY2(w->exportActions()->lastError().contains(QStringLiteral("bad.dot:")),
            qPrintable(w->exportActions()->lastError()));
        QCOMPARE(w->document()->map().componentCount(), before);
    }
};

QTEST_MAIN(TestExportGui)
#include "tst_export_gui.moc"
