// Organization tree, its filter proxy, the accounts table, CSV export and the
// profile rules. Every model runs under a QAbstractItemModelTester that lives
// for the whole test.

#include "models/organizations/accountscsv.h"
#include "models/organizations/accounttablemodel.h"
#include "models/organizations/organizationfilterproxymodel.h"
#include "models/organizations/organizationtreemodel.h"
#include "models/organizations/profilevalidator.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::OrganizationTreeModel;

namespace {

api::Organization org(const QString &id, const QString &name, const QString &parentId = {})
{
    api::Organization o;
    o.id = id;
    o.name = name;
    o.parentId = parentId;
    o.createTime = QDateTime(QDate(2026, 4, 14), QTime(9, 0), Qt::UTC);
    return o;
}

QStringList childNames(const OrganizationTreeModel &m, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r)
        out << m.index(r, 0, parent).data().toString();
    return out;
}

QStringList visibleNames(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        out << i.data().toString();
        out << visibleNames(m, i);
    }
    return out;
}

} // namespace

class TestOrganizationModels : public QObject
{
    Q_OBJECT
private:
    OrganizationTreeModel *newTree()
    {
        auto *m = new OrganizationTreeModel(this);
        new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        return m;
    }

private Q_SLOTS:
    void buildsTreeByParentSortedByName()
    {
        OrganizationTreeModel *m = newTree();
        QSignalSpy inserted(m, &QAbstractItemModel::rowsInserted);
        m->addOrganizations({org(QStringLiteral("r"), QStringLiteral("Root")),
                             org(QStringLiteral("b"), QStringLiteral("beta"), QStringLiteral("r")),
                             org(QStringLiteral("a"), QStringLiteral("Alpha"), QStringLiteral("r")),
                             org(QStringLiteral("a1"), QStringLiteral("Alpha One"), QStringLiteral("a"))});
        QCOMPARE(inserted.count(), 4);
        QCOMPARE(m->rowCount(), 1);
        const QModelIndex root = m->indexOf(QStringLiteral("r"));
        QCOMPARE(childNames(*m, root), (QStringList{QStringLiteral("Alpha"), QStringLiteral("beta")}));
        QCOMPARE(m->index(0, OrganizationTreeModel::SubOrganizationsColumn).data().toInt(), 2);
        QCOMPARE(m->indexOf(QStringLiteral("a")).siblingAtColumn(1).data().toInt(), 1);
        QCOMPARE(m->indexOf(QStringLiteral("a1")).parent(), m->indexOf(QStringLiteral("a")));
        QCOMPARE(m->indexOf(QStringLiteral("a1")).data(OrganizationTreeModel::IdRole).toString(),
                 QStringLiteral("a1"));
        QCOMPARE(m->path(QStringLiteral("a1")).size(), 3);
        QCOMPARE(m->firstRootId(), QStringLiteral("r"));
        // Inserted where it sorts: one rowsInserted at row 1 under the root.
        inserted.clear();
        m->addOrganization(org(QStringLiteral("am"), QStringLiteral("Amber"), QStringLiteral("r")));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(0).value<QModelIndex>(), root);
        QCOMPARE(inserted.first().at(1).toInt(), 1);
    }

    void orphanSitsAtRootUntilItsParentArrives()
    {
        OrganizationTreeModel *m = newTree();
        auto child = org(QStringLiteral("c"), QStringLiteral("Child"), QStringLiteral("p"));
        child.parentName = QStringLiteral("Parent");
        m->addOrganization(child);
        QCOMPARE(m->rowCount(), 1);
        QVERIFY(m->isOrphan(QStringLiteral("c")));
        const QModelIndex c = m->indexOf(QStringLiteral("c"));
        QVERIFY(c.data(OrganizationTreeModel::OrphanRole).toBool());
        QVERIFY(!c.siblingAtColumn(OrganizationTreeModel::NoteColumn).data().toString().isEmpty());
        QVERIFY(c.siblingAtColumn(OrganizationTreeModel::NoteColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Parent")));

        QSignalSpy moved(m, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(m, &QAbstractItemModel::modelReset);
        m->addOrganization(org(QStringLiteral("p"), QStringLiteral("Parent")));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m->rowCount(), 1);
        QVERIFY(!m->isOrphan(QStringLiteral("c")));
        QCOMPARE(m->indexOf(QStringLiteral("c")).parent(), m->indexOf(QStringLiteral("p")));
        QVERIFY(
            m->indexOf(QStringLiteral("c"), OrganizationTreeModel::NoteColumn).data().toString().isEmpty());
    }

    void renameMovesTheRowToItsSortedPlace()
    {
        OrganizationTreeModel *m = newTree();
        m->addOrganizations({org(QStringLiteral("r"), QStringLiteral("Root")),
                             org(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("r")),
                             org(QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("r")),
                             org(QStringLiteral("c"), QStringLiteral("C"), QStringLiteral("r"))});
        QSignalSpy moved(m, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
        auto renamed = *m->organization(QStringLiteral("a"));
        renamed.name = QStringLiteral("Z");
        QVERIFY(m->updateOrganization(renamed));
        QCOMPARE(moved.count(), 1);
        QVERIFY(changed.count() >= 1);
        const QModelIndex root = m->indexOf(QStringLiteral("r"));
        QCOMPARE(childNames(*m, root),
                 (QStringList{QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("Z")}));
        // Same place: no move, only dataChanged.
        renamed.name = QStringLiteral("Zed");
        moved.clear();
        QVERIFY(m->updateOrganization(renamed));
        QCOMPARE(moved.count(), 0);
        QCOMPARE(m->indexOf(QStringLiteral("a")).data().toString(), QStringLiteral("Zed"));
        // Back to the front.
        renamed.name = QStringLiteral("0 first");
        QVERIFY(m->updateOrganization(renamed));
        QCOMPARE(childNames(*m, root).first(), QStringLiteral("0 first"));
        QVERIFY(!m->updateOrganization(org(QStringLiteral("nope"), QStringLiteral("x"))));
    }

    void removeTakesTheSubtree()
    {
        OrganizationTreeModel *m = newTree();
        m->addOrganizations({org(QStringLiteral("r"), QStringLiteral("Root")),
                             org(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("r")),
                             org(QStringLiteral("a1"), QStringLiteral("A1"), QStringLiteral("a")),
                             org(QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("r"))});
        QSignalSpy removed(m, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m->removeOrganization(QStringLiteral("a")));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QVERIFY(!m->contains(QStringLiteral("a1")));
        QCOMPARE(m->organizationCount(), 2);
        QCOMPARE(m->index(0, OrganizationTreeModel::SubOrganizationsColumn).data().toInt(), 1);
        QVERIFY(!m->removeOrganization(QStringLiteral("a")));
    }

    void moveReparentsAndRefusesCycles()
    {
        OrganizationTreeModel *m = newTree();
        m->addOrganizations({org(QStringLiteral("r"), QStringLiteral("Root")),
                             org(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("r")),
                             org(QStringLiteral("a1"), QStringLiteral("A1"), QStringLiteral("a")),
                             org(QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("r"))});
        QSignalSpy moved(m, &QAbstractItemModel::rowsMoved);
        QVERIFY(m->moveOrganization(QStringLiteral("a1"), QStringLiteral("b")));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(m->indexOf(QStringLiteral("a1")).parent(), m->indexOf(QStringLiteral("b")));
        QCOMPARE(m->organization(QStringLiteral("a1"))->parentName, QStringLiteral("B"));
        QCOMPARE(m->indexOf(QStringLiteral("a")).siblingAtColumn(1).data().toInt(), 0);
        QCOMPARE(m->indexOf(QStringLiteral("b")).siblingAtColumn(1).data().toInt(), 1);
        // Under its own descendant: refused, nothing changes.
        QVERIFY(!m->moveOrganization(QStringLiteral("r"), QStringLiteral("a1")));
        QVERIFY(!m->moveOrganization(QStringLiteral("b"), QStringLiteral("b")));
        QVERIFY(!m->moveOrganization(QStringLiteral("b"), QStringLiteral("unknown")));
        QCOMPARE(moved.count(), 1);
        // To the root.
        QVERIFY(m->moveOrganization(QStringLiteral("a1"), QString()));
        QCOMPARE(m->rowCount(), 2);
        QVERIFY(!m->isOrphan(QStringLiteral("a1")));
    }

    void synchronizeIsIncremental()
    {
        OrganizationTreeModel *m = newTree();
        m->addOrganizations({org(QStringLiteral("r"), QStringLiteral("Root")),
                             org(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("r")),
                             org(QStringLiteral("a1"), QStringLiteral("A1"), QStringLiteral("a")),
                             org(QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("r"))});
        QSignalSpy reset(m, &QAbstractItemModel::modelReset);
        QSignalSpy removed(m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m, &QAbstractItemModel::rowsInserted);
        // a vanished (a1 survives as an orphan), b renamed, c new.
        auto a1 = org(QStringLiteral("a1"), QStringLiteral("A1"), QStringLiteral("a"));
        m->synchronize({org(QStringLiteral("r"), QStringLiteral("Root")), a1,
                        org(QStringLiteral("b"), QStringLiteral("Bee"), QStringLiteral("r")),
                        org(QStringLiteral("c"), QStringLiteral("C"), QStringLiteral("b"))});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(!m->contains(QStringLiteral("a")));
        QVERIFY(m->isOrphan(QStringLiteral("a1")));
        QCOMPARE(m->organizationCount(), 4);
        QCOMPARE(m->indexOf(QStringLiteral("c")).parent(), m->indexOf(QStringLiteral("b")));
        QCOMPARE(m->indexOf(QStringLiteral("b")).data().toString(), QStringLiteral("Bee"));
        // Same list again: nothing moves.
        QSignalSpy moved(m, &QAbstractItemModel::rowsMoved);
        inserted.clear();
        removed.clear();
        m->synchronize({org(QStringLiteral("r"), QStringLiteral("Root")), a1,
                        org(QStringLiteral("b"), QStringLiteral("Bee"), QStringLiteral("r")),
                        org(QStringLiteral("c"), QStringLiteral("C"), QStringLiteral("b"))});
        QCOMPARE(moved.count() + inserted.count() + removed.count(), 0);
    }

    void cyclicParentsDoNotLoop()
    {
        OrganizationTreeModel *m = newTree();
        m->addOrganization(org(QStringLiteral("x"), QStringLiteral("X"), QStringLiteral("y")));
        m->addOrganization(org(QStringLiteral("y"), QStringLiteral("Y"), QStringLiteral("x")));
        QCOMPARE(m->organizationCount(), 2);
        QCOMPARE(m->rowCount(), 1);
        m->clear();
        QCOMPARE(m->rowCount(), 0);
    }

    void filterKeepsAncestorsAndFollowsChanges()
    {
        OrganizationTreeModel *m = newTree();
        m->addOrganizations({org(QStringLiteral("r"), QStringLiteral("Acme Holdings")),
                             org(QStringLiteral("e"), QStringLiteral("Acme EMEA"), QStringLiteral("r")),
                             org(QStringLiteral("d"), QStringLiteral("Data Platform"), QStringLiteral("e")),
                             org(QStringLiteral("u"), QStringLiteral("US"), QStringLiteral("r")),
                             org(QStringLiteral("o"), QStringLiteral("Other Root"))});
        auto *proxy = new models::OrganizationFilterProxyModel(this);
        proxy->setSourceModel(m);
        new QAbstractItemModelTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        QCOMPARE(visibleNames(*proxy).size(), 5);

        proxy->setNameFilter(QStringLiteral("platform"));
        QCOMPARE(visibleNames(*proxy),
                 (QStringList{QStringLiteral("Acme Holdings"), QStringLiteral("Acme EMEA"),
                              QStringLiteral("Data Platform")}));
        // A new match appears live, with its ancestors.
        m->addOrganization(org(QStringLiteral("p2"), QStringLiteral("Platform Two"), QStringLiteral("u")));
        QVERIFY(visibleNames(*proxy).contains(QStringLiteral("US")));
        QVERIFY(visibleNames(*proxy).contains(QStringLiteral("Platform Two")));
        // A removed match disappears, and its ancestor with it.
        m->removeOrganization(QStringLiteral("p2"));
        QVERIFY(!visibleNames(*proxy).contains(QStringLiteral("US")));
        // Renaming out of the filter hides the row.
        auto d = *m->organization(QStringLiteral("d"));
        d.name = QStringLiteral("Data Lake");
        m->updateOrganization(d);
        QCOMPARE(proxy->rowCount(), 0);

        proxy->setNameFilter(QString());
        proxy->setIdFilter({QStringLiteral("e")});
        QCOMPARE(visibleNames(*proxy),
                 (QStringList{QStringLiteral("Acme Holdings"), QStringLiteral("Acme EMEA")}));
        proxy->setIdFilter({});
        QVERIFY(!proxy->isFiltering());
        QCOMPARE(visibleNames(*proxy).size(), 5);
        // Moves go through the proxy too.
        QVERIFY(m->moveOrganization(QStringLiteral("d"), QStringLiteral("o")));
        const QModelIndex other = proxy->mapFromSource(m->indexOf(QStringLiteral("o")));
        QCOMPARE(proxy->rowCount(other), 1);
    }

    void accountTableAppendsPagesAndSortsRaw()
    {
        auto *model = new models::AccountTableModel(this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        api::Account a;
        a.id = QStringLiteral("id1");
        a.name = QStringLiteral("Prod");
        a.type = QStringLiteral("enterprise");
        a.createdOn = QDateTime(QDate(2021, 3, 18), QTime(10, 22), Qt::UTC);
        a.settings.enforceTwoFactor = true;
        a.settings.abuseContactEmail = QStringLiteral("abuse@acme.example");
        api::Account b;
        b.id = QStringLiteral("id2");
        b.type = QStringLiteral("standard");
        model->appendAccounts({a, b});
        model->appendAccounts({});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, models::AccountTableModel::TypeColumn).data().toString(),
                 QStringLiteral("Enterprise"));
        QCOMPARE(model->index(0, models::AccountTableModel::CreatedColumn)
                     .data(models::AccountTableModel::SortRole)
                     .toLongLong(),
                 a.createdOn.toMSecsSinceEpoch());
        const QString settings = model->index(0, models::AccountTableModel::SettingsColumn).data().toString();
        QVERIFY(settings.contains(QStringLiteral("2FA enforced")));
        QVERIFY(settings.contains(QStringLiteral("abuse@acme.example")));
        QCOMPARE(model->index(1, 0).data(models::AccountTableModel::IdRole).toString(),
                 QStringLiteral("id2"));
        QVERIFY(!model->index(1, 0).data().toString().isEmpty()); // null name still reads
        model->clear();
        QCOMPARE(model->rowCount(), 0);
    }

    void csvQuotesAndDefusesFormulas()
    {
        QCOMPARE(models::AccountsCsv::field(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(models::AccountsCsv::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(models::AccountsCsv::field(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(models::AccountsCsv::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(models::AccountsCsv::field(QStringLiteral("=HYPERLINK(1)")),
                 QStringLiteral("'=HYPERLINK(1)"));
        QCOMPARE(models::AccountsCsv::field(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(models::AccountsCsv::field(QStringLiteral("-1,2")), QStringLiteral("\"'-1,2\""));
        api::Account a;
        a.id = QStringLiteral("id1");
        a.name = QStringLiteral("=cmd|' /C calc'!A0");
        a.type = QStringLiteral("standard");
        a.settings.apiAccessEnabled = false;
        const QByteArray csv = models::AccountsCsv::toCsv({a});
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 3); // header, row, trailing empty
        QVERIFY(lines.at(0).startsWith("id,name,type,created_on"));
        QVERIFY(lines.at(0).endsWith("\r"));
        QVERIFY(lines.at(1).startsWith("id1,'=cmd|' /C calc'!A0,standard,,,,false,"));
    }

    void profileRules_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        using F = models::ProfileValidator::Field;
        QTest::newRow("name ok") << int(F::BusinessName) << QStringLiteral("Acme EMEA GmbH") << true;
        QTest::newRow("name blank") << int(F::BusinessName) << QStringLiteral("   ") << false;
        QTest::newRow("name long") << int(F::BusinessName) << QString(300, u'x') << false;
        QTest::newRow("email ok") << int(F::BusinessEmail) << QStringLiteral("emea-finance@acme.example")
                                  << true;
        QTest::newRow("email no at") << int(F::BusinessEmail) << QStringLiteral("finance.acme.example")
                                     << false;
        QTest::newRow("email no dot") << int(F::BusinessEmail) << QStringLiteral("finance@acme") << false;
        QTest::newRow("email space") << int(F::BusinessEmail) << QStringLiteral("a b@acme.example") << false;
        QTest::newRow("phone ok") << int(F::BusinessPhone) << QStringLiteral("+49-30-5550-1987") << true;
        QTest::newRow("phone empty") << int(F::BusinessPhone) << QString() << true;
        QTest::newRow("phone letters") << int(F::BusinessPhone) << QStringLiteral("+1 CALL NOW") << false;
        QTest::newRow("phone short") << int(F::BusinessPhone) << QStringLiteral("+1 2") << false;
        QTest::newRow("address long") << int(F::BusinessAddress) << QString(1025, u'a') << false;
        QTest::newRow("metadata ok") << int(F::ExternalMetadata) << QStringLiteral("{\"crm_id\":1}") << true;
        QTest::newRow("metadata long") << int(F::ExternalMetadata) << QString(1025, u'a') << false;
    }

    void profileRules()
    {
        QFETCH(int, field);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        const QString message =
            models::ProfileValidator::check(models::ProfileValidator::Field(field), value);
        QCOMPARE(message.isEmpty(), valid);
    }
};

QTEST_MAIN(TestOrganizationModels)
#include "tst_organizationmodels.moc"
