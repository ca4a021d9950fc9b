#include <QTest>
class TestSimunits : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestSimunits)
#include "tst_simunits.moc"
