#pragma once
// Client-side checks of the organization business profile (REFERENCE §5.2
// documents no formats, so these are the console's own rules: a readable
// e-mail address, phone characters only, and lengths the simulator accepts).

#include "api/records.h"

#include <QMap>
#include <QString>

namespace models {

class ProfileValidator
{
public:
    enum class Field { BusinessName, BusinessEmail, BusinessPhone, BusinessAddress, ExternalMetadata };

    static constexpr int kMaxNameLength = 255;
    static constexpr int kMaxEmailLength = 254;
    static constexpr int kMaxPhoneLength = 32;
    static constexpr int kMaxAddressLength = 1024;
    static constexpr int kMaxMetadataLength = 1024;

    // Empty string = valid; otherwise one sentence for the field's label.
    static QString check(Field field, const QString &value);
    // Every invalid field with its message.
    static QMap<Field, QString> validate(const api::Profile &profile);
};

} // namespace models
