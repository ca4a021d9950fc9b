// Members models without a network: the table model (generations, one insert
// per page, removal in runs, upsert), the local filter proxy, the e-mail list
// parser, the bulk rows model and the CSV/JSON export.

#include "api/decoders.h"
#include "models/export/csvwriter.h"
#include "models/members/emaillistparser.h"
#include "models/members/memberbatchmodel.h"
#include "models/members/membersexporter.h"
#include "models/members/membersfilterproxy.h"
#include "models/members/membersmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStringEncoder>
#include <QTest>

namespace {

api::Member makeMember(int n, const QString &status = QStringLiteral("active"))
{
    api::Member m;
    m.id = QStringLiteral("m%1").arg(n, 4, 10, QLatin1Char('0'));
    m.status = status;
    m.createTime = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addDays(n);
    m.updateTime = m.createTime.addSecs(3600);
    m.user.id = QStringLiteral("u%1").arg(n);
    m.user.email = QStringLiteral("user%1@corp.example").arg(n);
    m.user.name = QStringLiteral("User %1").arg(n);
    m.user.twoFactorEnabled = n % 2 == 0;
    return m;
}

QList<api::Member> makeMembers(int from, int count)
{
    QList<api::Member> out;
    for (int i = from; i < from + count; ++i)
        out.append(makeMember(i));
    return out;
}

QStringList emails(const models::MembersModel &model)
{
    QStringList out;
    for (const api::Member &m : model.members())
        out.append(m.user.email);
    return out;
}

} // namespace

class TestMembersModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pagesInsertOnceEach()
    {
        auto *model = new models::MembersModel(this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        const int gen = model->beginLoad();
        QVERIFY(model->appendPage(gen, makeMembers(0, 3)));
        QVERIFY(model->appendPage(gen, makeMembers(3, 4)));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 3);
        QCOMPARE(inserted.at(1).at(2).toInt(), 6);
        QCOMPARE(model->rowCount(), 7);
        QCOMPARE(model->columnCount(), int(models::MembersModel::ColumnCount));
        QCOMPARE(model->index(4, models::MembersModel::EmailColumn).data().toString(),
                 QStringLiteral("user4@corp.example"));
        QCOMPARE(model->index(4, models::MembersModel::StatusColumn).data().toString(),
                 QStringLiteral("Active"));
    }

    void stalePagesAreDropped()
    {
        auto *model = new models::MembersModel(this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        const int first = model->beginLoad();
        QVERIFY(model->appendPage(first, makeMembers(0, 2)));
        const int second = model->beginLoad();
        QCOMPARE(model->rowCount(), 0);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        // A page of the superseded query arrives late.
        QVERIFY(!model->appendPage(first, makeMembers(10, 5)));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(model->appendPage(second, makeMembers(20, 1)));
        QCOMPARE(model->rowCount(), 1);
    }

    void repeatedMemberUpdatesInPlace()
    {
        auto *model = new models::MembersModel(this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        const int gen = model->beginLoad();
        model->appendPage(gen, makeMembers(0, 3));
        QList<api::Member> next = makeMembers(2, 3); // m0002 again, changed
        next[0].status = QStringLiteral("canceled");
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        model->appendPage(gen, next);
        QCOMPARE(model->rowCount(), 5);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model->member(2).status, QStringLiteral("canceled"));
    }

    void removesRunsWithoutReset()
    {
        auto *model = new models::MembersModel(this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        model->appendPage(model->beginLoad(), makeMembers(0, 6));
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QCOMPARE(model->removeIds({QStringLiteral("m0001"), QStringLiteral("m0004"), QStringLiteral("m0002"),
                                   QStringLiteral("unknown")}),
                 3);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 2); // rows 4..4, then 1..2
        QCOMPARE(removed.at(0).at(1).toInt(), 4);
        QCOMPARE(removed.at(0).at(2).toInt(), 4);
        QCOMPARE(removed.at(1).at(1).toInt(), 1);
        QCOMPARE(removed.at(1).at(2).toInt(), 2);
        QCOMPARE(emails(*model),
                 (QStringList{QStringLiteral("user0@corp.example"), QStringLiteral("user3@corp.example"),
                              QStringLiteral("user5@corp.example")}));
        // The lookups follow the rows that moved.
        QCOMPARE(model->rowOfId(QStringLiteral("m0005")), 2);
        QCOMPARE(model->rowOfEmail(QStringLiteral("USER3@Corp.Example")), 1);
        QCOMPARE(model->rowOfEmail(QStringLiteral("user1@corp.example")), -1);
    }

    void upsertAddsNewAndUpdatesKnown()
    {
        auto *model = new models::MembersModel(this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        model->appendPage(model->beginLoad(), makeMembers(0, 2));
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        api::Member changed = makeMember(1);
        changed.user.name = QStringLiteral("Renamed");
        model->upsert({changed, makeMember(7), makeMember(7)});
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model->member(1).user.name, QStringLiteral("Renamed"));
        QVERIFY(model->containsEmail(QStringLiteral("user7@corp.example")));
    }

    void sortsByRawValues()
    {
        auto *model = new models::MembersModel(this);
        auto *proxy = new models::MembersFilterProxy(this);
        proxy->setSourceModel(model);
        new QAbstractItemModelTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, proxy);
        QList<api::Member> list = makeMembers(0, 3);
        // Created: 2026-01-11 sorts after 2026-01-02 even though "1" < "2" would not matter here;
        // what matters is that the sort value is the date, not the text.
        list[0].createTime = QDateTime(QDate(2025, 12, 31), QTime(23, 0), Qt::UTC);
        list[1].createTime = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
        list[2].createTime = QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC);
        model->appendPage(model->beginLoad(), list);
        QCOMPARE(model->index(0, models::MembersModel::CreatedColumn)
                     .data(models::MembersModel::SortRole)
                     .typeId(),
                 QMetaType::QDateTime);
        proxy->sort(models::MembersModel::CreatedColumn, Qt::DescendingOrder);
        QCOMPARE(proxy->index(0, models::MembersModel::EmailColumn).data().toString(),
                 QStringLiteral("user1@corp.example"));
        QCOMPARE(proxy->index(2, models::MembersModel::EmailColumn).data().toString(),
                 QStringLiteral("user0@corp.example"));
        model->setTimeZone(QTimeZone::utc());
        QCOMPARE(model->headerData(models::MembersModel::CreatedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Created (UTC)"));
        QCOMPARE(model->index(0, models::MembersModel::CreatedColumn).data().toString(),
                 QStringLiteral("2025-12-31 23:00"));
        model->setTimeZone(QTimeZone("Asia/Kolkata")); // +05:30 all year
        QCOMPARE(model->index(0, models::MembersModel::CreatedColumn).data().toString(),
                 QStringLiteral("2026-01-01 04:30"));
        QCOMPARE(model->headerData(models::MembersModel::UpdatedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Updated (Asia/Kolkata)"));
        QVERIFY(models::MembersExporter::toCsv(list, QTimeZone("Asia/Kolkata"))
                    .contains("2026-01-01T04:30:00.000+05:30"));
        QVERIFY(models::MembersExporter::toCsv(list).contains("2025-12-31T23:00:00.000Z"));
    }

    void localFilterMatchesEmailOrName()
    {
        auto *model = new models::MembersModel(this);
        auto *proxy = new models::MembersFilterProxy(this);
        proxy->setSourceModel(model);
        new QAbstractItemModelTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, proxy);
        model->appendPage(model->beginLoad(), makeMembers(0, 12));
        proxy->setTextFilter(QStringLiteral("USER1"));
        QCOMPARE(proxy->rowCount(), 3); // user1, user10, user11
        proxy->setTextFilter(QStringLiteral("user 11"));
        QCOMPARE(proxy->rowCount(), 1);
        // Rows added while filtered obey the filter.
        model->upsert({makeMember(111)});
        QCOMPARE(proxy->rowCount(), 2);
        proxy->setTextFilter(QString());
        QCOMPARE(proxy->rowCount(), 13);
    }

    void decodesTheExamplePayload()
    {
        QFile f(qEnvironmentVariable("ORGSCOPE_TEST_DATA") + QStringLiteral("/members_list.response.json"));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const auto page = api::decode::membersPage(f.readAll());
        QVERIFY(page.ok());
        auto *model = new models::MembersModel(this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        model->appendPage(model->beginLoad(), page.value.items);
        QCOMPARE(model->rowCount(), int(page.value.items.size()));
        QVERIFY(model->rowCount() > 0);
        const QJsonArray json =
            QJsonDocument::fromJson(models::MembersExporter::toJson(model->members())).array();
        QCOMPARE(json.size(), model->rowCount());
        QCOMPARE(json.at(0)
                     .toObject()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
                 model->member(0).user.email);
    }

    void parsesLines()
    {
        const auto r = models::EmailListParser::parse(
            QString(QChar(0xfeff)) +
            QStringLiteral("alice@corp.example\n\n# comment\n  Bob Builder <bob@corp.example>\r\n"
                           "carol@corp.example, dave@corp.example;erin@corp.example\nnot an address\n"));
        QVERIFY(!r.csv);
        QStringList got;
        QList<int> lines;
        for (const auto &e : r.entries) {
            got << e.email;
            lines << e.line;
        }
        QCOMPARE(got, (QStringList{QStringLiteral("alice@corp.example"), QStringLiteral("bob@corp.example"),
                                   QStringLiteral("carol@corp.example"), QStringLiteral("dave@corp.example"),
                                   QStringLiteral("erin@corp.example"), QStringLiteral("not an address")}));
        QCOMPARE(lines, (QList<int>{1, 4, 5, 5, 5, 6}));
    }

    void unicodeSpacesSeparateAndAreTrimmed()
    {
        // A no-break space from a web page, NEL (U+0085) from a Latin-1 file,
        // an em space: separators like ASCII blanks, never part of an entry.
        const auto r = models::EmailListParser::parse(QStringLiteral(
            "a@corp.example\u00a0b@corp.example\u0085\n\u2003c@corp.example\u2003d@corp.example\n"
            "\"e@corp.example\" \u00a0\n"));
        QStringList got;
        for (const auto &e : r.entries) {
            got << e.email;
            QCOMPARE(e.email, e.email.trimmed());
        }
        QCOMPARE(got, (QStringList{QStringLiteral("a@corp.example"), QStringLiteral("b@corp.example"),
                                   QStringLiteral("c@corp.example"), QStringLiteral("d@corp.example"),
                                   QStringLiteral("e@corp.example")}));
    }

    void parsesCsvWithEmailColumn()
    {
        const auto r = models::EmailListParser::parse(
            QStringLiteral("Name,E-mail,Team\n\"Smith, Ann\",ann@corp.example,ops\n"
                           "\"Multi\nline\",bo@corp.example,dev\nNo Mail,,x\n"));
        QVERIFY(r.csv);
        QCOMPARE(r.column, QStringLiteral("E-mail"));
        QCOMPARE(r.entries.size(), 3);
        QCOMPARE(r.entries.at(0).email, QStringLiteral("ann@corp.example"));
        QCOMPARE(r.entries.at(0).line, 2);
        QCOMPARE(r.entries.at(1).email, QStringLiteral("bo@corp.example"));
        QCOMPARE(r.entries.at(1).line, 3);
        QCOMPARE(r.entries.at(2).email, QString()); // kept, shown as empty
        QCOMPARE(r.entries.at(2).line, 5);

        const auto semi = models::EmailListParser::parse(QStringLiteral("id;email\n1;x@corp.example\n"));
        QVERIFY(semi.csv);
        QCOMPARE(semi.entries.size(), 1);
        QCOMPARE(semi.entries.at(0).email, QStringLiteral("x@corp.example"));
    }

    // Imported files: the encoding a spreadsheet saved them in.
    void readsImportedFilesInAnyEncoding()
    {
        using models::EmailListParser;
        const QString text = QStringLiteral("E-Mail\r\nzo\u00eb@corp.example\r\nann@corp.example\r\n");
        auto encoded = [&](QStringConverter::Encoding e, bool bom) {
            QStringEncoder encoder(e,
                                   bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
            return QByteArray(encoder.encode(text));
        };
        for (auto e : {QStringConverter::Utf8, QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
            QCOMPARE(EmailListParser::textFromFile(encoded(e, true)), text);
            QCOMPARE(EmailListParser::textFromFile(encoded(e, false)), text); // UTF-16 by its NUL bytes
        }
        QCOMPARE(EmailListParser::textFromFile(encoded(QStringConverter::Utf32LE, true)), text);
        // Windows-1252 / Latin-1 (not valid UTF-8) is read as Latin-1, not as U+FFFD.
        QCOMPARE(EmailListParser::textFromFile("email\nj\xfcrgen@corp.example\n"),
                 QStringLiteral("email\nj\u00fcrgen@corp.example\n"));
        const auto r =
            EmailListParser::parse(EmailListParser::textFromFile(encoded(QStringConverter::Utf16LE, true)));
        QVERIFY(r.csv);
        QCOMPARE(r.entries.size(), 2);
        QCOMPARE(r.entries.at(1).email, QStringLiteral("ann@corp.example"));
        QCOMPARE(r.entries.at(1).line, 3);
    }

    void validatesAddresses_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("a.b+tag@sub.corp.example") << true;
        QTest::newRow("idn-ace") << QStringLiteral("x@corp.xn--p1ai") << true;
        QTest::newRow("no-at") << QStringLiteral("corp.example") << false;
        QTest::newRow("two-at") << QStringLiteral("a@b@corp.example") << false;
        QTest::newRow("space") << QStringLiteral("a b@corp.example") << false;
        QTest::newRow("no-tld") << QStringLiteral("a@localhost") << false;
        QTest::newRow("double-dot") << QStringLiteral("a..b@corp.example") << false;
        QTest::newRow("hyphen-label") << QStringLiteral("a@-corp.example") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("long-local") << (QString(65, u'a') + QStringLiteral("@corp.example")) << false;
    }
    void validatesAddresses()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        QCOMPARE(models::EmailListParser::isValidEmail(email), valid);
    }

    void batchRowsMarkInvalidAndDuplicates()
    {
        auto *rows = new models::MemberBatchModel(models::MemberBatchModel::Kind::Invite, this);
        new QAbstractItemModelTester(rows, QAbstractItemModelTester::FailureReportingMode::QtTest, rows);
        const auto parsed = models::EmailListParser::parse(
            QStringLiteral("a@corp.example\nbad@\nA@Corp.Example\nb@corp.example\n=cmd|calc@x\n"));
        rows->setEntries(parsed.entries);
        using Check = models::MemberBatchModel::Check;
        QCOMPARE(rows->rowCount(), 5);
        QCOMPARE(rows->row(0).check, Check::Ready);
        QCOMPARE(rows->row(1).check, Check::Invalid);
        QCOMPARE(rows->row(2).check, Check::Duplicate);
        QCOMPARE(rows->row(2).duplicateOf, 1);
        QCOMPARE(rows->row(3).check, Check::Ready);
        QCOMPARE(rows->row(4).check, Check::Invalid);
        QSignalSpy changed(rows, &QAbstractItemModel::dataChanged);
        rows->markExisting(3, QStringLiteral("m1"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(rows->row(3).check, Check::Existing);
        QCOMPARE(rows->countCheck(Check::Ready), 1);
        rows->setOutcome(0, models::MemberBatchModel::Outcome::Done, {}, QStringLiteral("m9"));
        rows->setOutcome(1, models::MemberBatchModel::Outcome::Skipped, QStringLiteral("Not valid"));
        QCOMPARE(rows->countOpen(), 3);
        const QString csv = QString::fromUtf8(rows->toCsv());
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines.at(1).startsWith(QStringLiteral("1,a@corp.example,Ready to invite,Invited,,m9")));
        // The formula-looking address is neutralised.
        QVERIFY(lines.at(5).startsWith(QStringLiteral("5,'=cmd|calc@x,")));
    }

    void csvRoundTripsThroughTheImportParser()
    {
        // What the export writes, the import reads back unchanged (guard aside).
        const QByteArray line =
            models::CsvWriter::line({QStringLiteral("a,b"), QStringLiteral("q\"x"), QStringLiteral("n\nl")});
        const auto records = models::EmailListParser::parseCsv(QString::fromUtf8(line), u',');
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first(),
                 (QStringList{QStringLiteral("a,b"), QStringLiteral("q\"x"), QStringLiteral("n\nl")}));
    }

    void exportsCsv()
    {
        QList<api::Member> list = makeMembers(0, 2);
        list[1].user.name = QStringLiteral("=HYPERLINK(\"x\")");
        const QString csv = QString::fromUtf8(models::MembersExporter::toCsv(list));
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("id,status,user_id,user_email,user_name")));
        QVERIFY(lines.at(1).contains(QStringLiteral("2026-01-01T00:00:00")));
        QVERIFY(lines.at(2).contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"")));
    }
};

QTEST_GUILESS_MAIN(TestMembersModels)
#include "tst_membersmodels.moc"
