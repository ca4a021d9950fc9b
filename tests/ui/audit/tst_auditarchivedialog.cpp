// The local archive's settings dialog (issue 21) on a real AuditController
// and a temporary archive folder, without a server: it shows where the
// organization's archive is, its size and what it holds completely; the
// retention typed in is saved in the settings, handed to the controller and
// applied when the archive opens (older entries gone); "Delete local
// archive" asks first (Cancel keeps the file, Delete empties it and the
// dialog shows the empty archive); a window that only reads the archive
// (another one holds it) cannot delete it and says why.

#include "models/audit/auditsamples.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditcontroller.h"
#include "models/audit/auditstore.h"
#include "models/audit/audittablemodel.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/audit/auditarchivedialog.h"
#include "ui/common/dialogs.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using models::AuditController;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
const QString kOrg = QStringLiteral("0123456789abcdef0123456789abcdef");
constexpr int kRecent = 40; // entries of the last hour
constexpr int kOld = 30;    // entries of about 100 days ago

QString labelText(QWidget *dialog, const char *objectName)
{
    auto *label = dialog->findChild<QLabel *>(QLatin1String(objectName));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(objectName));
}

bool labelShown(QWidget *dialog, const char *objectName)
{
    auto *label = dialog->findChild<QLabel *>(QLatin1String(objectName));
    return label && label->isVisibleTo(dialog);
}

// What the file holds, read beside the controller (no lock, nothing changed).
qint64 storedEntries(const QString &directory)
{
    models::AuditArchive archive(kOrg, directory);
    return archive.openReadOnly() ? archive.count() : -1;
}

} // namespace

class TestAuditArchiveDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        models::AppSettings settings; // the test's own XDG folder, reset to the defaults
        settings.setAuditArchiveRetentionDays(models::AppSettings::kDefaultAuditArchiveRetentionDays);
        settings.setAuditArchiveMaxMiB(models::AppSettings::kDefaultAuditArchiveMaxMiB);
        ui::Dialogs::clearAnswers();
    }

    void cleanup()
    {
        m_controllers.clear(); // before their sessions
        m_sessions.clear();
        m_dir.reset();
        ui::Dialogs::clearAnswers();
    }

    void showsLocationSizeAndCoverage()
    {
        const QList<models::AuditTimeRange> covered = seedArchive();
        AuditController *c = openController();
        QVERIFY(c);
        models::AppSettings settings;
        ui::AuditArchiveDialog dialog(m_sessions.front().get(), c, &settings);
        dialog.show();

        const QString path = models::AuditArchive(kOrg, m_dir->path()).filePath();
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(dialog.archivePath(), path);
        QCOMPARE(labelText(&dialog, "auditArchiveLocation"), QDir::toNativeSeparators(path));
        const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        QVERIFY(bytes > 0);
        QCOMPARE(labelText(&dialog, "auditArchiveSize"), QLocale().formattedDataSize(bytes));
        // Both stretches, newest first, in the table's time format.
        const QString coverage = labelText(&dialog, "auditArchiveCoverage");
        const models::AuditTableModel *table = c->table();
        const QStringList lines = coverage.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(table->timeText(covered.at(1).fromMs)) &&
                     lines.at(0).contains(table->timeText(covered.at(1).toMs)),
                 qPrintable(coverage));
        QVERIFY2(lines.at(1).contains(table->timeText(covered.at(0).fromMs)) &&
                     lines.at(1).contains(table->timeText(covered.at(0).toMs)),
                 qPrintable(coverage));
        // The writing window may delete it: nothing to explain.
        QVERIFY(dialog.deleteButton()->isEnabled());
        QVERIFY(!labelShown(&dialog, "auditArchiveDeleteReason"));

        // Without an organization there is no archive to show or delete.
        models::Session none;
        ui::AuditArchiveDialog empty(&none, c, &settings);
        empty.show();
        QVERIFY(empty.archivePath().isEmpty());
        QVERIFY(!empty.deleteButton()->isEnabled());
        QVERIFY(labelShown(&empty, "auditArchiveDeleteReason"));
    }

    void retentionIsSavedAndAppliedWhenTheArchiveOpens()
    {
        seedArchive();
        AuditController *c = openController();
        QVERIFY(c);
        QCOMPARE(qint64(c->table()->rowCount()), qint64(kRecent + kOld));
        models::AppSettings settings;
        ui::AuditArchiveDialog::applySavedRetention(c, settings); // what the page does at start
        auto *dialog = new ui::AuditArchiveDialog(m_sessions.front().get(), c, &settings);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->retentionDays()->value(), models::AppSettings::kDefaultAuditArchiveRetentionDays);
        QCOMPARE(dialog->maxMiB()->value(), models::AppSettings::kDefaultAuditArchiveMaxMiB);

        type(dialog->findChild<QSpinBox *>(QStringLiteral("auditArchiveRetentionDays")), "30");
        type(dialog->findChild<QSpinBox *>(QStringLiteral("auditArchiveMaxMiB")), "64");
        QCOMPARE(dialog->retentionDays()->value(), 30);
        QCOMPARE(dialog->maxMiB()->value(), 64);
        QPointer<ui::AuditArchiveDialog> alive(dialog);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY(!alive);

        // Stored: a new settings object (the next start) reads them.
        const models::AppSettings next;
        QCOMPARE(next.auditArchiveRetentionDays(), 30);
        QCOMPARE(next.auditArchiveMaxMiB(), 64);
        QCOMPARE(c->archiveRetentionDays(), 30);
        QCOMPARE(c->archiveMaxBytes(), qint64(64) * 1024 * 1024);

        // Applied: the next time the archive opens (here: the organization
        // is chosen again) the old entries are gone, from the table and the file.
        QSignalSpy history(c, &AuditController::historyLoaded);
        m_sessions.front()->setOrganization({}, {});
        m_sessions.front()->setOrganization(kOrg, QStringLiteral("Org"));
        QVERIFY(history.wait(20000));
        QCOMPARE(history.last().first().toLongLong(), qint64(kRecent));
        QCOMPARE(qint64(c->table()->rowCount()), qint64(kRecent));
        const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - 30 * kDayMs;
        for (quint32 r = 0; r < c->table()->store().rowCount(); ++r)
            QVERIFY(c->table()->store().data().timeMs(r) >= cutoff);
        c->flushArchive();
        QCOMPARE(storedEntries(m_dir->path()), qint64(kRecent));
        // The old stretch left the coverage with its entries.
        QCOMPARE(c->archiveCoverage().ranges().size(), 1);
        QVERIFY(c->archiveCoverage().ranges().first().fromMs >= cutoff);
    }

    void deleteAsksFirst()
    {
        seedArchive();
        AuditController *c = openController();
        QVERIFY(c);
        models::AppSettings settings;
        ui::AuditArchiveDialog dialog(m_sessions.front().get(), c, &settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString path = dialog.archivePath();
        const qint64 bytesBefore = ui::AuditArchiveDialog::archiveBytes(path);
        QSignalSpy deleted(c, &AuditController::archiveDeleted);
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("auditArchiveDelete"));
        QVERIFY(button && button->isEnabled());

        // Cancel: asked, nothing deleted.
        ui::Dialogs::enqueueAnswer(false);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(!ui::Dialogs::hasQueuedAnswers());
        QCOMPARE(ui::Dialogs::askedQuestions().size(), 1);
        QCOMPARE(ui::Dialogs::lastConfirmLabel(), QStringLiteral("Delete"));
        QTest::qWait(100); // a deletion would be under way by now
        c->flushArchive();
        QCOMPARE(deleted.count(), 0);
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(storedEntries(m_dir->path()), qint64(kRecent + kOld));
        QVERIFY(!labelShown(&dialog, "auditArchiveResult"));

        // Delete: the file goes (an empty one takes its place), the dialog
        // shows the empty archive and says so; the rows shown stay.
        ui::Dialogs::enqueueAnswer(true);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(deleted.wait(10000));
        QCOMPARE(ui::Dialogs::askedQuestions().size(), 2);
        QVERIFY2(deleted.first().first().toBool(), qPrintable(deleted.first().at(1).toString()));
        c->flushArchive();
        QCOMPARE(storedEntries(m_dir->path()), qint64(0));
        QVERIFY(labelShown(&dialog, "auditArchiveResult"));
        QVERIFY2(labelText(&dialog, "auditArchiveResult").contains(QStringLiteral("was deleted")),
                 qPrintable(labelText(&dialog, "auditArchiveResult")));
        QVERIFY(c->archiveCoverage().isEmpty());
        QVERIFY2(labelText(&dialog, "auditArchiveCoverage").startsWith(QStringLiteral("None")),
                 qPrintable(labelText(&dialog, "auditArchiveCoverage")));
        const qint64 bytesAfter = ui::AuditArchiveDialog::archiveBytes(path);
        QVERIFY(bytesAfter != bytesBefore); // else the size shown would prove nothing
        QCOMPARE(labelText(&dialog, "auditArchiveSize"), QLocale().formattedDataSize(bytesAfter));
        QCOMPARE(qint64(c->table()->rowCount()), qint64(kRecent + kOld));

        // The next start finds no history.
        m_controllers.clear();
        AuditController *next = openController(0);
        QVERIFY(next);
        QCOMPARE(next->table()->rowCount(), 0);
    }

    // Another window holds the archive: this one reads it only, and its
    // dialog does not offer to delete it, saying why.
    void readOnlyArchiveCannotBeDeleted()
    {
        seedArchive();
        AuditController *first = openController();
        QVERIFY(first);
        QVERIFY(first->isArchiveWritable());
        AuditController *second = openController();
        QVERIFY(second);
        QVERIFY(!second->isArchiveWritable());
        models::AppSettings settings;

        ui::AuditArchiveDialog dialog(m_sessions.back().get(), second, &settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        QVERIFY(labelShown(&dialog, "auditArchiveDeleteReason"));
        const QString reason = labelText(&dialog, "auditArchiveDeleteReason");
        QVERIFY2(reason.contains(QStringLiteral("read-only")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("another Orgscope")), qPrintable(reason));
        QCOMPARE(dialog.deleteButton()->toolTip(), reason);
        // A click on it asks nothing and deletes nothing.
        ui::Dialogs::enqueueAnswer(true);
        QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
        QTest::qWait(100);
        QVERIFY(ui::Dialogs::askedQuestions().isEmpty());
        first->flushArchive();
        QCOMPARE(storedEntries(m_dir->path()), qint64(kRecent + kOld));
        // The state is still shown.
        QCOMPARE(labelText(&dialog, "auditArchiveLocation"), QDir::toNativeSeparators(dialog.archivePath()));

        // The window that writes it may.
        ui::AuditArchiveDialog writer(m_sessions.front().get(), first, &settings);
        QVERIFY(writer.deleteButton()->isEnabled());
        QVERIFY(!labelShown(&writer, "auditArchiveDeleteReason"));
    }

private:
    // kRecent entries of the last hour and kOld of about 100 days ago, both
    // held completely; returns the two covered stretches, oldest first.
    QList<models::AuditTimeRange> seedArchive()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        models::AuditArchive archive(kOrg, m_dir->path());
        if (!archive.open())
            return {};
        const QList<api::AuditEvent> recent = auditsamples::Generator(1, now - 3600 * 1000).page(kRecent);
        const QList<api::AuditEvent> old = auditsamples::Generator(2, now - 100 * kDayMs).page(kOld);
        const QList<models::AuditTimeRange> covered{
            {old.last().actionTimeMs, old.first().actionTimeMs + 1},
            {recent.last().actionTimeMs, recent.first().actionTimeMs + 1}};
        const bool ok = archive.appendPage(old) == kOld && archive.appendPage(recent) == kRecent &&
                        archive.addCoverage(covered.at(0).fromMs, covered.at(0).toMs) &&
                        archive.addCoverage(covered.at(1).fromMs, covered.at(1).toMs);
        return ok ? covered : QList<models::AuditTimeRange>{};
    }

    // A controller on its own session (as another window would have), not
    // connected, showing the organization's archive; null when the history
    // did not arrive or did not have `rows` rows (-1: any).
    AuditController *openController(qint64 rows = -1)
    {
        auto session = std::make_unique<models::Session>();
        session->setOrganization(kOrg, QStringLiteral("Org"));
        auto controller = std::make_unique<AuditController>(session.get());
        controller->setArchiveDirectory(m_dir->path());
        QSignalSpy history(controller.get(), &AuditController::historyLoaded);
        controller->setActive(true);
        if (!history.wait(20000) || (rows >= 0 && history.first().first().toLongLong() != rows))
            return nullptr;
        m_sessions.push_back(std::move(session));
        m_controllers.push_back(std::move(controller));
        return m_controllers.back().get();
    }

    // Replaces a spin box's number as a user would (select, type).
    static void type(QSpinBox *box, const char *digits)
    {
        QVERIFY(box);
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QLatin1String(digits));
        QTest::keyClick(box, Qt::Key_Tab);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<std::unique_ptr<models::Session>> m_sessions;
    std::vector<std::unique_ptr<AuditController>> m_controllers;
};

QTEST_MAIN(TestAuditArchiveDialog)
#include "tst_auditarchivedialog.moc"
