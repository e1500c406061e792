// One word for impairing a component everywhere (DESIGN.md, "Words"): the what-if's own word is
// "impair" (the action Impair, D; the legend's "Impaired (what-if)"); "degraded" is the state it
// leads to. No action, tooltip, label, legend entry or user document says "degrade" for it;
// only the command line's flag `--degrade` (and the interchange key "degrade") keep the old word.
#include "app/gui/mainwindow.h"
#include "app/gui/whatifactions.h"
#include "tests/app/guitestutil.h"
#include "views/icons.h"
#include "views/mapdrawing.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QTest>

using namespace faultline;
using namespace faultline::guitest;

namespace {

// "degrade", "degrades", "degrading" as a word of prose: not the flags (--degrade,
// --a-degrade) nor the JSON key ("degrade").
const QRegularExpression verb(QStringLiteral(R"((?<![-"\w])degrad(e|es|ing)\b(?!"))"),
    QRegularExpression::CaseInsensitiveOption);

QStringList offenders(const QStringList &texts)
{
    QStringList out;
    for (const QString &t : texts) {
        if (verb.match(t).hasMatch())
            out.append(t);
    }
    return out;
}

} // namespace

class TestGuiWording : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    void actionsAndLegendSayImpair()
    {
        auto w = openExample();
        QAction *impair = w->whatIf()->degradeAction();
        QCOMPARE(impair->text().remove(QLatin1Char('&')), QStringLiteral("Impair"));
        QCOMPARE(impair->shortcut(), QKeySequence(Qt::Key_D));
        QVERIFY(impair->toolTip().startsWith(QLatin1String("Impair")));
        QVERIFY(drawing::legendTexts().contains(QStringLiteral("Impaired (what-if)")));

        QStringList texts = drawing::legendTexts();
        for (QAction *a : w->findChildren<QAction *>())
            texts << a->text() << a->toolTip() << a->statusTip() << a->whatsThis();
        for (QWidget *widget : w->findChildren<QWidget *>()) {
            texts << widget->toolTip() << widget->accessibleName() << widget->windowTitle();
            if (auto *label = qobject_cast<QLabel *>(widget))
                texts << label->text();
            if (auto *button = qobject_cast<QAbstractButton *>(widget))
                texts << button->text();
            if (auto *edit = qobject_cast<QLineEdit *>(widget))
                texts << edit->placeholderText();
            if (auto *list = qobject_cast<QListWidget *>(widget)) {
                for (int i = 0; i < list->count(); ++i)
                    texts << list->item(i)->text() << list->item(i)->toolTip();
            }
        }
        QVERIFY2(texts.size() > 100, "the walk saw the window");
        QCOMPARE(offenders(texts), QStringList());
        // The Impact panel's hint before anything is failed names the keys in the same words.
        QVERIFY(texts.join(QLatin1Char('\n')).contains(QLatin1String("D to impair it")));
    }

    void documentsSayImpair_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("README") << QStringLiteral("README.md");
        QTest::newRow("user guide") << QStringLiteral("docs/user-guide.md");
        QTest::newRow("design") << QStringLiteral("docs/DESIGN.md");
    }
    void documentsSayImpair()
    {
        QFETCH(QString, file);
        QFile f(QStringLiteral(FAULTLINE_SOURCE_DIR "/") + file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        QCOMPARE(offenders(lines), QStringList());
    }
};

QTEST_MAIN(TestGuiWording)
#include "tst_gui_wording.moc"
