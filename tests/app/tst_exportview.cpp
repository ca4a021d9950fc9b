// `orgscope export audit|usage --view NAME|FILE` against orgscope-sim: a
// saved view gives the same rows as the same options typed by hand, by file
// and by the name it was saved under; options given as well win; a file
// from a newer version says what it ignored; unknown names and files that
// hold several views are refused in one line.
#include "models/settings/appsettings.h"
#include "models/views/savedview.h"
#include "models/views/savedviewstore.h"

#include "testsupport/commandrun.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using testsupport::SimulatorProcess;

namespace {
using Run = testsupport::CommandRun;

qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}
} // namespace

class TestExportView : public QObject
{
    Q_OBJECT

    SimulatorProcess m_sim{{QStringLiteral("--audit-events"), QStringLiteral("2500"),
                            QStringLiteral("--usage-days"), QStringLiteral("60"), QStringLiteral("--now"),
                            QStringLiteral("2026-11-23T12:00:00Z")}};
    QString m_rootOrg;
    QTemporaryDir m_dir;

    Run run(const QStringList &args)
    {
        return testsupport::runCommand(QStringLiteral(ORGSCOPE_EXPORT_DRIVER), args, m_sim.baseUrl(), 120000,
                                       "orgscope export");
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return path;
    }

    models::SavedView auditView() const
    {
        models::SavedView v;
        v.id = QStringLiteral("v1");
        v.name = QStringLiteral("Updates, not by PATCH");
        v.kind = models::SavedView::Kind::Audit;
        v.organizationId = m_rootOrg;
        v.audit.preset = models::AuditQueryDraft::Preset::Custom;
        v.audit.fromMs = ms("2026-06-01T00:00:00Z");
        v.audit.toMs = ms("2026-11-20T00:00:00Z");
        v.audit.filters = {{QStringLiteral("action_type"), {QStringLiteral("update")}, false},
                           {QStringLiteral("raw_method"), {QStringLiteral("PATCH")}, true}};
        return v;
    }

    QStringList byHand() const
    {
        return {QStringLiteral("audit"),
                QStringLiteral("--org"),
                m_rootOrg,
                QStringLiteral("--since"),
                QStringLiteral("2026-06-01T00:00:00Z"),
                QStringLiteral("--before"),
                QStringLiteral("2026-11-20T00:00:00Z"),
                QStringLiteral("--action-type"),
                QStringLiteral("update"),
                QStringLiteral("--exclude-raw-method"),
                QStringLiteral("PATCH"),
                QStringLiteral("--format"),
                QStringLiteral("json")};
    }

    static QJsonArray json(const QByteArray &bytes) { return QJsonDocument::fromJson(bytes).array(); }

private Q_SLOTS:
    void initTestCase()
    {
        // The driver reads the settings the GUI writes (main.cpp's names).
        QCoreApplication::setOrganizationName(QStringLiteral("Orgscope"));
        QCoreApplication::setApplicationName(QStringLiteral("orgscope"));
        QSettings().remove(QStringLiteral("views"));
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        const Run r =
            run({QStringLiteral("organizations"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        m_rootOrg = testsupport::rootOrganization(r.out).value(QStringLiteral("id")).toString();
        QVERIFY(!m_rootOrg.isEmpty());
    }

    void auditViewFileGivesTheRowsOfTheSameOptionsByHand()
    {
        const Run hand = run(byHand());
        QVERIFY2(hand.exitCode == 0, hand.err.constData());
        const QJsonArray rows = json(hand.out);
        QVERIFY2(rows.size() > 20, qPrintable(QString::number(rows.size())));
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.value(QStringLiteral("action")).toObject().value(QStringLiteral("type")).toString(),
                     QStringLiteral("update"));
            QVERIFY(o.value(QStringLiteral("raw")).toObject().value(QStringLiteral("method")).toString() !=
                    QLatin1String("PATCH"));
        }
        // The organization comes from the view too.
        const QString file =
            writeFile(QStringLiteral("audit.json"), models::SavedViewFile::write({auditView()}));
        const Run viewed = run({QStringLiteral("audit"), QStringLiteral("--view"), file,
                                QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(viewed.exitCode == 0, viewed.err.constData());
        QCOMPARE(viewed.out, hand.out);
        QVERIFY2(viewed.err.isEmpty(), viewed.err.constData());

        // An option given as well wins over the view's.
        const Run narrower =
            run({QStringLiteral("audit"), QStringLiteral("--view=") + file, QStringLiteral("--since"),
                 QStringLiteral("2026-10-01T00:00:00Z"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(narrower.exitCode, 0);
        QVERIFY(json(narrower.out).size() < rows.size());
    }

    void auditViewByItsSavedName()
    {
        {
            models::AppSettings settings;
            models::SavedViewStore store(&settings);
            store.setProfile(QStringLiteral("work"));
            models::SavedView v = auditView();
            v.audit.search = QStringLiteral("organization"); // the page's only
            store.add(v);
            settings.sync();
        }
        const Run hand = run(byHand());
        const Run named =
            run({QStringLiteral("audit"), QStringLiteral("--view"), QStringLiteral("updates, NOT by patch"),
                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(named.exitCode == 0, named.err.constData());
        QCOMPARE(named.out, hand.out);
        QVERIFY2(named.err.contains("local filters"), named.err.constData());

        const Run unknown =
            run({QStringLiteral("audit"), QStringLiteral("--view"), QStringLiteral("No such view")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("no saved audit view is called \"No such view\""));
        QCOMPARE(unknown.err.count('\n'), 1);
    }

    void usageViewGivesTheRowsOfTheSameRange()
    {
        models::SavedView v;
        v.name = QStringLiteral("October");
        v.kind = models::SavedView::Kind::Usage;
        v.organizationId = m_rootOrg;
        v.usage.rangePreset = models::UsageRangePreset::Custom;
        v.usage.from = QDate(2026, 10, 1);
        v.usage.to = QDate(2026, 10, 31);
        v.usage.includeCorrections = false;
        v.usage.groupBy = {models::UsageDimension::Account};
        const QString file = writeFile(QStringLiteral("usage.json"), models::SavedViewFile::write({v}));
        const Run hand = run({QStringLiteral("usage"), QStringLiteral("--org"), m_rootOrg,
                              QStringLiteral("--from"), QStringLiteral("2026-10-01"), QStringLiteral("--to"),
                              QStringLiteral("2026-10-31"), QStringLiteral("--without-corrections")});
        QVERIFY2(hand.exitCode == 0, hand.err.constData());
        QVERIFY(hand.out.count('\n') > 10);
        const Run viewed = run({QStringLiteral("usage"), QStringLiteral("--view"), file});
        QVERIFY2(viewed.exitCode == 0, viewed.err.constData());
        QCOMPARE(viewed.out, hand.out);
    }

    void fileProblemsAreSaid()
    {
        QJsonObject root = QJsonDocument::fromJson(models::SavedViewFile::write({auditView()})).object();
        root.insert(QStringLiteral("version"), 2);
        root.insert(QStringLiteral("signature"), QStringLiteral("abc"));
        const QString newer =
            writeFile(QStringLiteral("newer.json"), QJsonDocument(root).toJson(QJsonDocument::Compact));
        const Run r = run({QStringLiteral("audit"), QStringLiteral("--view"), newer,
                           QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, run(byHand()).out);
        QVERIFY2(r.err.contains("version 2") && r.err.contains("signature: unknown key"), r.err.constData());

        models::SavedView second = auditView();
        second.name = QStringLiteral("Another");
        const QString two =
            writeFile(QStringLiteral("two.json"), models::SavedViewFile::write({auditView(), second}));
        const Run ambiguous = run({QStringLiteral("audit"), QStringLiteral("--view"), two});
        QCOMPARE(ambiguous.exitCode, 2);
        QVERIFY2(ambiguous.err.contains("holds 2 audit views"), ambiguous.err.constData());
        const Run wrongKind = run({QStringLiteral("usage"), QStringLiteral("--view"), two});
        QCOMPARE(wrongKind.exitCode, 2);
        const Run members = run(
            {QStringLiteral("members"), QStringLiteral("--org"), m_rootOrg, QStringLiteral("--view"), two});
        QCOMPARE(members.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestExportView)
#include "tst_exportview.moc"
