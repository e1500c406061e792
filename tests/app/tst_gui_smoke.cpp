// Starts the real executable on the bundled example and takes screenshots, as the docs do.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestGuiSmoke : public QObject
{
    Q_OBJECT

private:
    static int run(const QStringList &args, QString *errors = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FAULTLINE_EXECUTABLE), args);
        if (!p.waitForFinished(120000))
            return -1;
        if (errors)
            *errors = QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private slots:
    void bundledExample()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("example.png"));
        QString errors;
        QCOMPARE(run({QStringLiteral("--screenshot"), png}, &errors), 0);
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 1000));
    }

    void scenarioAndFailures()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("scenario.png"));
        QCOMPARE(run({QStringLiteral(FAULTLINE_EXAMPLE), QStringLiteral("--scenario"),
                     QStringLiteral("us-east-1 down"), QStringLiteral("--fail"),
                     QStringLiteral("payvine"), QStringLiteral("--screenshot"), png,
                     QStringLiteral("--size"), QStringLiteral("1200x800")}),
            0);
        QCOMPARE(QImage(png).size(), QSize(1200, 800));
    }

    void unknownIdIsAnError()
    {
        QTemporaryDir dir;
        QString errors;
        QCOMPARE(run({QStringLiteral("--fail"), QStringLiteral("no-such-thing"),
                         QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png"))},
                     &errors),
            1);
        QVERIFY(errors.contains(QLatin1String("no-such-thing")));
    }
};

QTEST_GUILESS_MAIN(TestGuiSmoke)
#include "tst_gui_smoke.moc"
