#include "ui/organizations/organizationtreestatus.h"

#include "models/organizations/organizationfilterproxymodel.h"
#include "models/organizations/organizationscontroller.h"
#include "models/organizations/organizationtreemodel.h"
#include "ui/organizations/organizationspage.h"

namespace ui {

using Controller = models::OrganizationsController;

QString treeStatusText(const Controller &c)
{
    const int n = c.tree()->organizationCount();
    switch (c.treeState()) {
    case Controller::TreeState::NotConnected:
        return OrganizationsPage::tr("Not connected.");
    case Controller::TreeState::Loading:
        return c.treeItemsLoaded() > 0
                   ? OrganizationsPage::tr("Loading organizations… %1").arg(c.treeItemsLoaded())
                   : OrganizationsPage::tr("Loading organizations…");
    case Controller::TreeState::Failed:
        return n ? OrganizationsPage::tr("Showing the last loaded organizations.")
                 : OrganizationsPage::tr("No organizations loaded.");
    case Controller::TreeState::Loaded: {
        const auto *shown = c.shownTree();
        if (n == 0)
            return OrganizationsPage::tr("These credentials can see no organization.");
        if (shown->rowCount() == 0 && !shown->nameFilter().isEmpty())
            return OrganizationsPage::tr(
                       "No organization name or ID contains “%1” (%n organization(s) loaded).", nullptr, n)
                .arg(shown->nameFilter());
        if (c.isShowingFindResult())
            return OrganizationsPage::tr("%n organization(s); showing those that contain the ID.", nullptr,
                                         n);
        return OrganizationsPage::tr("%n organization(s)", nullptr, n);
    }
    }
    return {};
}

} // namespace ui
