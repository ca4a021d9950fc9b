#include <QTest>
class TestSimpagination : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestSimpagination)
#include "tst_simpagination.moc"
