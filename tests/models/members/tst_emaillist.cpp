// Bad input to the member list import gets a clear answer: an unterminated
// quote is reported on its line and swallows nothing, a list over the cap is
// refused with a message, and a long list is parsed off the GUI thread.

#include "models/members/emaillistparser.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <optional>

using models::EmailListParser;

namespace {

QStringList emails(const EmailListParser::Result &r)
{
    QStringList out;
    for (const EmailListParser::Entry &e : r.entries)
        out << e.email;
    return out;
}

QList<int> lines(const EmailListParser::Result &r)
{
    QList<int> out;
    for (const EmailListParser::Entry &e : r.entries)
        out << e.line;
    return out;
}

QString addressLines(int count, const QString &header = {})
{
    QString text = header.isEmpty() ? QString() : header + u'\n';
    for (int i = 0; i < count; ++i)
        text += QStringLiteral("person-%1@corp.example\n").arg(i);
    return text;
}

} // namespace

class TestEmailList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unterminatedQuoteInAnotherColumn()
    {
        const auto r = EmailListParser::parse(QStringLiteral("email,name\n"
                                                             "a@x.example,\"Alice\n"
                                                             "b@x.example,Bob\n"
                                                             "c@x.example,Carol\n"));
        QVERIFY(r.csv);
        QCOMPARE(emails(r), (QStringList{QStringLiteral("a@x.example"), QStringLiteral("b@x.example"),
                                         QStringLiteral("c@x.example")}));
        QCOMPARE(lines(r), (QList<int>{2, 3, 4}));
        QVERIFY2(r.problem.startsWith(QStringLiteral("Line 2:")), qPrintable(r.problem));
        QVERIFY(r.problem.contains(QStringLiteral("never closed")));
        QVERIFY(!r.tooMany);
    }

    void unterminatedQuoteInTheEmailColumn()
    {
        // Comment lines before the header count for the line number too.
        const auto r = EmailListParser::parse(QStringLiteral("# exported\n"
                                                             "email\n"
                                                             "a@x.example\n"
                                                             "\"b@x.example\n"
                                                             "c@x.example\n"));
        QCOMPARE(emails(r), (QStringList{QStringLiteral("a@x.example"), QStringLiteral("\"b@x.example"),
                                         QStringLiteral("c@x.example")}));
        QCOMPARE(lines(r), (QList<int>{3, 4, 5}));
        QVERIFY(!EmailListParser::isValidEmail(r.entries.at(1).email)); // the preview marks it
        QVERIFY2(r.problem.startsWith(QStringLiteral("Line 4:")), qPrintable(r.problem));
    }

    void closedQuotesStillSpanLines()
    {
        const auto r = EmailListParser::parse(QStringLiteral("email,note\n"
                                                             "a@x.example,\"two\n"
                                                             "lines, \"\"quoted\"\"\"\n"
                                                             "b@x.example,x\n"));
        QCOMPARE(emails(r), (QStringList{QStringLiteral("a@x.example"), QStringLiteral("b@x.example")}));
        QCOMPARE(lines(r), (QList<int>{2, 4}));
        QVERIFY(r.problem.isEmpty());
    }

    void parseCsvReportsTheOpeningLine()
    {
        QList<int> recordLines;
        int unterminated = -1;
        const auto records =
            EmailListParser::parseCsv(QStringLiteral("a,b\nc,\"d\ne,f\n"), u',', &recordLines, &unterminated);
        QCOMPARE(unterminated, 2);
        QCOMPARE(records.size(), 3);
        QCOMPARE(recordLines, (QList<int>{1, 2, 3}));
        QCOMPARE(records.at(1), (QStringList{QStringLiteral("c"), QStringLiteral("\"d")}));
        QCOMPARE(records.at(2), (QStringList{QStringLiteral("e"), QStringLiteral("f")}));

        // Closed quotes: nothing to report.
        unterminated = -1;
        EmailListParser::parseCsv(QStringLiteral("a,\"b\nc\"\n"), u',', nullptr, &unterminated);
        QCOMPARE(unterminated, 0);
    }

    void capIsAClearAnswer_data()
    {
        QTest::addColumn<QString>("header");
        QTest::newRow("one per line") << QString();
        QTest::newRow("csv") << QStringLiteral("email");
    }
    void capIsAClearAnswer()
    {
        QFETCH(QString, header);
        const auto atCap = EmailListParser::parse(addressLines(EmailListParser::MaxEntries, header));
        QCOMPARE(atCap.entries.size(), EmailListParser::MaxEntries);
        QVERIFY(!atCap.tooMany);
        QVERIFY(atCap.problem.isEmpty());

        const auto over = EmailListParser::parse(addressLines(EmailListParser::MaxEntries + 1, header));
        QVERIFY(over.tooMany);
        QCOMPARE(over.entries.size(), EmailListParser::MaxEntries);
        QVERIFY2(over.problem.contains(QStringLiteral("10,000")) ||
                     over.problem.contains(QStringLiteral("10000")),
                 qPrintable(over.problem));
        QVERIFY(over.problem.contains(QStringLiteral("Split")));
    }

    void longListsAreParsedOnAWorker()
    {
        const QString text = addressLines(4000);
        QVERIFY(text.size() > EmailListParser::BackgroundThreshold);
        QObject context;
        std::optional<EmailListParser::Result> result;
        QThread *deliveredOn = nullptr;
        const bool background = EmailListParser::parseInBackground(text, &context, [&](const auto &r) {
            result = r;
            deliveredOn = QThread::currentThread();
        });
        QVERIFY(background);
        QVERIFY(!result); // not on this call's stack
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QCOMPARE(deliveredOn, QThread::currentThread()); // the answer comes back to the caller's thread
        QCOMPARE(result->entries.size(), 4000);
        QCOMPARE(emails(*result), emails(EmailListParser::parse(text)));
    }

    void shortListsAreParsedAtOnce()
    {
        QObject context;
        std::optional<EmailListParser::Result> result;
        const bool background = EmailListParser::parseInBackground(
            QStringLiteral("a@x.example\nb@x.example"), &context, [&](const auto &r) { result = r; });
        QVERIFY(!background);
        QVERIFY(result);
        QCOMPARE(result->entries.size(), 2);
    }

    void noAnswerAfterTheContextIsGone()
    {
        auto context = std::make_unique<QObject>();
        bool called = false;
        QVERIFY(EmailListParser::parseInBackground(addressLines(4000), context.get(),
                                                   [&](const auto &) { called = true; }));
        context.reset();
        QTest::qWait(300);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestEmailList)
#include "tst_emaillist.moc"
