#include "ui/organizations/organizationtabs.h"

#include "models/organizations/accounttablemodel.h"
#include "models/organizations/organizationscontroller.h"
#include "models/organizations/organizationtreemodel.h"
#include "models/settings/appsettings.h"
#include "models/settings/timezonesetting.h"
#include "ui/common/dialogs.h"
#include "ui/organizations/accountspanel.h"
#include "ui/organizations/organizationdetailsview.h"
#include "ui/organizations/profileform.h"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {
using Controller = models::OrganizationsController;
using ProfileState = Controller::ProfileState;
} // namespace

OrganizationTabs::OrganizationTabs(Controller *controller, models::AppSettings *settings, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_settings(settings), m_heading(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_details(new OrganizationDetailsView(this)),
      m_accounts(new AccountsPanel(controller->accounts(), this)), m_profile(new ProfileForm(this))
{
    m_heading->setObjectName(QStringLiteral("organizationHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(QStringLiteral("organizationTabs"));
    auto *detailsScroll = new QScrollArea(m_tabs);
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    auto *profileScroll = new QScrollArea(m_tabs);
    profileScroll->setWidget(m_profile);
    profileScroll->setWidgetResizable(true);
    profileScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(detailsScroll, tr("&Details"));
    m_tabs->addTab(m_accounts, tr("A&ccounts"));
    m_tabs->addTab(profileScroll, tr("&Profile"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_tabs, 1);

    connect(m_tabs, &QTabWidget::currentChanged, this, &OrganizationTabs::onTabChanged);
    connect(models::TimeZoneSetting::instance(), &models::TimeZoneSetting::zoneChanged, this,
            &OrganizationTabs::updateDetails);
    connect(m_accounts, &AccountsPanel::filterChanged, this,
            [this] { m_controller->loadAccounts(m_accounts->filter(), true); });
    connect(m_accounts, &AccountsPanel::exportRequested, this, &OrganizationTabs::exportAccounts);
    connect(m_accounts, &AccountsPanel::idCopied, this,
            [this](const QString &id) { Q_EMIT statusMessage(tr("Copied account ID %1.").arg(id)); });
    connect(m_details, &OrganizationDetailsView::idCopied, this,
            [this](const QString &id) { Q_EMIT statusMessage(tr("Copied organization ID %1.").arg(id)); });
    connect(m_profile, &ProfileForm::edited, m_controller, &Controller::setProfileDraft);
    connect(m_profile, &ProfileForm::saveRequested, this, [this](const api::Profile &profile) {
        m_controller->setProfileDraft(profile);
        if (!m_controller->saveProfile() && m_controller->profileState() != ProfileState::Saving)
            m_profile->saveFailed(tr("Not connected."));
    });
    connect(m_profile, &ProfileForm::modifiedChanged, this, [this](bool modified) {
        m_tabs->setTabText(ProfileTab, modified ? tr("&Profile •") : tr("&Profile"));
    });

    connect(controller, &Controller::currentChanged, this, &OrganizationTabs::onCurrentChanged);
    connect(controller, &Controller::treeStateChanged, this, &OrganizationTabs::updateDetails);
    connect(controller, &Controller::accountsStateChanged, this, &OrganizationTabs::updateAccountsStatus);
    connect(controller, &Controller::profileChanged, this, &OrganizationTabs::updateProfileForm);
    connect(controller, &Controller::profileLoaded, this, [this](bool ok) {
        if (ok)
            m_profile->load(m_controller->profile(), m_controller->profileExists());
    });
    connect(controller, &Controller::profileSaveFinished, this, &OrganizationTabs::onProfileSaveFinished);

    m_details->clear(tr("Connect to see your organizations."));
    updateDetails();
}

void OrganizationTabs::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void OrganizationTabs::onCurrentChanged()
{
    updateDetails();
    updateProfileForm();
    onTabChanged();
}

void OrganizationTabs::updateDetails()
{
    const api::Organization *org = m_controller->currentOrganization();
    const auto *tree = m_controller->tree();
    if (!org) {
        m_heading->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span>")
                               .arg(tr("No organization selected")));
        switch (m_controller->treeState()) {
        case Controller::TreeState::NotConnected:
            m_details->clear(tr("Connect to see your organizations."));
            break;
        case Controller::TreeState::Failed:
            if (tree->organizationCount() == 0)
                m_details->clear(tr("The organizations could not be loaded."));
            break;
        case Controller::TreeState::Loaded:
            m_details->clear(tree->organizationCount() == 0
                                 ? tr("These credentials can see no organization. Create one with New Root "
                                      "Organization (Ctrl+Shift+N).")
                                 : QString());
            break;
        case Controller::TreeState::Loading:
            if (m_controller->hasLoadedTree())
                m_details->clear();
            break;
        }
        m_accounts->setEnabledForOrganization(false);
        m_accounts->setStatus(tr("Choose an organization to see its accounts."));
        return;
    }
    m_heading->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span>"
                                      "&nbsp;&nbsp;<span style='color:gray'>%2</span>")
                           .arg(org->name.toHtmlEscaped(), org->id));
    const bool parentVisible = org->parentId.isEmpty() || tree->contains(org->parentId);
    m_details->setOrganization(*org, tree->path(org->id), parentVisible, int(tree->children(org->id).size()),
                               models::TimeZoneSetting::instance()->zone());
    m_accounts->setEnabledForOrganization(true);
}

void OrganizationTabs::onTabChanged()
{
    if (m_controller->currentId().isEmpty())
        return;
    if (m_tabs->currentIndex() == AccountsTab)
        m_controller->loadAccounts(m_accounts->filter());
    else if (m_tabs->currentIndex() == ProfileTab)
        m_controller->ensureProfileLoaded();
}

void OrganizationTabs::updateAccountsStatus()
{
    const int n = m_controller->accounts()->rowCount();
    switch (m_controller->accountsState()) {
    case Controller::AccountsState::None:
        m_accounts->setLoading(false);
        if (m_controller->currentId().isEmpty())
            m_accounts->setStatus(tr("Choose an organization to see its accounts."));
        break;
    case Controller::AccountsState::Loading: {
        m_accounts->setLoading(true);
        const auto total = m_controller->accountsTotal();
        if (total)
            m_accounts->setStatus(tr("Loading accounts… %1 of %2").arg(n).arg(*total));
        else
            m_accounts->setStatus(n == 0 ? tr("Loading accounts…") : tr("Loading accounts… %1").arg(n));
        break;
    }
    case Controller::AccountsState::Failed:
        m_accounts->setLoading(false);
        m_accounts->setStatus(tr("The accounts could not be loaded."));
        break;
    case Controller::AccountsState::Loaded:
        m_accounts->setLoading(false);
        m_accounts->setStatus(m_controller->accountsFiltered()
                                  ? tr("%n account(s) match the filter.", nullptr, n)
                                  : tr("%n account(s) in this organization.", nullptr, n));
        break;
    }
}

void OrganizationTabs::exportAccounts()
{
    const int count = m_controller->accounts()->rowCount();
    if (count == 0)
        return;
    QString suggested = m_controller->organizationName(m_controller->currentId()).toLower();
    suggested.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QString path =
        Dialogs::saveFileName(this, tr("Export Accounts"), suggested + QStringLiteral("-accounts.csv"),
                              tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty() || !m_controller->exportAccounts(path))
        return;
    m_accounts->setStatus(tr("Exported %n account(s) to %1.", nullptr, count).arg(path));
}

void OrganizationTabs::updateProfileForm()
{
    switch (m_controller->profileState()) {
    case ProfileState::Unavailable:
        m_profile->setUnavailable(tr("Choose an organization to see its business profile."));
        break;
    case ProfileState::Loading:
        m_profile->setUnavailable(tr("Loading the business profile…"));
        break;
    case ProfileState::Failed:
        m_profile->setUnavailable(tr("The business profile could not be loaded."));
        break;
    case ProfileState::Clean:
        // Discarded by an answer: the form puts back what the API holds.
        if (m_profile->isAvailable() && !m_profile->isSaving() &&
            m_profile->profile() != m_controller->profile())
            m_profile->discard();
        break;
    case ProfileState::Dirty:
        break;
    case ProfileState::Saving:
        // A save the controller started (an answer, a retry): the form shows it.
        if (!m_profile->isSaving())
            m_profile->save();
        break;
    }
}

void OrganizationTabs::onProfileSaveFinished(bool ok)
{
    if (ok) {
        m_profile->saveSucceeded();
        return;
    }
    if (m_profile->isSaving())
        m_profile->saveFailed(m_controller->profileSaveError());
    showTab(ProfileTab);
    if (!m_profile->isValid())
        m_profile->save(); // marks what to correct
}

void OrganizationTabs::saveViewState(models::AppSettings &settings)
{
    settings.setHeaderState(QStringLiteral("organizations/accounts"),
                            m_accounts->view()->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("organizations/tab"), m_tabs->currentIndex());
}

void OrganizationTabs::restoreViewState(models::AppSettings &settings)
{
    const QByteArray accounts = settings.headerState(QStringLiteral("organizations/accounts"));
    if (!accounts.isEmpty() && m_accounts->view()->horizontalHeader()->restoreState(accounts))
        m_accounts->keepColumnWidths();
    const int tab = settings.value(QStringLiteral("organizations/tab"), int(DetailsTab)).toInt();
    m_tabs->setCurrentIndex(qBound(0, tab, m_tabs->count() - 1));
}

} // namespace ui
