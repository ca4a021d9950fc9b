// The Profile tab against orgscope-sim: load, validation next to the field,
// a save that fails (nothing listening) keeps every edit and says why, Retry
// saves, and leaving with unsaved edits asks first.

#include "organizationsfixture.h"

#include "api/organizationsapi.h"
#include "ui/organizations/profileform.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>

class TestOrganizationsProfile : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<OrganizationsFixture> f;
    QLineEdit *name = nullptr;
    QLineEdit *email = nullptr;
    QLineEdit *phone = nullptr;
    QPlainTextEdit *address = nullptr;
    QPushButton *save = nullptr;
    QPushButton *revert = nullptr;
    QLabel *emailError = nullptr;
    QLabel *phoneError = nullptr;
    QLabel *status = nullptr;

    std::optional<api::Profile> serverProfile(const QString &id)
    {
        auto *job = api::OrganizationsApi(&f->client).profile(id);
        job->setAutoDelete(false);
        QSignalSpy done(job, &api::Job::finished);
        job->start();
        std::optional<api::Profile> out;
        if (done.wait(10000) && !job->error())
            out = job->result();
        delete job;
        return out;
    }

    bool openProfileOf(const QString &id)
    {
        QSignalSpy loaded(f->page, &ui::OrganizationsPage::profileLoaded);
        if (f->session.organizationId() != id && !f->clickOrganization(id))
            return false;
        if (f->tabs->currentIndex() != 2)
            f->showTab(2);
        // The load may have finished while an earlier step spun the event loop.
        auto *form = f->page->findChild<ui::ProfileForm *>(QStringLiteral("profileForm"));
        if (loaded.isEmpty() && form->isAvailable() && f->page->currentOrganizationId() == id)
            return true;
        if (loaded.isEmpty() && !loaded.wait(10000))
            return false;
        return loaded.first().first().toBool();
    }

    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ui_organizations_profile"));
        models::AppSettings().setLastOrganizationId(QString());
        f = std::make_unique<OrganizationsFixture>();
        QVERIFY(f->start());
        name = f->page->findChild<QLineEdit *>(QStringLiteral("profileBusinessName"));
        email = f->page->findChild<QLineEdit *>(QStringLiteral("profileBusinessEmail"));
        phone = f->page->findChild<QLineEdit *>(QStringLiteral("profileBusinessPhone"));
        address = f->page->findChild<QPlainTextEdit *>(QStringLiteral("profileBusinessAddress"));
        save = f->page->findChild<QPushButton *>(QStringLiteral("profileSave"));
        revert = f->page->findChild<QPushButton *>(QStringLiteral("profileRevert"));
        emailError = f->page->findChild<QLabel *>(QStringLiteral("profileBusinessEmailError"));
        phoneError = f->page->findChild<QLabel *>(QStringLiteral("profileBusinessPhoneError"));
        status = f->page->findChild<QLabel *>(QStringLiteral("profileStatus"));
        QVERIFY(name && email && phone && address && save && revert && emailError && phoneError && status);
    }

    void cleanupTestCase() { f.reset(); }

    void init() { ui::Dialogs::clearAnswers(); }

    void placeholdersDescribeRatherThanLookLikeData()
    {
        auto *form = f->page->findChild<ui::ProfileForm *>(QStringLiteral("profileForm"));
        QVERIFY(form);
        static const QRegularExpression looksLikeData(QStringLiteral("[0-9@]"));
        for (QLineEdit *edit : form->findChildren<QLineEdit *>()) {
            QVERIFY2(!edit->placeholderText().isEmpty(), qPrintable(edit->objectName()));
            QVERIFY2(!edit->placeholderText().contains(looksLikeData), qPrintable(edit->placeholderText()));
        }
        for (QPlainTextEdit *edit : form->findChildren<QPlainTextEdit *>())
            QVERIFY2(!edit->placeholderText().contains(looksLikeData), qPrintable(edit->placeholderText()));
        QVERIFY2(phone->placeholderText().contains(QStringLiteral("international")),
                 qPrintable(phone->placeholderText()));
    }

    void loadsFromTheApi()
    {
        const QString holdings = f->idOf(QStringLiteral(" Holdings"));
        QVERIFY(openProfileOf(holdings));
        const auto server = serverProfile(holdings);
        QVERIFY(server);
        QCOMPARE(name->text(), server->businessName);
        QCOMPARE(email->text(), server->businessEmail);
        QCOMPARE(address->toPlainText(), server->businessAddress);
        QVERIFY(!save->isEnabled());
        QVERIFY(!revert->isEnabled());
    }

    void validatesNextToTheField()
    {
        retype(email, QStringLiteral("not-an-email"));
        QVERIFY(emailError->isVisible());
        QVERIFY(!emailError->text().isEmpty());
        QVERIFY(!save->isEnabled());
        QVERIFY(revert->isEnabled());
        retype(phone, QStringLiteral("call us"));
        QVERIFY(phoneError->isVisible());
        retype(phone, QStringLiteral("+1 512 555 0199"));
        QVERIFY(!phoneError->isVisible());
        retype(email, QStringLiteral("finance@orgscope.example"));
        QVERIFY(!emailError->isVisible());
        QVERIFY(save->isEnabled());
    }

    void failedSaveKeepsEditsThenRetrySaves()
    {
        const QString holdings = f->session.organizationId();
        const QUrl good = f->client.baseUrl();
        f->client.setMaxRetries(0);
        f->client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/client/v4"))); // the API is unreachable
        QSignalSpy saved(f->page, &ui::OrganizationsPage::profileSaveFinished);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toBool(), false);
        // Every edit is still there, the form says why, the banner offers Retry.
        QCOMPARE(email->text(), QStringLiteral("finance@orgscope.example"));
        QCOMPARE(phone->text(), QStringLiteral("+1 512 555 0199"));
        QVERIFY(status->text().contains(QStringLiteral("Not saved")));
        QVERIFY(f->banner->isVisible());
        QVERIFY(f->banner->retryOffered());
        QVERIFY(save->isEnabled());

        f->client.setBaseUrl(good);
        f->client.setMaxRetries(2);
        QVERIFY(serverProfile(holdings)->businessEmail != QStringLiteral("finance@orgscope.example"));
        saved.clear();
        QTest::mouseClick(f->banner->findChild<QPushButton *>(QStringLiteral("messageBannerRetry")),
                          Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toBool(), true);
        QVERIFY(!save->isEnabled());
        QCOMPARE(status->text(), QStringLiteral("Profile saved."));
        const auto server = serverProfile(holdings);
        QVERIFY(server);
        QCOMPARE(server->businessEmail, QStringLiteral("finance@orgscope.example"));
        QCOMPARE(server->businessPhone, QStringLiteral("+1 512 555 0199"));
    }

    void revertPutsBackTheLoadedValues()
    {
        const QString before = name->text();
        retype(name, QStringLiteral("Something Else"));
        QVERIFY(revert->isEnabled());
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(name->text(), before);
        QVERIFY(!save->isEnabled());
    }

    void leavingWithUnsavedEditsAsks()
    {
        const QString holdings = f->session.organizationId();
        const QString emea = f->idOf(QStringLiteral(" EMEA"));
        retype(phone, QStringLiteral("+1 512 555 0100"));

        // Cancel: stay, keep the edit.
        ui::Dialogs::enqueueAnswer(int(QMessageBox::Cancel));
        QVERIFY(f->clickOrganization(emea));
        QCOMPARE(f->session.organizationId(), holdings);
        QCOMPARE(phone->text(), QStringLiteral("+1 512 555 0100"));
        QTRY_COMPARE(f->tree->currentIndex().data(models::OrganizationTreeModel::IdRole).toString(),
                     holdings);
        QCOMPARE(ui::Dialogs::askedQuestions().size(), 1);

        // Closing asks too.
        ui::Dialogs::enqueueAnswer(int(QMessageBox::Cancel));
        QVERIFY(!f->window->close());
        QVERIFY(f->window->isVisible());
        QCOMPARE(ui::Dialogs::askedQuestions().size(), 2);

        // Save: the PUT lands, then the switch happens. Nothing blocks while the
        // PUT runs, so the switch is awaited: it must follow the save, not precede it.
        ui::Dialogs::enqueueAnswer(int(QMessageBox::Save));
        QSignalSpy saved(f->page, &ui::OrganizationsPage::profileSaveFinished);
        QSignalSpy switched(&f->session, &models::Session::organizationChanged);
        QVERIFY(f->clickOrganization(emea));
        QCOMPARE(f->session.organizationId(), holdings);
        QTRY_COMPARE_WITH_TIMEOUT(f->session.organizationId(), emea, 10000);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().first().toBool(), true);
        QCOMPARE(switched.size(), 1);
        QCOMPARE(serverProfile(holdings)->businessPhone, QStringLiteral("+1 512 555 0100"));

        // Discard: the edit is dropped, the switch happens, nothing is sent.
        QVERIFY(openProfileOf(emea));
        retype(phone, QStringLiteral("+44 20 7946 0000"));
        ui::Dialogs::enqueueAnswer(int(QMessageBox::Discard));
        QVERIFY(f->clickOrganization(holdings));
        QTRY_COMPARE(f->session.organizationId(), holdings);
        QVERIFY(serverProfile(emea)->businessPhone != QStringLiteral("+44 20 7946 0000"));
    }

    void organizationWithoutProfileStartsEmpty()
    {
        // Seeded without a profile: the API answers 404 and Save creates one.
        const QString media = f->idOf(QStringLiteral(" EMEA Media"));
        QVERIFY(openProfileOf(media));
        QVERIFY(name->text().isEmpty());
        QVERIFY(name->isEnabled());
        QVERIFY(status->text().contains(QStringLiteral("no business profile")));
        retype(name, QStringLiteral("Media LLC"));
        retype(email, QStringLiteral("media@orgscope.example"));
        QSignalSpy saved(f->page, &ui::OrganizationsPage::profileSaveFinished);
        email->setFocus();
        QTest::keyClick(email, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(saved.wait(10000));
        QVERIFY(saved.first().first().toBool());
        QCOMPARE(serverProfile(media)->businessName, QStringLiteral("Media LLC"));
    }

    // The toolbar picker asks through the page too: Cancel puts the picker back,
    // Save switches only once the PUT landed.
    void pickerAsksAndSwitchesAfterTheSave()
    {
        const QString media = f->session.organizationId();
        const QString apac = f->idOf(QStringLiteral(" APAC"));
        QVERIFY(openProfileOf(media));
        retype(phone, QStringLiteral("+1 512 555 0177"));
        auto pick = [&](const QString &id) {
            f->picker->view()->setCurrentIndex(f->model()->indexOf(id));
            Q_EMIT f->picker->activated(0);
        };

        ui::Dialogs::enqueueAnswer(int(QMessageBox::Cancel));
        pick(apac);
        QCOMPARE(ui::Dialogs::askedQuestions().size(), 1);
        QTRY_VERIFY(!ui::Dialogs::hasQueuedAnswers());
        QTest::qWait(50);
        QCOMPARE(f->session.organizationId(), media);
        QCOMPARE(f->picker->currentText(), f->nameOf(media));
        QCOMPARE(phone->text(), QStringLiteral("+1 512 555 0177"));

        ui::Dialogs::enqueueAnswer(int(QMessageBox::Save));
        QSignalSpy saved(f->page, &ui::OrganizationsPage::profileSaveFinished);
        pick(apac);
        QCOMPARE(f->session.organizationId(), media); // not before the save
        QTRY_COMPARE_WITH_TIMEOUT(f->session.organizationId(), apac, 10000);
        QCOMPARE(saved.size(), 1);
        QVERIFY(saved.first().first().toBool());
        QCOMPARE(f->picker->currentText(), f->nameOf(apac));
        QCOMPARE(serverProfile(media)->businessPhone, QStringLiteral("+1 512 555 0177"));
    }
};

QTEST_MAIN(TestOrganizationsProfile)
#include "tst_organizationsprofile.moc"
