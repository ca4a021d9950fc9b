#!/usr/bin/env python3
"""check_layering.py on small made-up trees: a clean tree passes, and each
kind of violation is reported (so the layering test can fail)."""

import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

CHECK = Path(__file__).resolve().parent / "check_layering.py"


class CheckLayering(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name) / "src"
        self.qt = Path(self.tmp.name) / "qt6"
        for module, names in {"QtWidgets": ["QWidget", "qwidget.h", "QDialog", "qaction.h", "QtWidgets"],
                              "QtCharts": ["QChart"],
                              "QtGui": ["QAction", "qaction.h", "QColor"],
                              "QtCore": ["QObject", "QString"]}.items():
            (self.qt / module).mkdir(parents=True)
            for n in names:
                (self.qt / module / n).write_text("")
        self.write("api/records.h", "#pragma once\n#include <QString>\n")
        self.write("api/job.h", '#pragma once\n#include "api/records.h"\n')
        self.write("api/thingapi.h", '#pragma once\n#include "api/job.h"\n')
        self.write("api/wrapper.h", '#pragma once\n#include "thingapi.h"\n')  # includes a resource API
        self.write("api/decode/reader_p.h", "#pragma once\n")
        self.write("api/decode/reader.cpp", '#include "api/decode/reader_p.h"\n#include "../records.h"\n')
        self.write("api/CMakeLists.txt", "target_link_libraries(orgscope_api PUBLIC Qt6::Core Qt6::Network)\n")
        self.write("models/store.h", '#pragma once\n#include "api/thingapi.h"\n#include <QColor>\n#include <qaction.h>\n')
        self.write("models/CMakeLists.txt", "# not Qt6::Widgets\ntarget_link_libraries(m PUBLIC Qt6::Gui)\n")
        self.write("ui/page.cpp", '#include "api/records.h"\n#include "models/store.h"\n#include <QWidget>\n'
                                  '// #include "api/job.h"\n#include "ui_page.h"\n')
        self.write("ui/old.cpp", '#include "api/job.h"\n')
        self.write("app/main.cpp", '#include "ui/page.cpp"\n#include "api/job.h"\n')
        self.allow = Path(self.tmp.name) / "allow.txt"
        self.allow.write_text("# comment\nui/old.cpp: job.h\n")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def run_check(self, *extra):
        result = subprocess.run([sys.executable, str(CHECK), "--root", str(self.root), "--qt-headers", str(self.qt),
                                 "--allowlist", str(self.allow), *extra], capture_output=True, text=True)
        return result.returncode, result.stdout

    def assertViolation(self, expected):
        code, out = self.run_check()
        self.assertEqual(code, 1, out)
        self.assertIn(expected, out)

    def test_clean_tree_passes(self):
        code, out = self.run_check("--linked", "orgscope_api=orgscope_api,Qt6::Core")
        self.assertEqual(code, 0, out)

    def test_include_from_the_layer_above(self):
        self.write("api/bad.cpp", '#include "models/store.h"\n')
        self.assertViolation("api/bad.cpp:1: api/ includes models/store.h from the layer above")
        self.write("api/bad.cpp", '#include "../ui/page.cpp"\n')  # relative paths resolve too
        self.assertViolation("api/bad.cpp:1: api/ includes ui/page.cpp")
        self.write("api/bad.cpp", "")
        self.write("models/bad.h", '#pragma once\n  #  include <app/main.cpp>\n')
        self.assertViolation("models/bad.h:2: models/ includes app/main.cpp")
        self.write("models/bad.h", "")
        self.write("ui/bad.h", '/* one */ #include "app/main.cpp"\n')
        self.assertViolation("ui/bad.h:1: ui/ includes app/main.cpp")

    def test_private_header_of_another_layer(self):
        self.write("models/peek.cpp", '#include "api/decode/reader_p.h"\n')
        self.assertViolation("models/peek.cpp:1: api/decode/reader_p.h is private to api/")

    def test_widget_headers_below_ui(self):
        for include in ("<QWidget>", "<QtWidgets/QDialog>", "<qwidget.h>", "<QtWidgets>", "<QtCharts/QChart>",
                        "<QChart>"):
            with self.subTest(include=include):
                self.write("models/w.cpp", f"#include {include}\n")
                self.assertViolation("models/w.cpp:1: models/ includes the widget header")
        self.write("models/w.cpp", "")
        self.write("api/w.h", "#include <QDialog>\n")
        self.assertViolation("api/w.h:1: api/ includes the widget header <QDialog>")

    def test_widget_link_below_ui(self):
        self.write("models/CMakeLists.txt", "target_link_libraries(m PUBLIC Qt6::Gui\n  Qt6::Widgets)\n")
        self.assertViolation("models/CMakeLists.txt:2: models/ uses Qt6::Widgets")
        self.write("models/CMakeLists.txt", "")
        self.write("api/extra.cmake", "target_link_libraries(orgscope_api PRIVATE Qt::Charts)\n")
        self.assertViolation("api/extra.cmake:1: api/ uses Qt::Charts")
        self.write("api/extra.cmake", "")
        code, out = self.run_check("--linked", "orgscope_models=orgscope_models,helper,Qt6::Widgets")
        self.assertEqual(code, 1, out)
        self.assertIn("orgscope_models links Qt6::Widgets", out)

    def test_ui_including_api_services(self):
        self.write("ui/new.cpp", '#include "api/thingapi.h"\n#include "api/records.h"\n')
        self.assertViolation("ui/new.cpp:1: ui/ includes api/thingapi.h")
        self.write("ui/new.cpp", '#include "api/wrapper.h"\n')  # a value-looking header that includes a job
        self.assertViolation("ui/new.cpp:1: ui/ includes api/wrapper.h")
        self.write("ui/new.cpp", "")
        self.write("ui/old.cpp", '#include "api/job.h"\n#include "api/thingapi.h"\n')  # listed file, new include
        self.assertViolation("ui/old.cpp:2: ui/ includes api/thingapi.h")

    def test_allow_list_only_shrinks(self):
        self.write("ui/old.cpp", '#include "api/records.h"\n')
        self.assertViolation("ui/old.cpp no longer includes api/job.h: remove it from the list")
        self.write("ui/old.cpp", '#include "api/job.h"\n')
        self.allow.write_text("ui/old.cpp: job.h\nui/gone.cpp: client.h\n")
        self.assertViolation("ui/gone.cpp no longer includes api/client.h")


if __name__ == "__main__":
    unittest.main()
