#pragma once
// Interns repeated strings (e-mails, URIs, IPs…) so an audit row can hold
// 4-byte indices and filters compare integers. Index 0 is the empty string,
// meaning "field absent".

#include <QByteArray>
#include <QHash>
#include <QList>
#include <optional>

namespace sim {

class StringPool
{
public:
    StringPool();
    quint32 intern(const QByteArray &text);
    std::optional<quint32> find(const QByteArray &text) const;
    const QByteArray &at(quint32 index) const { return m_values.at(index); }
    qsizetype size() const { return m_values.size(); }

private:
    QHash<QByteArray, quint32> m_index;
    QList<QByteArray> m_values;
};

} // namespace sim
