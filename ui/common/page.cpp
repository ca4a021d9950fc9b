#include "ui/common/page.h"

namespace ui {

Page::Page(models::Session *session, QWidget *parent) : QWidget(parent), m_session(session) {}

} // namespace ui
