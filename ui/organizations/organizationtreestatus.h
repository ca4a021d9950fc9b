#pragma once
// The line under the organization tree: what the tree shows and why (loading,
// nothing visible to these credentials, no match for the search, a find
// result), from the controller's state alone. Texts stay in the
// OrganizationsPage translation context.

#include <QString>

namespace models {
class OrganizationsController;
}

namespace ui {

QString treeStatusText(const models::OrganizationsController &controller);

} // namespace ui
