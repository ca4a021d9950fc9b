<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>api::ApiError</name>
    <message numerus="yes">
        <source>; retry in %n second(s)</source>
        <translation>
            <numerusform>; retry in %n second</numerusform>
            <numerusform>; retry in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::CredentialVerifier</name>
    <message numerus="yes">
        <source>Token is active but expires in %n hour(s) (%1). Create a new token soon.</source>
        <translation>
            <numerusform>Token is active but expires in %n hour (%1). Create a new token soon.</numerusform>
            <numerusform>Token is active but expires in %n hours (%1). Create a new token soon.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Token is active but expires in %n day(s) (%1). Create a new token soon.</source>
        <translation>
            <numerusform>Token is active but expires in %n day (%1). Create a new token soon.</numerusform>
            <numerusform>Token is active but expires in %n days (%1). Create a new token soon.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::MemberBatchModel</name>
    <message numerus="yes">
        <source>%n invited</source>
        <translation>
            <numerusform>%n invited</numerusform>
            <numerusform>%n invited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already a member</source>
        <translation>
            <numerusform>%n already a member</numerusform>
            <numerusform>%n already a member</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n not sent</numerusform>
            <numerusform>%n not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n canceled</source>
        <translation>
            <numerusform>%n canceled</numerusform>
            <numerusform>%n canceled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::MembersController</name>
    <message numerus="yes">
        <source>Loading stopped after %n member(s).</source>
        <translation>
            <numerusform>Loading stopped after %n member.</numerusform>
            <numerusform>Loading stopped after %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n member(s): %1</source>
        <translation>
            <numerusform>Removed %n member: %1</numerusform>
            <numerusform>Removed %n members: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n invitation(s): %1</source>
        <translation>
            <numerusform>Revoked %n invitation: %1</numerusform>
            <numerusform>Revoked %n invitations: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation>
            <numerusform>Exported %n member to %1.</numerusform>
            <numerusform>Exported %n members to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::OrganizationTreeModel</name>
    <message numerus="yes">
        <source>%n visible sub-organization(s)</source>
        <translation>
            <numerusform>%n visible sub-organization</numerusform>
            <numerusform>%n visible sub-organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::OrganizationsController</name>
    <message numerus="yes">
        <source>%n sub-organization(s) (%1)</source>
        <translation>
            <numerusform>%n sub-organization (%1)</numerusform>
            <numerusform>%n sub-organizations (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) (%1)</source>
        <translation>
            <numerusform>%n account (%1)</numerusform>
            <numerusform>%n accounts (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n organization(s).</source>
        <translation>
            <numerusform>Found %n organization.</numerusform>
            <numerusform>Found %n organizations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::ProfileValidator</name>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>At most %n characters.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::UsagePivotModel</name>
    <message numerus="yes">
        <source>%n more group(s)</source>
        <translation>
            <numerusform>%n more group</numerusform>
            <numerusform>%n more groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Includes %n correction row(s)</source>
        <translation>
            <numerusform>Includes %n correction row</numerusform>
            <numerusform>Includes %n correction rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CostOutlookBar</name>
    <message numerus="yes">
        <source>%n metric(s) unpriced, shown as “—”, never as 0.</source>
        <translation>
            <numerusform>%n metric unpriced, shown as “—”, never as 0.</numerusform>
            <numerusform>%n metrics unpriced, shown as “—”, never as 0.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::InviteDialog</name>
    <message numerus="yes">
        <source>%n address(es) could not be checked against the server; the server will refuse any that are already members.</source>
        <translation>
            <numerusform>%n address could not be checked against the server; the server will refuse any that are already members.</numerusform>
            <numerusform>%n addresses could not be checked against the server; the server will refuse any that are already members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %n invitation(s)</source>
        <translation>
            <numerusform>&amp;Send %n invitation</numerusform>
            <numerusform>&amp;Send %n invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n address</numerusform>
            <numerusform>%n addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n ready</numerusform>
            <numerusform>%n ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid</source>
        <translation>
            <numerusform>%n invalid</numerusform>
            <numerusform>%n invalid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n duplicate</numerusform>
            <numerusform>%n duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already member(s)</source>
        <translation>
            <numerusform>%n already a member</numerusform>
            <numerusform>%n already members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in flight</source>
        <translation>
            <numerusform>%n request in flight</numerusform>
            <numerusform>%n requests in flight</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MemberDetailsPanel</name>
    <message numerus="yes">
        <source>%n members selected.</source>
        <translation>
            <numerusform>%n member selected.</numerusform>
            <numerusform>%n members selected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MembersPage</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n invitation(s) to %1? The invitation e-mail can no longer be accepted.</source>
        <translation>
            <numerusform>Revoke %n invitation to %1? The invitation e-mail can no longer be accepted.</numerusform>
            <numerusform>Revoke %n invitations to %1? The invitation e-mail can no longer be accepted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n invitation(s)</source>
        <translation>
            <numerusform>Revoke %n invitation</numerusform>
            <numerusform>Revoke %n invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s) from %1? They lose access to the organization.</source>
        <translation>
            <numerusform>Remove %n member from %1? They lose access to the organization.</numerusform>
            <numerusform>Remove %n members from %1? They lose access to the organization.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s)</source>
        <translation>
            <numerusform>Remove %n member</numerusform>
            <numerusform>Remove %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s) from %1?</source>
        <translation>
            <numerusform>Remove %n member from %1?</numerusform>
            <numerusform>Remove %n members from %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending invitation(s) in the selection will be revoked as well.</source>
        <translation>
            <numerusform>%n pending invitation in the selection will be revoked as well.</numerusform>
            <numerusform>%n pending invitations in the selection will be revoked as well.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n loaded member(s) shown</source>
        <translation>
            <numerusform>%1 of %n loaded member shown</numerusform>
            <numerusform>%1 of %n loaded members shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::OrganizationDetailsView</name>
    <message numerus="yes">
        <source>%n visible</source>
        <translation>
            <numerusform>%n visible</numerusform>
            <numerusform>%n visible</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::OrganizationTabs</name>
    <message numerus="yes">
        <source>%n account(s) match the filter.</source>
        <translation>
            <numerusform>%n account match the filter.</numerusform>
            <numerusform>%n accounts match the filter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) in this organization.</source>
        <translation>
            <numerusform>%n account in this organization.</numerusform>
            <numerusform>%n accounts in this organization.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n account(s) to %1.</source>
        <translation>
            <numerusform>Exported %n account to %1.</numerusform>
            <numerusform>Exported %n accounts to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::OrganizationsPage</name>
    <message numerus="yes">
        <source>No organization name or ID contains “%1” (%n organization(s) loaded).</source>
        <translation>
            <numerusform>No organization name or ID contains “%1” (%n organization loaded).</numerusform>
            <numerusform>No organization name or ID contains “%1” (%n organizations loaded).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s); showing those that contain the ID.</source>
        <translation>
            <numerusform>%n organization; showing those that contain the ID.</numerusform>
            <numerusform>%n organizations; showing those that contain the ID.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::PricingDialog</name>
    <message numerus="yes">
        <source>%1 (%2, %n row(s)): %3</source>
        <translation>
            <numerusform>%1 (%2, %n row): %3</numerusform>
            <numerusform>%1 (%2, %n rows): %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::UsagePage</name>
    <message numerus="yes">
        <source>, %n correction(s)</source>
        <translation>
            <numerusform>, %n correction</numerusform>
            <numerusform>, %n corrections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;Other&quot; folds %n group(s); raise Top to see them.</source>
        <translation>
            <numerusform>&quot;Other&quot; folds %n group; raise Top to see them.</numerusform>
            <numerusform>&quot;Other&quot; folds %n groups; raise Top to see them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::UsageChart</name>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n period(s), %1 to %2</source>
        <translation>
            <numerusform>over %n period, %1 to %2</numerusform>
            <numerusform>over %n periods, %1 to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::AuditOrgSplitBar</name>
    <message numerus="yes">
        <source>Stack the timeline&apos;s bars by organization: the %n organization(s) with the most entries shown, the rest as Other</source>
        <translation>
            <numerusform>Stack the timeline&apos;s bars by organization: the %n organization with the most entries shown, the rest as Other</numerusform>
            <numerusform>Stack the timeline&apos;s bars by organization: the %n organizations with the most entries shown, the rest as Other</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other organization(s): %1 entries</source>
        <translation>
            <numerusform>%n other organization: %1 entries</numerusform>
            <numerusform>%n other organizations: %1 entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::AuditRollupPanel</name>
    <message numerus="yes">
        <source>%1 of %n organization(s)</source>
        <translation>
            <numerusform>%1 of %n organization</numerusform>
            <numerusform>%1 of %n organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::AuditTimeline</name>
    <message numerus="yes">
        <source>Other (%n organization(s)): %1</source>
        <translation>
            <numerusform>Other (%n organization): %1</numerusform>
            <numerusform>Other (%n organizations): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Range of %n bucket(s), ending at %1</source>
        <translation>
            <numerusform>Range of %n bucket, ending at %1</numerusform>
            <numerusform>Range of %n buckets, ending at %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::AuditStatusLine</name>
    <message numerus="yes">
        <source>%Ln entries · %1 · %2 s · %3 entries/s</source>
        <translation>
            <numerusform>%Ln entry · %1 · %2 s · %3 entries/s</numerusform>
            <numerusform>%Ln entries · %1 · %2 s · %3 entries/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed: %Ln new entries (%1)</source>
        <translation>
            <numerusform>Refreshed: %Ln new entry (%1)</numerusform>
            <numerusform>Refreshed: %Ln new entries (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln entries to %1</source>
        <translation>
            <numerusform>Exported %Ln entry to %1</numerusform>
            <numerusform>Exported %Ln entries to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::AuditLogPage</name>
    <message numerus="yes">
        <source>%1 of %Ln entries</source>
        <translation>
            <numerusform>%1 of %Ln entry</numerusform>
            <numerusform>%1 of %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::WatchController</name>
    <message numerus="yes">
        <source>%n new watch matches (audit entries, budget warnings or anomalies)</source>
        <translation>
            <numerusform>%n new watch match (an audit entry, a budget warning or an anomaly)</numerusform>
            <numerusform>%n new watch matches (audit entries, budget warnings or anomalies)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::WatchPage</name>
    <message numerus="yes">
        <source>Watching (%n rule(s)); checks share the request budget with the other pages.</source>
        <translation>
            <numerusform>Watching (%n rule); checks share the request budget with the other pages.</numerusform>
            <numerusform>Watching (%n rules); checks share the request budget with the other pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread match(es).</source>
        <translation>
            <numerusform>%n unread match.</numerusform>
            <numerusform>%n unread matches.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::SavedViewsController</name>
    <message numerus="yes">
        <source>%n view(s) imported</source>
        <translation>
            <numerusform>%n view imported</numerusform>
            <numerusform>%n views imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n view(s) replaced (the same view imported before)</source>
        <translation>
            <numerusform>%n view replaced (the same view imported before)</numerusform>
            <numerusform>%n views replaced (the same view imported before)</numerusform>
        </translation>
    </message>
</context>
</TS>
