#include "ui/organizations/profileform.h"

#include "ui/common/palettes.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

QLabel *errorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, errorTextColor(pal));
    label->setPalette(pal);
    label->hide();
    return label;
}

QWidget *withError(QWidget *field, QLabel *error)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

} // namespace

ProfileForm::ProfileForm(QWidget *parent)
    : QWidget(parent), m_name(new QLineEdit(this)), m_email(new QLineEdit(this)),
      m_phone(new QLineEdit(this)), m_address(new QPlainTextEdit(this)), m_metadata(new QPlainTextEdit(this)),
      m_status(new QLabel(this)), m_save(new QPushButton(tr("&Save Profile"), this)),
      m_revert(new QPushButton(tr("Re&vert"), this)), m_fields(new QWidget(this))
{
    setObjectName(QStringLiteral("profileForm"));
    m_name->setObjectName(QStringLiteral("profileBusinessName"));
    m_email->setObjectName(QStringLiteral("profileBusinessEmail"));
    m_phone->setObjectName(QStringLiteral("profileBusinessPhone"));
    m_address->setObjectName(QStringLiteral("profileBusinessAddress"));
    m_metadata->setObjectName(QStringLiteral("profileExternalMetadata"));
    m_address->setAccessibleName(tr("Business address"));
    m_metadata->setAccessibleName(tr("External metadata (JSON)"));
    m_status->setObjectName(QStringLiteral("profileStatus"));
    m_save->setObjectName(QStringLiteral("profileSave"));
    m_revert->setObjectName(QStringLiteral("profileRevert"));

    m_name->setPlaceholderText(tr("Legal business name"));
    // Placeholders describe the value: an example would read as data (worse in the dark palette).
    m_email->setPlaceholderText(tr("billing e-mail address"));
    m_phone->setPlaceholderText(tr("phone, international format (+country code)"));
    m_address->setPlaceholderText(tr("Street, city, postal code, country"));
    m_metadata->setPlaceholderText(tr("Free text kept with the profile; a JSON document works well"));
    m_name->setMaxLength(models::ProfileValidator::kMaxNameLength + 1);
    m_email->setMaxLength(models::ProfileValidator::kMaxEmailLength + 1);
    m_phone->setMaxLength(models::ProfileValidator::kMaxPhoneLength + 1);
    for (QPlainTextEdit *edit : {m_address, m_metadata}) {
        edit->setTabChangesFocus(true); // Tab moves on, like every other field
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    }
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_metadata->setFont(mono);

    m_errors.insert(Field::BusinessName, errorLabel(this, QStringLiteral("profileBusinessNameError")));
    m_errors.insert(Field::BusinessEmail, errorLabel(this, QStringLiteral("profileBusinessEmailError")));
    m_errors.insert(Field::BusinessPhone, errorLabel(this, QStringLiteral("profileBusinessPhoneError")));
    m_errors.insert(Field::BusinessAddress, errorLabel(this, QStringLiteral("profileBusinessAddressError")));
    m_errors.insert(Field::ExternalMetadata,
                    errorLabel(this, QStringLiteral("profileExternalMetadataError")));

    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    auto addRow = [&](const QString &label, QWidget *field, Field f) {
        auto *l = new QLabel(label, m_fields);
        l->setBuddy(field);
        form->addRow(l, withError(field, m_errors.value(f)));
    };
    m_inputs = {{Field::BusinessName, m_name},
                {Field::BusinessEmail, m_email},
                {Field::BusinessPhone, m_phone},
                {Field::BusinessAddress, m_address},
                {Field::ExternalMetadata, m_metadata}};
    addRow(tr("Business &name:"), m_name, Field::BusinessName);
    addRow(tr("&E-mail:"), m_email, Field::BusinessEmail);
    addRow(tr("&Phone:"), m_phone, Field::BusinessPhone);
    addRow(tr("&Address:"), m_address, Field::BusinessAddress);
    addRow(tr("E&xternal metadata:"), m_metadata, Field::ExternalMetadata);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setDefault(true);
    m_save->setToolTip(tr("Replace the business profile with these values (Ctrl+S)"));
    m_revert->setToolTip(tr("Put back the values last loaded from the API"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fields);
    layout->addLayout(buttons);
    layout->addStretch(1);

    auto *saveAction = new QAction(tr("Save Profile"), this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, [this] { save(); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_revert, &QPushButton::clicked, this, &ProfileForm::discard);
    for (QLineEdit *edit : {m_name, m_email, m_phone})
        connect(edit, &QLineEdit::textChanged, this, &ProfileForm::revalidate);
    for (QPlainTextEdit *edit : {m_address, m_metadata})
        connect(edit, &QPlainTextEdit::textChanged, this, &ProfileForm::revalidate);

    setUnavailable(tr("Choose an organization to see its business profile."));
}

void ProfileForm::load(const api::Profile &profile, bool exists)
{
    m_loaded = profile;
    m_available = true;
    m_saving = false;
    m_fields->setEnabled(true);
    setValues(profile);
    setStatus(exists ? QString() : tr("This organization has no business profile yet: fill it in and save."),
              false);
}

void ProfileForm::setUnavailable(const QString &message)
{
    m_loaded = {};
    m_available = false;
    m_saving = false;
    setValues({});
    m_fields->setEnabled(false);
    setStatus(message, false);
}

bool ProfileForm::isModified() const
{
    return m_available && profile() != m_loaded;
}

bool ProfileForm::isValid() const
{
    return models::ProfileValidator::validate(profile()).isEmpty();
}

api::Profile ProfileForm::profile() const
{
    api::Profile p;
    p.businessName = m_name->text();
    p.businessEmail = m_email->text();
    p.businessPhone = m_phone->text();
    p.businessAddress = m_address->toPlainText();
    p.externalMetadata = m_metadata->toPlainText();
    return p;
}

ProfileForm::SaveOutcome ProfileForm::save()
{
    if (!m_available)
        return SaveOutcome::Unavailable;
    if (m_saving)
        return SaveOutcome::Busy;
    if (!isModified())
        return SaveOutcome::NotModified;
    if (!isValid()) {
        setStatus(tr("Correct the highlighted fields before saving."), true);
        for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
            if (!it.value()->text().isEmpty()) {
                m_inputs.value(it.key())->setFocus();
                break;
            }
        return SaveOutcome::Invalid;
    }
    m_saving = true;
    m_fields->setEnabled(false);
    setStatus(tr("Saving…"), false);
    updateButtons();
    Q_EMIT saveRequested(profile());
    return SaveOutcome::Started;
}

void ProfileForm::discard()
{
    if (!m_available || m_saving)
        return;
    setValues(m_loaded);
    setStatus(QString(), false);
}

void ProfileForm::saveSucceeded()
{
    m_saving = false;
    m_loaded = profile();
    m_fields->setEnabled(true);
    setStatus(tr("Profile saved."), false);
    revalidate();
}

void ProfileForm::saveFailed(const QString &reason)
{
    m_saving = false;
    m_fields->setEnabled(true);
    setStatus(tr("Not saved: %1 Your edits are kept.").arg(reason), true);
    revalidate();
}

void ProfileForm::setValues(const api::Profile &p)
{
    m_settingValues = true;
    m_name->setText(p.businessName);
    m_email->setText(p.businessEmail);
    m_phone->setText(p.businessPhone);
    m_address->setPlainText(p.businessAddress);
    m_metadata->setPlainText(p.externalMetadata);
    m_settingValues = false;
    revalidate();
}

void ProfileForm::revalidate()
{
    if (m_settingValues)
        return;
    const api::Profile p = profile();
    const QMap<Field, QString> values{{Field::BusinessName, p.businessName},
                                      {Field::BusinessEmail, p.businessEmail},
                                      {Field::BusinessPhone, p.businessPhone},
                                      {Field::BusinessAddress, p.businessAddress},
                                      {Field::ExternalMetadata, p.externalMetadata}};
    // Untouched values from the API are not the user's doing: judge only once something changed.
    const bool judged = m_available && isModified();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString message = judged ? models::ProfileValidator::check(it.key(), it.value()) : QString();
        QLabel *label = m_errors.value(it.key());
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
    updateButtons();
    const bool modified = isModified();
    if (modified != m_lastModified) {
        m_lastModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
    if (m_available)
        Q_EMIT edited(p);
}

void ProfileForm::updateButtons()
{
    const bool modified = isModified();
    m_save->setEnabled(modified && !m_saving && isValid());
    m_revert->setEnabled(modified && !m_saving);
}

void ProfileForm::setStatus(const QString &text, bool error)
{
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, errorTextColor(pal));
    m_status->setPalette(pal);
    m_status->setText(text);
}

} // namespace ui
