#pragma once
// The right side of the Organizations page: the chosen organization's name,
// and its Details, Accounts and Profile tabs, bound to the controller. The
// Accounts and Profile tabs ask the controller to load only once shown.

#include <QWidget>

class QLabel;
class QTabWidget;

namespace models {
class AppSettings;
class OrganizationsController;
} // namespace models

namespace ui {

class AccountsPanel;
class OrganizationDetailsView;
class ProfileForm;

class OrganizationTabs : public QWidget
{
    Q_OBJECT
public:
    enum Tab { DetailsTab, AccountsTab, ProfileTab };

    OrganizationTabs(models::OrganizationsController *controller, models::AppSettings *settings,
                     QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    void showTab(Tab tab);
    // The organization, the tree or the connection changed.
    void updateDetails();

    void saveViewState(models::AppSettings &settings);
    void restoreViewState(models::AppSettings &settings);

Q_SIGNALS:
    // One line for the page's status area ("Copied account ID …").
    void statusMessage(const QString &text);

private:
    void onCurrentChanged();
    void onTabChanged();
    void updateAccountsStatus();
    void updateProfileForm();
    void onProfileSaveFinished(bool ok);
    void exportAccounts();

    models::OrganizationsController *m_controller;
    models::AppSettings *m_settings;
    QLabel *m_heading;
    QTabWidget *m_tabs;
    OrganizationDetailsView *m_details;
    AccountsPanel *m_accounts;
    ProfileForm *m_profile;
};

} // namespace ui
