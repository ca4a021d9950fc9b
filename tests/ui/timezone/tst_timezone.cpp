// One application-wide time zone (models::TimeZoneSetting): local, UTC or any
// IANA zone, kept in the settings (with the older UTC switch in step); the
// View menu and its searchable dialog set it; the Audit log page's table,
// query bar and timeline follow it at once, and a custom range keeps its
// instants while the fields show them in the new zone; reports state it.

#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/members/memberscontroller.h"
#include "models/members/membersmodel.h"
#include "models/organizations/accounttablemodel.h"
#include "models/organizations/organizationscontroller.h"
#include "models/reports/reportdocument.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/settings/timezonesetting.h"
#include "ui/audit/auditlogpage.h"
#include "ui/audit/auditquerybar.h"
#include "ui/common/timezonemenu.h"
#include "ui/organizations/organizationdetailsview.h"
#include "ui/usage/usagedayaxis.h"

#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

#include <ctime>

using models::TimeZoneSetting;

class TestTimeZone : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("timezone"));
        models::AppSettings().setValue(QStringLiteral("display/timeZone"), QString());
        QVERIFY(QTimeZone(QByteArrayLiteral("Europe/Berlin")).isValid());
    }

    void settingChoosesAndRemembers()
    {
        TimeZoneSetting *s = TimeZoneSetting::instance();
        QVERIFY(s->setChoice(QStringLiteral("local")));
        QCOMPARE(s->zone(), QTimeZone::systemTimeZone());
        QSignalSpy changed(s, &TimeZoneSetting::zoneChanged);
        QVERIFY(s->setChoice(QStringLiteral("Europe/Berlin")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(s->zone().id(), QByteArrayLiteral("Europe/Berlin"));
        models::AppSettings settings;
        QCOMPARE(settings.value(QStringLiteral("display/timeZone")).toString(),
                 QStringLiteral("Europe/Berlin"));
        QVERIFY(!settings.showTimesInUtc());
        QVERIFY(s->setChoice(QStringLiteral("utc")));
        QCOMPARE(s->choice(), QStringLiteral("UTC"));
        QVERIFY(models::AppSettings().showTimesInUtc()); // the older switch follows
        // An unknown zone changes nothing.
        changed.clear();
        QVERIFY(!s->setChoice(QStringLiteral("Mars/Olympus_Mons")));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(s->choice(), QStringLiteral("UTC"));
        QVERIFY(TimeZoneSetting::availableZones().contains(QStringLiteral("America/New_York")));
    }

    void menuAndDialogSetIt()
    {
        TimeZoneSetting::instance()->setChoice(QStringLiteral("local"));
        ui::TimeZoneMenu menu;
        QAction *utc = menu.findChild<QAction *>(QStringLiteral("actionTimeZoneUtc"));
        QVERIFY(utc);
        utc->trigger();
        QCOMPARE(TimeZoneSetting::instance()->choice(), QStringLiteral("UTC"));
        QVERIFY(menu.findChild<QAction *>(QStringLiteral("actionTimeZoneUtc"))->isChecked());

        ui::TimeZoneDialog dialog;
        QTest::keyClicks(dialog.filter(), QStringLiteral("york"));
        QCOMPARE(dialog.selectedZone(), QStringLiteral("America/New_York"));
        for (int r = 0; r < dialog.list()->model()->rowCount(); ++r)
            QVERIFY(dialog.list()->model()->index(r, 0).data().toString().contains(QLatin1String("York"),
                                                                                   Qt::CaseInsensitive));
        TimeZoneSetting::instance()->setChoice(dialog.selectedZone());
        QVERIFY(menu.findChild<QAction *>(QStringLiteral("actionTimeZoneChosen")));
        QCOMPARE(menu.findChild<QAction *>(QStringLiteral("actionTimeZoneChosen"))->text(),
                 QStringLiteral("America/New_York"));
    }

    void auditPageFollowsTheZone()
    {
        TimeZoneSetting::instance()->setChoice(QStringLiteral("UTC"));
        models::Session session;
        auto *controller = new models::AuditController(&session, &session);
        ui::AuditLogPage page(&session, controller, nullptr);
        QVERIFY(models::isUtc(page.model()->timeZone()));
        // A custom range: 2026-11-20 10:00 to 12:00 UTC.
        const qint64 from =
            QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const qint64 to = from + 2 * 3600 * 1000;
        page.queryBar()->setCustomRange(from, to);
        auto *fromEdit = page.queryBar()->findChild<QDateTimeEdit *>(QStringLiteral("auditFrom"));
        auto *zoneLabel = page.queryBar()->findChild<QLabel *>(QStringLiteral("auditZone"));
        QVERIFY(fromEdit && zoneLabel);
        QCOMPARE(fromEdit->text(), QStringLiteral("2026-11-20 10:00"));
        QCOMPARE(zoneLabel->text(), QStringLiteral("UTC"));

        TimeZoneSetting::instance()->setChoice(QStringLiteral("Asia/Kolkata")); // +05:30, no summer time
        QCOMPARE(page.model()->timeZone().id(), QByteArrayLiteral("Asia/Kolkata"));
        QCOMPARE(page.model()->timeText(from), QStringLiteral("2026-11-20 15:30:00"));
        QCOMPARE(fromEdit->text(), QStringLiteral("2026-11-20 15:30"));
        QCOMPARE(zoneLabel->text(), QStringLiteral("UTC+05:30"));
        QVERIFY(zoneLabel->toolTip().contains(QLatin1String("Asia/Kolkata")));
        // Same instants whatever the zone shows.
        QCOMPARE(page.queryBar()->draft().fromMs, from);
        QCOMPARE(page.queryBar()->draft().toMs, to);
        // Typing a wall-clock time means that time in the zone shown.
        fromEdit->setDateTime(QDateTime(QDate(2026, 11, 20), QTime(16, 0), QTimeZone::utc()));
        QCOMPARE(page.queryBar()->draft().fromMs, from + 30 * 60 * 1000);
        TimeZoneSetting::instance()->setChoice(QStringLiteral("local"));
    }

    void tablesAndDetailsFollowTheZone()
    {
        models::Session session;
        models::ActivityLog log;
        models::AppSettings settings;
        models::MembersController members(&session, &log);
        models::OrganizationsController orgs(&session, &log, &settings);
        TimeZoneSetting::instance()->setChoice(QStringLiteral("UTC"));
        QCOMPARE(
            members.members()->headerData(models::MembersModel::CreatedColumn, Qt::Horizontal).toString(),
            QStringLiteral("Created (UTC)"));
        TimeZoneSetting::instance()->setChoice(QStringLiteral("Asia/Kolkata"));
        QCOMPARE(
            members.members()->headerData(models::MembersModel::UpdatedColumn, Qt::Horizontal).toString(),
            QStringLiteral("Updated (Asia/Kolkata)"));
        QCOMPARE(
            orgs.accounts()->headerData(models::AccountTableModel::CreatedColumn, Qt::Horizontal).toString(),
            QStringLiteral("Created (Asia/Kolkata)"));
        api::Member m;
        m.id = QStringLiteral("m1");
        m.user.email = QStringLiteral("a@example.com");
        m.createTime = QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone::utc());
        members.members()->upsert({m});
        QCOMPARE(members.members()->index(0, models::MembersModel::CreatedColumn).data().toString(),
                 QStringLiteral("2026-11-20 15:30"));
        QVERIFY(members.members()
                    ->index(0, models::MembersModel::CreatedColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Asia/Kolkata")));

        ui::OrganizationDetailsView details;
        api::Organization org;
        org.id = QStringLiteral("o1");
        org.name = QStringLiteral("Org");
        org.createTime = m.createTime;
        details.setOrganization(org, {}, true, 0, TimeZoneSetting::instance()->zone());
        auto *created = details.findChild<QLabel *>(QStringLiteral("detailsCreated"));
        QVERIFY(created);
        QCOMPARE(created->text(), QStringLiteral("2026-11-20 15:30:00 Asia/Kolkata (UTC+05:30)"));
        TimeZoneSetting::instance()->setChoice(QStringLiteral("local"));
    }

    void usageDaysStayUtcOnTheAxis()
    {
        // QDateTimeAxis labels in the system's zone; a UTC day must still read as that day.
        const QByteArray oldTz = qgetenv("TZ");
        qputenv("TZ", "America/New_York");
        tzset();
        const qint64 day = QDateTime(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const qreal at = ui::usagedayaxis::position(day);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(at)).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 QStringLiteral("2026-03-01 00:00"));
        QDateTimeAxis axis;
        ui::usagedayaxis::setUtcRange(&axis, day, day + 7 * 86400000LL, models::UsageGranularity::Day);
        QCOMPARE(axis.min().toString(QStringLiteral("yyyy-MM-dd")), QStringLiteral("2026-03-01"));
        QCOMPARE(axis.titleText(), QStringLiteral("Day (UTC)"));
        if (oldTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", oldTz);
        tzset();
    }

    void reportsStateTheZone()
    {
        const QDateTime at(QDate(2026, 11, 23), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(models::reportTimeText(at, QTimeZone(QByteArrayLiteral("Europe/Berlin"))),
                 QStringLiteral("2026-11-23 13:00 Europe/Berlin (UTC+01:00)"));
        QCOMPARE(models::reportTimeText(at, QTimeZone(QByteArrayLiteral("America/New_York"))),
                 QStringLiteral("2026-11-23 07:00 America/New_York (UTC-05:00)"));
        QCOMPARE(models::reportTimeText(at, QTimeZone(QByteArrayLiteral("Etc/UTC"))),
                 QStringLiteral("2026-11-23 12:00 UTC"));
        QVERIFY(models::isUtc(QTimeZone::utc()));
        QVERIFY(!models::isUtc(QTimeZone(QByteArrayLiteral("Europe/London"))));
    }
};

QTEST_MAIN(TestTimeZone)
#include "tst_timezone.moc"
