#pragma once
// Colours JSON text (keys, strings, numbers, literals) with a scheme picked
// from the palette, so it stays readable in light and dark themes.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ui {

class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

    // Re-reads the palette (call after a theme change).
    void updateColors(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
};

} // namespace ui
