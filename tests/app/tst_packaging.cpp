// The desktop package as a user's system sees it: the desktop file and the AppStream metainfo
// pass their validators, the MIME type recognises maps by name and by content, and
// `cpack -G DEB` makes a package with the files a desktop needs and the dependencies that a
// fresh Debian 12 must pull in.
#include "model/map/map.h"
#include "model/storage/faultlinefile.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
};

Run run(const QString &program, const QStringList &args, const QString &workingDir = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    if (!p.waitForFinished(300000))
        return {};
    return {
        p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

const QString appId = QStringLiteral("io.faultline.Faultline");
const QString packaging = QStringLiteral(FAULTLINE_SOURCE_DIR "/packaging/");

} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void desktopFileIsValid()
    {
        const QString validate = tool("desktop-file-validate");
        QVERIFY2(
            !validate.isEmpty(), "desktop-file-validate: packaging/install-deps.sh installs it");
        const QString file = packaging + appId + QStringLiteral(".desktop");
        const Run r = run(validate, {file});
        QVERIFY2(r.exitCode == 0 && r.out.trimmed().isEmpty(), qPrintable(r.out));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QLatin1String("\nMimeType=application/x-faultline;")));
        QVERIFY(text.contains(QLatin1String("\nExec=faultline %f")));
        QVERIFY(text.contains(QLatin1String("\nIcon=") + appId));
    }

    void metainfoIsValid()
    {
        const QString appstreamcli = tool("appstreamcli");
        QVERIFY2(!appstreamcli.isEmpty(), "appstreamcli: packaging/install-deps.sh installs it");
        const QString file = QStringLiteral(FAULTLINE_BINARY_DIR "/packaging/") + appId
            + QStringLiteral(".metainfo.xml");
        QVERIFY2(QFile::exists(file), qPrintable(file));
        const Run r = run(appstreamcli,
            {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--pedantic"),
                file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        // No warning and no remark either (Debian 12's AppStream 0.16 knows no <developer>);
        // only the pedantic wish for a lower-case id remains, which freedesktop ids like ours
        // (reverse DNS, then the app's name) do not follow.
        QVERIFY2(!r.out.contains(QLatin1String("I: ")) && !r.out.contains(QLatin1String("W: ")),
            qPrintable(r.out));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        // The release is the version being built, not a stale one.
        QVERIFY(f.readAll().contains("<release version=\"" FAULTLINE_PROJECT_VERSION "\""));
    }

    // The MIME type, compiled as the package's trigger compiles it, finds a saved map by its
    // extension and, under any other name, by the application id in its SQLite header.
    void mimeTypeRecognisesMaps()
    {
        const QString update = tool("update-mime-database");
        QVERIFY2(!update.isEmpty(), "update-mime-database: packaging/install-deps.sh installs it");
        const QString data = m_dir.filePath(QStringLiteral("share"));
        QVERIFY(QDir().mkpath(data + QStringLiteral("/mime/packages")));
        QVERIFY(QFile::copy(packaging + appId + QStringLiteral(".mime.xml"),
            data + QStringLiteral("/mime/packages/") + appId + QStringLiteral(".xml")));
        // With the system's own types, so that the parent type (SQLite) is known.
        QVERIFY(QFile::copy(QStringLiteral("/usr/share/mime/packages/freedesktop.org.xml"),
            data + QStringLiteral("/mime/packages/freedesktop.org.xml")));
        const Run r = run(update, {data + QStringLiteral("/mime")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        qputenv("XDG_DATA_DIRS", data.toUtf8());

        faultline::Map map;
        map.name = QStringLiteral("Shop");
        const QString named = m_dir.filePath(QStringLiteral("shop.faultline"));
        faultline::faultlinefile::save(map, named);
        const QString bare = m_dir.filePath(QStringLiteral("shop-copy"));
        QVERIFY(QFile::copy(named, bare));
        QFile other(m_dir.filePath(QStringLiteral("other-sqlite")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(QByteArray("SQLite format 3\0", 16) + QByteArray(84, '\0'));
        other.close();

        const QMimeDatabase db;
        QCOMPARE(db.mimeTypeForFile(named).name(), QStringLiteral("application/x-faultline"));
        QCOMPARE(db.mimeTypeForFile(bare).name(), QStringLiteral("application/x-faultline"));
        QVERIFY(db.mimeTypeForFile(bare).inherits(QStringLiteral("application/vnd.sqlite3")));
        // Any other SQLite database is not a map.
        QVERIFY(db.mimeTypeForFile(other.fileName()).name()
            != QLatin1String("application/x-faultline"));
    }

    // `cpack -G DEB` from the build: the files a desktop needs, no developer script, and
    // Depends computed from the binary's libraries plus the plugins Qt loads at run time.
    void debianPackage()
    {
        const QString cpack = tool("cpack");
        QVERIFY(!cpack.isEmpty());
        const QString out = m_dir.filePath(QStringLiteral("deb"));
        const Run made = run(cpack,
            {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                QStringLiteral(FAULTLINE_BINARY_DIR "/CPackConfig.cmake"), QStringLiteral("-B"),
                out},
            QStringLiteral(FAULTLINE_BINARY_DIR));
        QVERIFY2(made.exitCode == 0, qPrintable(made.out));
        const QString deb =
            out + QStringLiteral("/faultline_" FAULTLINE_PROJECT_VERSION "_amd64.deb");
        QVERIFY2(QFile::exists(deb), qPrintable(made.out));

        const Run contents = run(tool("dpkg-deb"), {QStringLiteral("--contents"), deb});
        QCOMPARE(contents.exitCode, 0);
        for (const QString &path : {QStringLiteral("./usr/bin/faultline"),
                 QStringLiteral("./usr/share/applications/") + appId + QStringLiteral(".desktop"),
                 QStringLiteral("./usr/share/metainfo/") + appId + QStringLiteral(".metainfo.xml"),
                 QStringLiteral("./usr/share/mime/packages/") + appId + QStringLiteral(".xml"),
                 QStringLiteral("./usr/share/icons/hicolor/scalable/apps/") + appId
                     + QStringLiteral(".svg"),
                 QStringLiteral("./usr/share/icons/hicolor/48x48/apps/") + appId
                     + QStringLiteral(".png"),
                 QStringLiteral("./usr/share/icons/hicolor/256x256/apps/") + appId
                     + QStringLiteral(".png"),
                 QStringLiteral("./usr/share/faultline/examples/acme-on-aws.json"),
                 QStringLiteral("./usr/share/faultline/examples/samples/online-boutique.dot"),
                 QStringLiteral("./usr/share/doc/faultline/copyright"),
                 QStringLiteral("./usr/share/doc/faultline/user-guide.md")})
            QVERIFY2(contents.out.contains(QLatin1Char(' ') + path + QLatin1Char('\n')),
                qPrintable(path));
        QVERIFY(!contents.out.contains(QLatin1String("install-deps")));

        const Run depends =
            run(tool("dpkg-deb"), {QStringLiteral("--field"), deb, QStringLiteral("Depends")});
        QCOMPARE(depends.exitCode, 0);
        for (const char *package : {"libqt6widgets6", "libqt6svg6", "libgvc6", "libcgraph6",
                 "libsqlite3-0", "libc6", "qt6-qpa-plugins"})
            QVERIFY2(depends.out.contains(QLatin1String(package)), qPrintable(depends.out));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
