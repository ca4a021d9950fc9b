#include "stringpool.h"

namespace sim {

StringPool::StringPool()
{
    m_values.append(QByteArray());
    m_index.insert(QByteArray(), 0);
}

quint32 StringPool::intern(const QByteArray &text)
{
    if (text.isEmpty())
        return 0;
    const auto it = m_index.constFind(text);
    if (it != m_index.constEnd())
        return it.value();
    const auto index = quint32(m_values.size());
    m_values.append(text);
    m_index.insert(text, index);
    return index;
}

std::optional<quint32> StringPool::find(const QByteArray &text) const
{
    const auto it = m_index.constFind(text);
    if (it == m_index.constEnd())
        return std::nullopt;
    return it.value();
}

} // namespace sim
