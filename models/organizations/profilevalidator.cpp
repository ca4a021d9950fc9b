#include "models/organizations/profilevalidator.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace models {

namespace {

QString tooLong(int max)
{
    return QCoreApplication::translate("models::ProfileValidator", "At most %n characters.", nullptr, max);
}

} // namespace

QString ProfileValidator::check(Field field, const QString &value)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("models::ProfileValidator", text);
    };
    const QString v = value.trimmed();
    switch (field) {
    case Field::BusinessName:
        if (v.isEmpty())
            return tr("The business name is required.");
        if (value.size() > kMaxNameLength)
            return tooLong(kMaxNameLength);
        return {};
    case Field::BusinessEmail: {
        if (v.isEmpty())
            return tr("The business e-mail is required.");
        if (value.size() > kMaxEmailLength)
            return tooLong(kMaxEmailLength);
        // Deliberately simple: one @, a dotted domain, no spaces.
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
        if (!email.match(v).hasMatch())
            return tr("Enter an e-mail address such as billing@example.com.");
        return {};
    }
    case Field::BusinessPhone: {
        if (v.isEmpty())
            return {};
        if (value.size() > kMaxPhoneLength)
            return tooLong(kMaxPhoneLength);
        static const QRegularExpression allowed(QStringLiteral("^\\+?[0-9 ()./-]+$"));
        if (!allowed.match(v).hasMatch())
            return tr("Use digits, spaces and + ( ) - . / only.");
        int digits = 0;
        for (QChar c : v)
            digits += c.isDigit() ? 1 : 0;
        if (digits < 5)
            return tr("A phone number has at least 5 digits.");
        return {};
    }
    case Field::BusinessAddress:
        if (value.size() > kMaxAddressLength)
            return tooLong(kMaxAddressLength);
        return {};
    case Field::ExternalMetadata:
        if (value.size() > kMaxMetadataLength)
            return tooLong(kMaxMetadataLength);
        return {};
    }
    return {};
}

QMap<ProfileValidator::Field, QString> ProfileValidator::validate(const api::Profile &p)
{
    QMap<Field, QString> out;
    const QList<std::pair<Field, QString>> fields{{Field::BusinessName, p.businessName},
                                                  {Field::BusinessEmail, p.businessEmail},
                                                  {Field::BusinessPhone, p.businessPhone},
                                                  {Field::BusinessAddress, p.businessAddress},
                                                  {Field::ExternalMetadata, p.externalMetadata}};
    for (const auto &[field, value] : fields) {
        const QString message = check(field, value);
        if (!message.isEmpty())
            out.insert(field, message);
    }
    return out;
}

} // namespace models
