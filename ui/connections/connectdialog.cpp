#include "ui/connections/connectdialog.h"

#include "models/connections/connectionprofilestore.h"
#include "models/connections/secretstore.h"
#include "ui/common/dialogs.h"
#include "ui/common/icons.h"
#include "ui/common/messagebanner.h"
#include "ui/connections/formrows.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ui {

using namespace formrows;

using Field = models::ConnectionProfile::Field;
using Origin = models::ConnectionProfile::Origin;
using Scheme = models::ConnectionProfile::AuthScheme;

ConnectDialog::ConnectDialog(models::ConnectionProfileStore *store, models::SecretStore *secrets,
                             QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect"));
    buildUi();
    connect(m_store, &QAbstractItemModel::rowsInserted, this, &ConnectDialog::updateButtons);
    connect(m_store, &QAbstractItemModel::rowsRemoved, this, &ConnectDialog::updateButtons);
    connect(m_secrets, &models::SecretStore::keychainUnavailable, this, &ConnectDialog::updateKeychainNotice);
    connect(m_secrets, &models::SecretStore::waitingChanged, this, &ConnectDialog::updateKeychainNotice);
    updateKeychainNotice();
    if (m_store->rowCount() > 0) {
        const QString last = m_store->lastUsedId();
        selectProfile(m_store->rowOf(last) >= 0
                          ? last
                          : m_store->index(0).data(models::ConnectionProfileStore::IdRole).toString());
    } else {
        startNewProfile();
    }
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::buildUi()
{
    auto *outer = new QVBoxLayout(this);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("connectBanner"));
    outer->addWidget(m_banner);
    m_banner->hide();

    auto *columns = new QHBoxLayout;
    outer->addLayout(columns, 1);

    // Left: the profiles.
    auto *left = new QVBoxLayout;
    auto *listTitle = new QLabel(tr("Connection&s"), this);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setModel(m_store);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMinimumWidth(220);
    listTitle->setBuddy(m_list);
    left->addWidget(listTitle);
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_add = new QPushButton(icon(QStringLiteral("list-add")), tr("&Add"), this);
    m_add->setObjectName(QStringLiteral("addProfile"));
    m_duplicate = new QPushButton(icon(QStringLiteral("edit-copy")), tr("D&uplicate"), this);
    m_duplicate->setObjectName(QStringLiteral("duplicateProfile"));
    m_remove = new QPushButton(icon(QStringLiteral("list-remove")), tr("&Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    for (QPushButton *b : {m_add, m_duplicate, m_remove}) {
        b->setAutoDefault(false);
        listButtons->addWidget(b);
    }
    left->addLayout(listButtons);
    columns->addLayout(left);

    // Right: the selected profile.
    auto *group = new QGroupBox(tr("Connection"), this);
    auto *groupLayout = new QVBoxLayout(group);
    auto *form = new QFormLayout;
    groupLayout->addLayout(form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    m_name = new QLineEdit(group);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. Production"));
    m_errors.insert(Field::Name, errorLabel(QStringLiteral("nameError"), group));
    addRow(form, tr("&Name:"), m_name, m_errors.value(Field::Name), group);

    m_baseUrl = new QLineEdit(group);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.cloudflare.com/client/v4"));
    m_errors.insert(Field::BaseUrl, errorLabel(QStringLiteral("baseUrlError"), group));
    addRow(form, tr("&Base URL:"), m_baseUrl, m_errors.value(Field::BaseUrl), group);

    auto *schemeBox = new QWidget(group);
    auto *schemeLayout = new QHBoxLayout(schemeBox);
    schemeLayout->setContentsMargins(0, 0, 0, 0);
    m_schemeToken = new QRadioButton(tr("API &token"), schemeBox);
    m_schemeToken->setObjectName(QStringLiteral("schemeToken"));
    m_schemeKey = new QRadioButton(tr("&Email + global API key"), schemeBox);
    m_schemeKey->setObjectName(QStringLiteral("schemeGlobalKey"));
    m_schemes = new QButtonGroup(this);
    m_schemes->addButton(m_schemeToken);
    m_schemes->addButton(m_schemeKey);
    m_schemeToken->setChecked(true);
    schemeLayout->addWidget(m_schemeToken);
    schemeLayout->addWidget(m_schemeKey);
    schemeLayout->addStretch(1);
    form->addRow(tr("Authentication:"), schemeBox);

    m_token = new QLineEdit(group);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_errors.insert(Field::Secret, errorLabel(QStringLiteral("secretError"), group));
    m_tokenRow = withError(m_token, m_errors.value(Field::Secret), group);
    m_tokenLabel = new QLabel(tr("API t&oken:"), group);
    m_tokenLabel->setBuddy(m_token);
    form->addRow(m_tokenLabel, m_tokenRow);

    m_email = new QLineEdit(group);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setPlaceholderText(tr("the e-mail address of your Cloudflare login"));
    m_errors.insert(Field::Email, errorLabel(QStringLiteral("emailError"), group));
    m_emailRow = withError(m_email, m_errors.value(Field::Email), group);
    m_emailLabel = new QLabel(tr("E&mail:"), group);
    m_emailLabel->setBuddy(m_email);
    form->addRow(m_emailLabel, m_emailRow);

    m_key = new QLineEdit(group);
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    // Secret errors show under whichever secret field is visible.
    auto *keyError = errorLabel(QStringLiteral("keyError"), group);
    m_keyRow = withError(m_key, keyError, group);
    m_keyLabel = new QLabel(tr("Global API &key:"), group);
    m_keyLabel->setBuddy(m_key);
    form->addRow(m_keyLabel, m_keyRow);

    m_accountId = new QLineEdit(group);
    m_accountId->setObjectName(QStringLiteral("accountIdEdit"));
    m_accountId->setPlaceholderText(tr("optional"));
    m_accountId->setToolTip(tr("For account-owned tokens: verified with /accounts/{id}/tokens/verify."));
    m_errors.insert(Field::AccountId, errorLabel(QStringLiteral("accountIdError"), group));
    addRow(form, tr("Account &ID:"), m_accountId, m_errors.value(Field::AccountId), group);

    m_defaultOrg = new QLineEdit(group);
    m_defaultOrg->setObjectName(QStringLiteral("defaultOrganizationEdit"));
    m_defaultOrg->setPlaceholderText(tr("optional"));
    m_defaultOrg->setToolTip(tr("Organization selected after connecting."));
    m_errors.insert(Field::DefaultOrganization,
                    errorLabel(QStringLiteral("defaultOrganizationError"), group));
    addRow(form, tr("Default or&ganization:"), m_defaultOrg, m_errors.value(Field::DefaultOrganization),
           group);

    m_keychainNotice = hintLabel(QString(), group);
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    // A keyring prompt may wait for its password for a long time: say so, and let the user stop.
    m_stopWaiting = new QPushButton(tr("Stop &waiting"), group);
    m_stopWaiting->setObjectName(QStringLiteral("stopWaitingForKeyring"));
    m_stopWaiting->setToolTip(tr("Give up on the keyring for now: a token being saved is kept for this "
                                 "session only; the next use of the keyring asks it again."));
    m_stopWaiting->setAutoDefault(false);
    m_stopWaiting->hide();
    connect(m_stopWaiting, &QPushButton::clicked, m_secrets, &models::SecretStore::cancelWaiting);
    auto *noticeRow = new QHBoxLayout;
    noticeRow->addWidget(m_keychainNotice, 1);
    noticeRow->addWidget(m_stopWaiting, 0, Qt::AlignTop);
    form->addRow(noticeRow);

    groupLayout->addStretch(1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    groupLayout->addLayout(saveRow);
    columns->addWidget(group, 1);

    // Save belongs to the form, Connect and Close to the dialog: keep them apart.
    auto *buttons = new QHBoxLayout;
    m_save = new QPushButton(icon(QStringLiteral("document-save")), tr("Sa&ve"), group);
    m_save->setObjectName(QStringLiteral("saveProfile"));
    m_save->setAutoDefault(false);
    m_connect = new QPushButton(icon(QStringLiteral("network-connect")), tr("&Connect"), this);
    m_connect->setObjectName(QStringLiteral("connectProfile"));
    m_connect->setDefault(true);
    m_close = new QPushButton(icon(QStringLiteral("window-close")), tr("Close"), this);
    m_close->setObjectName(QStringLiteral("closeDialog"));
    m_close->setAutoDefault(false);
    saveRow->addWidget(m_save);
    buttons->addStretch(1);
    buttons->addWidget(m_connect);
    buttons->addWidget(m_close);
    outer->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::connectCurrent);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &ConnectDialog::startNewProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ConnectDialog::duplicateCurrent);
    connect(m_remove, &QPushButton::clicked, this, &ConnectDialog::removeCurrent);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConnectDialog::onSelectionChanged);
    connect(m_schemes, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (!on)
            return;
        updateSchemeFields();
        markModified();
    });
    for (QLineEdit *edit : {m_name, m_baseUrl, m_token, m_email, m_key, m_accountId, m_defaultOrg})
        connect(edit, &QLineEdit::textEdited, this, &ConnectDialog::markModified);
    // Keep the key's error line in step with the token's (one Secret field).
    connect(m_token, &QLineEdit::textEdited, keyError, &QLabel::hide);
    m_keyRow->setProperty("errorLabel", QVariant::fromValue<QObject *>(keyError));

    resize(800, 440);
}

void ConnectDialog::updateKeychainNotice()
{
    m_stopWaiting->setVisible(m_secrets->isWaiting());
    if (m_secrets->isWaiting()) {
        m_keychainNotice->setText(tr("Waiting for the keyring: unlock it (a password prompt may be open) "
                                     "or stop waiting."));
    } else if (m_secrets->keychainAvailable()) {
        m_keychainNotice->setText(
            tr("Tokens and keys are stored in the system keychain, never in settings files."));
    } else {
        m_keychainNotice->setText(
            tr("No keychain is available (%1): tokens and keys are kept for this session only "
               "and must be entered again next time.")
                .arg(m_secrets->unavailableReason()));
    }
}

void ConnectDialog::selectRowOf(const QString &id)
{
    const int row = m_store->rowOf(id);
    if (row < 0)
        return;
    m_list->setCurrentIndex(m_store->index(row));
}

void ConnectDialog::selectProfile(const QString &id)
{
    const std::optional<models::ConnectionProfile> p = m_store->profile(id);
    if (!p)
        return;
    m_draft = false;
    selectRowOf(id);
    loadProfile(*p);
}

void ConnectDialog::onSelectionChanged()
{
    if (m_loading)
        return;
    const QString id = m_list->currentIndex().data(models::ConnectionProfileStore::IdRole).toString();
    if (id.isEmpty() || (id == m_currentId && !m_draft))
        return;
    if (m_modified) {
        const auto answer =
            Dialogs::askUnsaved(this, tr("Save the changes to the connection “%1”?").arg(m_name->text()));
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
            m_loading = true;
            if (m_draft)
                m_list->clearSelection();
            else
                selectRowOf(m_currentId);
            m_loading = false;
            return;
        }
    }
    m_draft = false;
    if (const auto p = m_store->profile(id))
        loadProfile(*p);
}

void ConnectDialog::loadProfile(const models::ConnectionProfile &p)
{
    m_loading = true;
    m_currentId = p.id;
    m_currentOrigin = p.origin;
    m_name->setText(p.name);
    m_baseUrl->setText(p.baseUrl.toDisplayString());
    (p.usesToken() ? m_schemeToken : m_schemeKey)->setChecked(true);
    m_email->setText(p.email);
    m_token->clear();
    m_key->clear();
    m_accountId->setText(p.accountId);
    m_defaultOrg->setText(p.defaultOrganizationId);
    const bool editable = p.isSaved();
    for (QLineEdit *edit : {m_name, m_baseUrl, m_token, m_email, m_key, m_accountId, m_defaultOrg})
        edit->setReadOnly(!editable);
    m_schemeToken->setEnabled(editable);
    m_schemeKey->setEnabled(editable);
    // Secrets never come back into the form: an empty field keeps the stored one.
    const QString keep =
        editable ? tr("stored — leave empty to keep")
                 : tr("from %1").arg(p.origin == Origin::Demo ? tr("the demo") : tr("the environment"));
    m_token->setPlaceholderText(keep);
    m_key->setPlaceholderText(keep);
    for (QLabel *l : std::as_const(m_errors))
        l->hide();
    m_modified = false;
    m_edited = false;
    m_loading = false;
    updateSchemeFields();
    updateButtons();
}

void ConnectDialog::startNewProfile()
{
    m_loading = true;
    m_list->clearSelection();
    m_list->setCurrentIndex({});
    m_loading = false;
    models::ConnectionProfile blank;
    blank.name = m_store->uniqueName(tr("New connection"));
    blank.baseUrl = QUrl(QStringLiteral("https://api.cloudflare.com/client/v4"));
    loadProfile(blank);
    m_draft = true;
    m_token->setPlaceholderText(tr("paste the API token"));
    m_key->setPlaceholderText(tr("paste the global API key"));
    m_modified = true;
    updateButtons();
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectDialog::updateSchemeFields()
{
    auto *form = m_tokenRow->parentWidget()->findChild<QFormLayout *>();
    const bool token = m_schemeToken->isChecked();
    if (form) {
        form->setRowVisible(m_tokenRow, token);
        form->setRowVisible(m_emailRow, !token);
        form->setRowVisible(m_keyRow, !token);
    }
    m_accountId->setEnabled(token);
}

void ConnectDialog::updateButtons()
{
    const bool saved = m_currentOrigin == Origin::Saved;
    const bool exists = !m_draft && !m_currentId.isEmpty();
    m_duplicate->setEnabled(!m_busy && exists);
    m_remove->setEnabled(!m_busy && exists && saved);
    m_save->setEnabled(!m_busy && saved && (m_draft || m_modified));
    m_connect->setEnabled(!m_busy && (exists || m_draft));
    m_add->setEnabled(!m_busy);
    m_list->setEnabled(!m_busy);
}

void ConnectDialog::markModified()
{
    if (m_loading)
        return;
    m_modified = true;
    m_edited = true;
    validate(false);
    updateButtons();
}

void ConnectDialog::reject()
{
    if (!m_edited || !m_modified || m_askingToClose) {
        if (!m_askingToClose)
            QDialog::reject();
        return;
    }
    m_askingToClose = true;
    const QString name = m_name->text().trimmed().isEmpty() ? tr("New connection") : m_name->text().trimmed();
    Dialogs::askUnsaved(this, tr("Save the changes to the connection “%1” before closing?").arg(name),
                        [this](QMessageBox::StandardButton answer) {
                            m_askingToClose = false;
                            if (answer == QMessageBox::Cancel)
                                return; // stay, edits intact
                            if (answer == QMessageBox::Save && !save())
                                return; // the problems are shown next to their fields
                            if (answer == QMessageBox::Discard) {
                                if (m_draft)
                                    startNewProfile();
                                else if (const auto p = m_store->profile(m_currentId))
                                    loadProfile(*p);
                                m_edited = false;
                            }
                            QDialog::reject();
                        });
}

models::ConnectionProfile ConnectDialog::formProfile() const
{
    models::ConnectionProfile p;
    p.id = m_draft ? QString() : m_currentId;
    p.origin = m_draft ? Origin::Saved : m_currentOrigin;
    p.name = m_name->text().trimmed();
    p.baseUrl = QUrl::fromUserInput(m_baseUrl->text().trimmed());
    if (m_baseUrl->text().trimmed().isEmpty())
        p.baseUrl = QUrl();
    // fromUserInput adds a trailing nothing but keeps what was typed; drop a final slash for stable joins.
    if (p.baseUrl.path().endsWith(QLatin1Char('/')) && p.baseUrl.path().size() > 1) {
        QString path = p.baseUrl.path();
        path.chop(1);
        p.baseUrl.setPath(path);
    }
    p.scheme = m_schemeKey->isChecked() ? Scheme::GlobalKey : Scheme::ApiToken;
    p.email = p.scheme == Scheme::GlobalKey ? m_email->text().trimmed() : QString();
    p.accountId = p.scheme == Scheme::ApiToken ? m_accountId->text().trimmed() : QString();
    p.defaultOrganizationId = m_defaultOrg->text().trimmed();
    return p;
}

bool ConnectDialog::validate(bool showErrors)
{
    const models::ConnectionProfile p = formProfile();
    QMap<Field, QString> errors = p.validate();
    if (!errors.contains(Field::Name) && m_store->nameTaken(p.name, m_draft ? QString() : m_currentId))
        errors.insert(Field::Name, tr("Another connection is already called “%1”.").arg(p.name));
    const QString typedSecret = p.usesToken() ? m_token->text() : m_key->text();
    const bool schemeChanged =
        !m_draft && m_store->profile(m_currentId) && m_store->profile(m_currentId)->scheme != p.scheme;
    if (p.isSaved() && typedSecret.trimmed().isEmpty() && (m_draft || schemeChanged))
        errors.insert(Field::Secret,
                      p.usesToken() ? tr("Paste the API token.") : tr("Paste the global API key."));
    else if (typedSecret.contains(QLatin1Char('\n')) || typedSecret.trimmed() != typedSecret)
        errors.insert(Field::Secret, tr("Remove the spaces or line breaks around the secret."));

    auto *keyError = qobject_cast<QLabel *>(m_keyRow->property("errorLabel").value<QObject *>());
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QString text = errors.value(it.key());
        // While typing, only clear errors; new ones appear on Save/Connect.
        if (text.isEmpty())
            it.value()->hide();
        else if (showErrors) {
            setErrorText(it.value(), text);
        }
    }
    if (keyError) {
        const QString text = errors.value(Field::Secret);
        if (text.isEmpty())
            keyError->hide();
        else if (showErrors) {
            setErrorText(keyError, text);
        }
    }
    return errors.isEmpty();
}

void ConnectDialog::showFieldError(Field field, const QString &text)
{
    if (QLabel *l = m_errors.value(field)) {
        setErrorText(l, text);
    }
    if (field == Field::Secret) {
        if (auto *keyError = qobject_cast<QLabel *>(m_keyRow->property("errorLabel").value<QObject *>())) {
            setErrorText(keyError, text);
        }
        (m_schemeToken->isChecked() ? m_token : m_key)->setFocus();
    }
}

QString ConnectDialog::fieldError(Field field) const
{
    QLabel *l = m_errors.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

bool ConnectDialog::save()
{
    if (m_currentOrigin != Origin::Saved && !m_draft)
        return false;
    if (!validate(true))
        return false;
    models::ConnectionProfile p = formProfile();
    const QString secret = p.usesToken() ? m_token->text() : m_key->text();
    QString id;
    if (m_draft) {
        id = m_store->add(p);
    } else {
        id = p.id;
        m_store->update(p);
    }
    if (!secret.isEmpty())
        m_secrets->write(id, secret, this);
    m_token->clear();
    m_key->clear();
    m_draft = false;
    m_modified = false;
    selectProfile(id);
    Q_EMIT profilesEdited();
    return true;
}

void ConnectDialog::connectCurrent()
{
    if ((m_draft || m_modified) && m_currentOrigin == Origin::Saved) {
        if (!save())
            return;
    }
    if (m_currentId.isEmpty())
        return;
    clearStatus();
    Q_EMIT connectRequested(m_currentId);
}

void ConnectDialog::duplicateCurrent()
{
    if (m_draft || m_currentId.isEmpty())
        return;
    const QString from = m_currentId;
    const QString id = m_store->duplicate(from);
    if (id.isEmpty())
        return;
    // The copy connects with the same secret until the user types another one.
    m_secrets->copy(from, id, this);
    m_modified = false;
    selectProfile(id);
    m_name->setFocus();
    m_name->selectAll();
    Q_EMIT profilesEdited();
}

void ConnectDialog::removeCurrent()
{
    if (m_draft || m_currentId.isEmpty() || m_currentOrigin != Origin::Saved)
        return;
    const std::optional<models::ConnectionProfile> p = m_store->profile(m_currentId);
    if (!p)
        return;
    if (!Dialogs::confirm(
            this, tr("Remove Connection"),
            tr("Remove the connection “%1”? Its stored token or key is deleted from the keychain.")
                .arg(p->name),
            tr("Remove “%1”").arg(escapeMnemonic(p->name))))
        return;
    const QString id = m_currentId;
    const QString name = p->name;
    m_modified = false;
    m_store->remove(id);
    // Say what became of the secret: a removal the keychain did not do is not hidden.
    m_secrets->remove(id, this, [this, name](const models::SecretStore::RemoveResult &r) {
        if (r.removed)
            showStatus(MessageBanner::Kind::Info, tr("Removed “%1” and its token or key.").arg(name));
        else
            showStatus(MessageBanner::Kind::Warning,
                       tr("Removed the connection “%1”, but its token or key is still in the keychain (%2). "
                          "Delete it there by hand (service “Orgscope”).")
                           .arg(name, r.canceled ? tr("you stopped waiting for the keyring") : r.error));
    });
    if (m_store->rowCount() > 0)
        selectProfile(m_store->index(0).data(models::ConnectionProfileStore::IdRole).toString());
    else
        startNewProfile();
    Q_EMIT profilesEdited();
}

void ConnectDialog::showStatus(MessageBanner::Kind kind, const QString &text)
{
    m_banner->showMessage(kind, text, false);
    m_banner->show();
}

void ConnectDialog::clearStatus()
{
    m_banner->clear();
    m_banner->hide();
}

QString ConnectDialog::statusText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void ConnectDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

} // namespace ui
