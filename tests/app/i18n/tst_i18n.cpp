// The German catalogue is complete, compiled and loadable the way main() loads it;
// the English plural forms turn every "%n …(s)" into "1 …" / "2 …s".

#include "ui/common/pluralforms.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QSet<QString> found;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured(0));
    return found;
}

struct Message
{
    QString source;
    QStringList translations;
    bool unfinished = false;
    bool numerus = false;
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("message")) {
                current = Message{};
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                current.unfinished = type == QLatin1String("unfinished");
                if (!current.numerus)
                    current.translations.append(xml.readElementText());
            } else if (name == QLatin1String("numerusform")) {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages.append(current);
        }
    }
    return xml.hasError() ? QList<Message>{} : messages;
}

} // namespace

class TestI18n : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIsEmbeddedAndTranslates()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("orgscope"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(translator.language(), QStringLiteral("de"));
        QCOMPARE(translator.translate("ui::MainWindow", "&Quit"), QStringLiteral("&Beenden"));
        QCOMPARE(translator.translate("ui::OrganizationsPage", "Organizations"),
                 QStringLiteral("Organisationen"));
        QCOMPARE(translator.translate("ui::MembersPage", "%n member(s)", nullptr, 1),
                 QStringLiteral("%n Mitglied"));
        QCOMPARE(translator.translate("ui::MembersPage", "%n member(s)", nullptr, 3),
                 QStringLiteral("%n Mitglieder"));
    }

    void installedTranslatorReachesTr()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/orgscope_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCOMPARE(QCoreApplication::translate("ui::MainWindow", "&Quit"), QStringLiteral("&Beenden"));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(QCoreApplication::translate("ui::MainWindow", "&Quit"), QStringLiteral("&Quit"));
    }

    void noLocaleWithoutCatalogueLoads()
    {
        QTranslator translator;
        QVERIFY(!translator.load(QLocale(QLocale::Japanese), QStringLiteral("orgscope"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n")));
    }

    void sourceCatalogueIsComplete()
    {
        const auto messages = readTs(QStringLiteral(ORGSCOPE_TS_DIR "/orgscope_de.ts"));
        QVERIFY(messages.size() > 100);
        for (const auto &m : messages) {
            QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + m.source));
            QVERIFY2(!m.translations.isEmpty(), qPrintable(m.source));
            if (m.numerus)
                QVERIFY2(m.translations.size() == 2,
                         qPrintable(QStringLiteral("German needs two forms: ") + m.source));
            for (const auto &t : m.translations) {
                QVERIFY2(!t.isEmpty(), qPrintable(QStringLiteral("empty: ") + m.source));
                QVERIFY2(placeholders(t) == placeholders(m.source),
                         qPrintable(QStringLiteral("placeholders differ: ") + m.source +
                                    QStringLiteral(" -> ") + t));
                QVERIFY2(m.source.count(QLatin1Char('&')) == 0 || t.contains(QLatin1Char('&')),
                         qPrintable(QStringLiteral("lost mnemonic: ") + m.source));
            }
        }
    }

    void englishCatalogueHasEveryPluralForm()
    {
        const auto english = readTs(QStringLiteral(ORGSCOPE_TS_DIR "/orgscope_en.ts"));
        QVERIFY(english.size() > 20);
        QSet<QString> sources;
        for (const auto &m : english) {
            sources.insert(m.source);
            QVERIFY2(m.numerus, qPrintable(QStringLiteral("only plural messages: ") + m.source));
            QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + m.source));
            QVERIFY2(m.translations.size() == 2, qPrintable(QStringLiteral("two forms: ") + m.source));
            for (const auto &t : m.translations) {
                QVERIFY2(!t.contains(QLatin1String("(s)")) && !t.contains(QLatin1String("(es)")),
                         qPrintable(t));
                QVERIFY2(placeholders(t) == placeholders(m.source), qPrintable(t));
            }
        }
        // Every plural the German catalogue knows has its English forms too.
        for (const auto &m : readTs(QStringLiteral(ORGSCOPE_TS_DIR "/orgscope_de.ts")))
            if (m.numerus)
                QVERIFY2(sources.contains(m.source),
                         qPrintable(QStringLiteral("no English forms: ") + m.source));
    }

    // Last: the English forms stay installed for the rest of the process.
    void englishPluralFormsReachTr()
    {
        QCOMPARE(QCoreApplication::translate("ui::OrganizationsPage", "%n organization(s)", nullptr, 11),
                 QStringLiteral("11 organization(s)"));
        QVERIFY(ui::installPluralForms(qApp));
        QCOMPARE(QCoreApplication::translate("ui::OrganizationsPage", "%n organization(s)", nullptr, 1),
                 QStringLiteral("1 organization"));
        QCOMPARE(QCoreApplication::translate("ui::OrganizationsPage", "%n organization(s)", nullptr, 11),
                 QStringLiteral("11 organizations"));
        QCOMPARE(QCoreApplication::translate("ui::MembersPage", "Remove %n member(s)", nullptr, 1),
                 QStringLiteral("Remove 1 member"));
        // A language's own catalogue, installed later, still wins.
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/orgscope_de.qm")));
        QCoreApplication::installTranslator(&german);
        QCOMPARE(QCoreApplication::translate("ui::MembersPage", "%n member(s)", nullptr, 3),
                 QStringLiteral("3 Mitglieder"));
        QCoreApplication::removeTranslator(&german);
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
