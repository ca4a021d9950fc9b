// The Members page against orgscope-sim over real HTTP: loading and filters,
// inviting one, bulk invites with invalid / repeated / existing rows,
// removing several, and API failures in the middle of bulk operations.

#include "api/client.h"
#include "api/membersapi.h"
#include "api/organizationsapi.h"
#include "models/members/memberbatchmodel.h"
#include "models/members/membersfilterproxy.h"
#include "models/members/membersmodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "ui/common/dialogs.h"
#include "ui/common/elidedlabel.h"
#include "ui/common/messagebanner.h"
#include "ui/common/pluralforms.h"
#include "ui/members/batchresultdialog.h"
#include "ui/members/invitedialog.h"
#include "ui/members/memberdetailspanel.h"
#include "ui/members/memberspage.h"
#include "ui/shell/navigator.h"

#include "testsupport/simulatorprocess.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using Check = models::MemberBatchModel::Check;
using Outcome = models::MemberBatchModel::Outcome;

namespace {

// Small audit and usage sets: this test is about members and should start fast.
const QStringList kSimArgs{QStringLiteral("--audit-events"), QStringLiteral("200"),
                           QStringLiteral("--usage-days"), QStringLiteral("2")};

// Waits for a job and returns it (jobs are kept alive with setAutoDelete(false)).
template <typename J> bool waitFor(J *job, int timeoutMs = 20000)
{
    job->setAutoDelete(false);
    QSignalSpy done(job, &api::Job::finished);
    job->start();
    return job->isFinished() || done.wait(timeoutMs);
}

} // namespace

class TestMembersPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("members"));
        ui::installPluralForms(QCoreApplication::instance()); // as main() does
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client = new api::Client(this);
        m_client->setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client->setRetryBaseDelay(10);
        // The organization with the most members, found through the API like a user would.
        api::OrganizationsApi orgs(m_client);
        auto *list = orgs.list({}, 1000, {}, this);
        QVERIFY(waitFor(list));
        QVERIFY2(!list->error(), qPrintable(list->error().toLogString()));
        int best = -1;
        for (const api::Organization &o : list->result().items) {
            api::MembersApi members(m_client);
            auto *job = members.list(o.id, {}, 1000, {}, this);
            QVERIFY(waitFor(job));
            QVERIFY2(!job->error(), qPrintable(job->error().toLogString()));
            if (job->result().items.size() > best) {
                best = int(job->result().items.size());
                m_orgId = o.id;
                m_orgName = o.name;
            }
            delete job;
        }
        delete list;
        QVERIFY2(best >= 8, "the seeded data needs an organization with a few members");
    }

    void init()
    {
        ui::Dialogs::clearAnswers();
        m_session = new models::Session(this);
        m_activity = new models::ActivityLog(this);
        m_session->setClient(m_client);
        m_session->setOrganization(m_orgId, m_orgName);
        m_page = new ui::MembersPage(m_session, m_activity);
        m_page->resize(1200, 700);
        QSignalSpy loaded(m_page, &ui::MembersPage::loadFinished);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page));
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page));
        // The first load may already be done while the window was being exposed.
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 20000);
        QVERIFY(m_page->model()->rowCount() > 0);
    }

    void cleanup()
    {
        delete m_page;
        m_page = nullptr;
        delete m_session;
        delete m_activity;
    }

    void loadsEveryMemberAndFilters()
    {
        // Same count as the server reports.
        api::MembersApi members(m_client);
        auto *all = members.list(m_orgId, {}, 1000, {}, this);
        QVERIFY(waitFor(all));
        QCOMPARE(m_page->model()->rowCount(), int(all->result().items.size()));
        QVERIFY(m_page->hasCompleteList());
        delete all;

        // Status filter goes to the server.
        auto *status = m_page->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        QSignalSpy loaded(m_page, &ui::MembersPage::loadFinished);
        status->setCurrentIndex(status->findData(QStringList{QStringLiteral("active")}));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_page->serverFilter().statuses, QStringList{QStringLiteral("active")});
        QVERIFY(!m_page->hasCompleteList());
        for (const api::Member &m : m_page->model()->members())
            QCOMPARE(m.status, QStringLiteral("active"));
        status->setCurrentIndex(0);
        QVERIFY(loaded.wait(20000));

        // Server-side e-mail "ends with".
        const QString someEmail = m_page->model()->member(0).user.email;
        const QString domain = someEmail.mid(someEmail.indexOf(u'@'));
        auto *match = m_page->findChild<QComboBox *>(QStringLiteral("emailMatch"));
        auto *email = m_page->findChild<QLineEdit *>(QStringLiteral("emailFilter"));
        match->setCurrentIndex(match->findData(int(ui::MembersPage::EmailMatch::EndsWith)));
        email->setText(domain);
        QTest::keyClick(email, Qt::Key_Return);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_page->serverFilter().userEmailEndsWith, domain);
        QVERIFY(m_page->model()->rowCount() > 0);
        for (const api::Member &m : m_page->model()->members())
            QVERIFY(m.user.email.endsWith(domain, Qt::CaseInsensitive));

        // Local instant filter over what is loaded: no request.
        match->setCurrentIndex(match->findData(int(ui::MembersPage::EmailMatch::Loaded)));
        QVERIFY(loaded.wait(20000)); // leaving the server filter reloads everything once
        const int before = m_client->requestsInFlight();
        QTest::keyClick(m_page, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(email->hasFocus());
        email->clear();
        QTest::keyClicks(email, someEmail.left(someEmail.indexOf(u'@')).toUpper());
        QCOMPARE(m_client->requestsInFlight(), before);
        QVERIFY(!m_page->isLoading());
        QVERIFY(m_page->proxy()->rowCount() >= 1);
        QVERIFY(m_page->proxy()->rowCount() < m_page->model()->rowCount());

        // Details of the one selected member, and the link to their activity.
        auto *table = m_page->findChild<QTableView *>(QStringLiteral("membersTable"));
        table->selectRow(0);
        const QString shown = m_page->proxy()->index(0, models::MembersModel::EmailColumn).data().toString();
        QCOMPARE(m_page->findChild<ui::ElidedLabel *>(QStringLiteral("detailEmail"))->fullText(), shown);
        ui::Navigator navigator;
        m_page->setNavigator(&navigator);
        QSignalSpy audit(&navigator, &ui::Navigator::auditForActorRequested);
        auto *link = m_page->findChild<QLabel *>(QStringLiteral("showActivityLink"));
        QVERIFY(link->isVisible());
        Q_EMIT link->linkActivated(QStringLiteral("activity"));
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().first().toString(), shown);

        // Export what is shown (filtered).
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("members.csv"));
        ui::Dialogs::enqueueAnswer(csvPath);
        m_page->findChild<QAction *>(QStringLiteral("actionExportMembersCsv"))->trigger();
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size() - 2, m_page->proxy()->rowCount()); // header + trailing empty
        QVERIFY(lines.at(1).contains(shown.toUtf8()));
        QVERIFY(m_page->exportTo(dir.filePath(QStringLiteral("members.json")), true));
    }

    void exportMenuArrowSitsBesideItsText()
    {
        // A tool button with an instant menu draws its arrow over the text, cut off.
        auto *button = m_page->findChild<QPushButton *>(QStringLiteral("exportButton"));
        QVERIFY(button);
        QVERIFY(button->menu());
        QVERIFY(button->width() >= button->sizeHint().width());
    }

    void detailsElideWithTooltipAndCopy()
    {
        auto *table = m_page->findChild<QTableView *>(QStringLiteral("membersTable"));
        auto *splitter = m_page->findChild<QSplitter *>(QStringLiteral("membersSplitter"));
        // The narrowest the pane goes.
        splitter->setSizes({2000, 1});
        auto *details = m_page->findChild<ui::MemberDetailsPanel *>();
        QVERIFY(details->width() >= 260);
        // The member with the longest address.
        int longest = 0;
        for (int r = 1; r < m_page->proxy()->rowCount(); ++r)
            if (m_page->proxy()->index(r, models::MembersModel::EmailColumn).data().toString().size() >
                m_page->proxy()->index(longest, models::MembersModel::EmailColumn).data().toString().size())
                longest = r;
        table->selectRow(longest);
        const api::Member &m =
            m_page->model()->member(m_page->proxy()->mapToSource(m_page->proxy()->index(longest, 0)).row());
        for (const auto &[name, value] :
             {std::pair{"detailEmail", m.user.email}, std::pair{"detailMemberId", m.id},
              std::pair{"detailUserId", m.user.id}}) {
            auto *label = m_page->findChild<ui::ElidedLabel *>(QString::fromLatin1(name));
            QVERIFY2(label, name);
            QTRY_VERIFY(label->isVisible());
            QCOMPARE(label->fullText(), value);
            QCOMPARE(label->toolTip(), value);
            // Cut with an ellipsis, never mid-character, and never wider than the label.
            QVERIFY2(label->text() == value || label->text().contains(QStringLiteral("…")),
                     qPrintable(label->text()));
            QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width());
        }
        QVERIFY(m_page->findChild<ui::ElidedLabel *>(QStringLiteral("detailEmail"))->isElided());
        // Copy buttons put the whole value on the clipboard.
        QTest::mouseClick(m_page->findChild<QToolButton *>(QStringLiteral("copyEmail")), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), m.user.email);
        QTest::mouseClick(m_page->findChild<QToolButton *>(QStringLiteral("copyUserId")), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), m.user.id);
        QTest::mouseClick(m_page->findChild<QToolButton *>(QStringLiteral("copyMemberId")), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), m.id);
    }

    void inviteOneAddressUsesItsSpace()
    {
        ui::InviteDialog *dialog = m_page->openInviteDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("singleEmail"));
        // A placeholder that describes, not an address that reads as data.
        QVERIFY2(!edit->placeholderText().contains(u'@'), qPrintable(edit->placeholderText()));
        auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("inviteTabs"));
        QWidget *single = tabs->widget(0);
        // One line and its message: not the room of a list and its preview table.
        QVERIFY2(
            single->height() <= 2 * single->sizeHint().height(),
            qPrintable(QStringLiteral("%1 > 2 × %2").arg(single->height()).arg(single->sizeHint().height())));
        dialog->setMode(ui::InviteDialog::Mode::Bulk);
        QTRY_VERIFY(dialog->height() >= 500);
        dialog->setMode(ui::InviteDialog::Mode::Single);
        QTRY_VERIFY(single->height() <= 2 * single->sizeHint().height());
        dialog->reject();
    }

    void removingAnInvitationRevokesIt()
    {
        const QString email =
            QStringLiteral("revoke-%1@newcomer.example").arg(QDateTime::currentMSecsSinceEpoch());
        auto *job = api::MembersApi(m_client).create(m_orgId, {email, QString()}, this);
        QVERIFY(waitFor(job));
        QVERIFY2(!job->error(), qPrintable(job->error().toLogString()));
        delete job;
        QSignalSpy loaded(m_page, &ui::MembersPage::loadFinished);
        m_page->refresh();
        QVERIFY(loaded.wait(20000));
        const int row = m_page->model()->rowOfEmail(email);
        QVERIFY(row >= 0);
        QCOMPARE(m_page->model()->member(row).status, QStringLiteral("pending"));
        auto *table = m_page->findChild<QTableView *>(QStringLiteral("membersTable"));
        table->clearSelection();
        table->selectRow(m_page->proxy()->mapFromSource(m_page->model()->index(row, 0)).row());
        ui::Dialogs::enqueueAnswer(false);
        m_page->removeSelected();
        const QString question = ui::Dialogs::askedQuestions().constLast();
        QVERIFY2(question.contains(QStringLiteral("Revoke 1 invitation")), qPrintable(question));
        QVERIFY2(!question.contains(QStringLiteral("lose access")), qPrintable(question));
        QCOMPARE(ui::Dialogs::lastConfirmLabel(), QStringLiteral("Revoke 1 invitation"));
    }

    void invitesOne()
    {
        const int before = m_page->model()->rowCount();
        QTest::keyClick(m_page, Qt::Key_I, Qt::ControlModifier);
        // The dialog deletes itself when it closes after a successful invite.
        QPointer<ui::InviteDialog> dialog = m_page->findChild<ui::InviteDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->mode(), ui::InviteDialog::Mode::Single);
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("singleEmail"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("singleEmailError"));
        auto *send = dialog->findChild<QPushButton *>(QStringLiteral("sendButton"));

        // An invalid address is refused next to the field; nothing is sent.
        QTest::keyClicks(edit, QStringLiteral("not-an-address"));
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(!error->text().isEmpty());
        QCOMPARE(m_client->requestsInFlight(), 0);

        // A current member is refused too.
        edit->setText(m_page->model()->member(0).user.email);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY(error->text().contains(QStringLiteral("already a member")));
        QCOMPARE(m_page->model()->rowCount(), before);

        const QString fresh =
            QStringLiteral("invite-one-%1@newcomer.example").arg(QDateTime::currentMSecsSinceEpoch());
        edit->setText(fresh);
        QSignalSpy inserted(m_page->model(), &QAbstractItemModel::rowsInserted);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 20000);
        QCOMPARE(m_page->model()->rowCount(), before + 1);
        QCOMPARE(inserted.size(), 1);
        const int row = m_page->model()->rowOfEmail(fresh);
        QVERIFY(row >= 0);
        QCOMPARE(m_page->model()->member(row).status, QStringLiteral("pending"));
        QVERIFY(m_page->findChild<ui::MessageBanner *>()->text().contains(fresh));
        QVERIFY(serverHas(fresh));
    }

    void bulkInviteMarksInvalidDuplicateAndExisting()
    {
        const qint64 tag = QDateTime::currentMSecsSinceEpoch();
        const QString a = QStringLiteral("bulk-a-%1@newcomer.example").arg(tag);
        const QString b = QStringLiteral("bulk-b-%1@newcomer.example").arg(tag);
        QString existing;
        for (const api::Member &m : m_page->model()->members())
            if (m.status == QLatin1String("active")) {
                existing = m.user.email;
                break;
            }
        QVERIFY(!existing.isEmpty());
        auto *dialog = m_page->openInviteDialog();
        QVERIFY(dialog);
        dialog->setMode(ui::InviteDialog::Mode::Bulk);
        auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("bulkEmails"));
        text->setPlainText(a + QStringLiteral("\nnot an address\n") + a.toUpper() + u'\n' + existing + u'\n' +
                           b + u'\n');
        QSignalSpy previewed(dialog, &ui::InviteDialog::previewReady);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
        QVERIFY(previewed.count() == 1 || previewed.wait(20000));
        models::MemberBatchModel *rows = dialog->rows();
        QCOMPARE(rows->rowCount(), 5);
        QCOMPARE(rows->row(0).check, Check::Ready);
        QCOMPARE(rows->row(1).check, Check::Invalid);
        QCOMPARE(rows->row(2).check, Check::Duplicate);
        QCOMPARE(rows->row(3).check, Check::Existing);
        QCOMPARE(rows->row(4).check, Check::Ready);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("inviteSummary"))
                    ->text()
                    .contains(QStringLiteral("1 invalid")));
        // Nothing has been sent yet.
        QVERIFY(!serverHas(a));

        QSignalSpy finished(dialog, &ui::InviteDialog::operationFinished);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(rows->row(0).outcome, Outcome::Done);
        QCOMPARE(rows->row(1).outcome, Outcome::Skipped);
        QCOMPARE(rows->row(2).outcome, Outcome::Skipped);
        QCOMPARE(rows->row(3).outcome, Outcome::AlreadyMember);
        QCOMPARE(rows->row(4).outcome, Outcome::Done);
        QVERIFY(m_page->model()->containsEmail(a));
        QVERIFY(m_page->model()->containsEmail(b));
        QVERIFY(serverHas(a));
        QVERIFY(serverHas(b));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.csv"));
        ui::Dialogs::enqueueAnswer(path);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveResultsButton")),
                          Qt::LeftButton);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(f.readAll());
        QCOMPARE(csv.count(QStringLiteral("\r\n")), 6);
        QVERIFY(csv.contains(a + QStringLiteral(",Ready to invite,Invited")));
        QVERIFY(csv.contains(existing + QStringLiteral(",Already a member,Already a member")));
        dialog->reject();
    }

    void batchRefusedFallsBackToOneCallPerMember()
    {
        const qint64 tag = QDateTime::currentMSecsSinceEpoch();
        const QStringList addresses{QStringLiteral("fb-a-%1@newcomer.example").arg(tag),
                                    QStringLiteral("fb-b-%1@newcomer.example").arg(tag),
                                    QStringLiteral("fb-c-%1@newcomer.example").arg(tag)};
        auto *dialog = m_page->openInviteDialog();
        QVERIFY(dialog);
        dialog->setMode(ui::InviteDialog::Mode::Bulk);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("bulkEmails"))
            ->setPlainText(addresses.join(u'\n'));
        QSignalSpy previewed(dialog, &ui::InviteDialog::previewReady);
        dialog->preview();
        QVERIFY(previewed.count() == 1 || previewed.wait(20000));
        QCOMPARE(dialog->rows()->countCheck(Check::Ready), 3);
        // Between preview and send someone else invites the second address: the
        // server refuses the whole batch (duplicate), so each address goes alone.
        api::MembersApi members(m_client);
        auto *other = members.create(m_orgId, {addresses.at(1), {}}, this);
        QVERIFY(waitFor(other));
        QVERIFY(!other->error());
        delete other;
        QSignalSpy finished(dialog, &ui::InviteDialog::operationFinished);
        dialog->send();
        QVERIFY(finished.wait(20000));
        models::MemberBatchModel *rows = dialog->rows();
        QCOMPARE(rows->countOpen(), 0);
        QCOMPARE(rows->row(0).outcome, Outcome::Done);
        QCOMPARE(rows->row(1).outcome, Outcome::AlreadyMember);
        QVERIFY(!rows->row(1).detail.isEmpty());
        QCOMPARE(rows->row(2).outcome, Outcome::Done);
        QVERIFY(m_page->model()->containsEmail(addresses.at(0)));
        QVERIFY(m_page->model()->containsEmail(addresses.at(2)));
        QVERIFY(serverHas(addresses.at(0)));
        QVERIFY(serverHas(addresses.at(2)));
        dialog->reject();
    }

    void importsCsvFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("people.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,email\n\"Doe, Jane\",jane-csv@newcomer.example\nNobody,\n");
        f.close();
        auto *dialog = m_page->openInviteDialog();
        QSignalSpy previewed(dialog, &ui::InviteDialog::previewReady);
        ui::Dialogs::enqueueAnswer(path);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
        QVERIFY(previewed.count() == 1 || previewed.wait(20000));
        QCOMPARE(dialog->mode(), ui::InviteDialog::Mode::Bulk);
        QCOMPARE(dialog->rows()->rowCount(), 2);
        QCOMPARE(dialog->rows()->row(0).email, QStringLiteral("jane-csv@newcomer.example"));
        QCOMPARE(dialog->rows()->row(1).check, Check::Invalid);
        dialog->reject();
    }

    void removesSeveral()
    {
        auto *table = m_page->findChild<QTableView *>(QStringLiteral("membersTable"));
        QList<api::Member> victims;
        for (int row = 0; row < 3; ++row)
            victims.append(
                m_page->model()->member(m_page->proxy()->mapToSource(m_page->proxy()->index(row, 0)).row()));
        const int before = m_page->model()->rowCount();

        // Declining the confirmation changes nothing.
        selectRows(table, 3);
        ui::Dialogs::enqueueAnswer(false);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(m_page->model()->rowCount(), before);
        QCOMPARE(ui::Dialogs::askedQuestions().size(), 1);

        QSignalSpy removed(m_page->model(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_page->model(), &QAbstractItemModel::modelReset);
        QSignalSpy done(m_page, &ui::MembersPage::removalFinished);
        ui::Dialogs::enqueueAnswer(true);
        QTest::keyClick(table, Qt::Key_Delete);
        const QString question = ui::Dialogs::askedQuestions().last();
        for (const api::Member &m : victims)
            QVERIFY2(question.contains(m.user.email), qPrintable(question));
        QVERIFY(done.wait(20000));
        QCOMPARE(m_page->model()->rowCount(), before - 3);
        QCOMPARE(removed.size(), 3);
        QCOMPARE(reset.size(), 0);
        for (const api::Member &m : victims) {
            QVERIFY(m_page->model()->rowOfId(m.id) < 0);
            QVERIFY(!serverHas(m.user.email));
        }
        QVERIFY(m_page->findChild<ui::MessageBanner *>()->text().contains(victims.first().user.email));
    }

    void failureInTheMiddleOfARemoval()
    {
        auto *table = m_page->findChild<QTableView *>(QStringLiteral("membersTable"));
        QList<api::Member> victims;
        for (int row = 0; row < 3; ++row)
            victims.append(
                m_page->model()->member(m_page->proxy()->mapToSource(m_page->proxy()->index(row, 0)).row()));
        // Someone else removes the middle member meanwhile: its DELETE will fail with 404.
        api::MembersApi members(m_client);
        auto *behindOurBack = members.remove(m_orgId, victims.at(1).id, this);
        QVERIFY(waitFor(behindOurBack));
        QVERIFY(!behindOurBack->error());
        delete behindOurBack;

        m_page->setRemovalParallelism(1);
        selectRows(table, 3);
        QSignalSpy done(m_page, &ui::MembersPage::removalFinished);
        ui::Dialogs::enqueueAnswer(true);
        m_page->removeSelected();
        QVERIFY(done.wait(20000));
        auto *results = m_page->findChild<ui::BatchResultDialog *>();
        QVERIFY(results);
        models::MemberBatchModel *rows = results->rows();
        QCOMPARE(rows->rowCount(), 3);
        QCOMPARE(rows->countOpen(), 0);
        QCOMPARE(rows->row(0).outcome, Outcome::Done);
        QCOMPARE(rows->row(1).outcome, Outcome::Failed);
        QVERIFY(rows->row(1).detail.contains(QStringLiteral("404")) ||
                rows->row(1).detail.contains(QStringLiteral("not found"), Qt::CaseInsensitive));
        QCOMPARE(rows->row(2).outcome, Outcome::Done);
        QVERIFY(rows->summary().contains(QStringLiteral("2 removed")));
        QVERIFY(rows->summary().contains(QStringLiteral("1 failed")));
        auto *banner = m_page->findChild<ui::MessageBanner *>();
        QCOMPARE(banner->kind(), ui::MessageBanner::Kind::Error);
        QVERIFY(banner->text().contains(victims.at(1).user.email));
        // The member that is gone on the server is gone from the table too.
        for (const api::Member &m : victims)
            QVERIFY(m_page->model()->rowOfId(m.id) < 0);
        QTemporaryDir dir;
        ui::Dialogs::enqueueAnswer(dir.filePath(QStringLiteral("removal.csv")));
        QVERIFY(results->saveCsv());
    }

    void serverGoneInTheMiddleOfABulkInvite()
    {
        // A private simulator that we stop after the second invitation.
        testsupport::SimulatorProcess sim(kSimArgs);
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        api::Client client;
        client.setBaseUrl(QUrl(sim.baseUrl()));
        client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        client.setRetryBaseDelay(10);
        client.setTransferTimeout(3000);
        m_session->setClient(&client);
        QSignalSpy loaded(m_page, &ui::MembersPage::loadFinished);
        QVERIFY(loaded.wait(20000));

        auto *dialog = m_page->openInviteDialog();
        QVERIFY(dialog);
        dialog->setBatchSize(0); // one call per member, in order
        dialog->setMaxParallel(1);
        dialog->setMode(ui::InviteDialog::Mode::Bulk);
        const qint64 tag = QDateTime::currentMSecsSinceEpoch();
        QStringList addresses;
        for (int i = 0; i < 5; ++i)
            addresses << QStringLiteral("mid-%1-%2@newcomer.example").arg(i).arg(tag);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("bulkEmails"))
            ->setPlainText(addresses.join(u'\n'));
        QSignalSpy previewed(dialog, &ui::InviteDialog::previewReady);
        dialog->preview();
        QVERIFY(previewed.count() == 1 || previewed.wait(20000));
        int created = 0;
        connect(dialog, &ui::InviteDialog::membersInvited, this, [&](const QList<api::Member> &m) {
            created += int(m.size());
            if (created == 2)
                sim.stop();
        });
        QSignalSpy finished(dialog, &ui::InviteDialog::operationFinished);
        dialog->send();
        QVERIFY(finished.wait(60000));
        models::MemberBatchModel *rows = dialog->rows();
        QCOMPARE(rows->countOpen(), 0);
        QCOMPARE(rows->row(0).outcome, Outcome::Done);
        QCOMPARE(rows->row(1).outcome, Outcome::Done);
        for (int i = 2; i < 5; ++i) {
            QCOMPARE(rows->row(i).outcome, Outcome::Failed);
            QVERIFY(!rows->row(i).detail.isEmpty());
        }
        // The table shows exactly the members the server confirmed.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_page->model()->containsEmail(addresses.at(i)), i < 2);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("inviteSummary"))
                    ->text()
                    .contains(QStringLiteral("2 invited")));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("inviteSummary"))
                    ->text()
                    .contains(QStringLiteral("3 failed")));
        dialog->reject();
        m_session->setClient(m_client);
    }

private:
    bool serverHas(const QString &email)
    {
        api::MembersApi members(m_client);
        api::MemberFilter filter;
        filter.userEmail = email;
        auto *job = members.list(m_orgId, filter, 10, {}, this);
        if (!waitFor(job) || job->error()) {
            qWarning() << "lookup failed" << job->error().toLogString();
            delete job;
            return false;
        }
        const bool found = !job->result().items.isEmpty();
        delete job;
        return found;
    }

    void selectRows(QTableView *table, int count)
    {
        table->clearSelection();
        for (int row = 0; row < count; ++row)
            table->selectionModel()->select(table->model()->index(row, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

    testsupport::SimulatorProcess m_sim{kSimArgs};
    api::Client *m_client = nullptr;
    QString m_orgId;
    QString m_orgName;
    models::Session *m_session = nullptr;
    models::ActivityLog *m_activity = nullptr;
    ui::MembersPage *m_page = nullptr;
};

QTEST_MAIN(TestMembersPage)
#include "tst_memberspage.moc"
