#!/usr/bin/env python3
"""Checks the layering of docs/ARCHITECTURE.md ("Layers") on the sources.

Rules:
  1. No include points up: api/ includes nothing from models/, ui/ or app/;
     models/ nothing from ui/ or app/; ui/ nothing from app/. A private header
     (*_p.h) is included only from its own layer.
  2. No widgets below ui/: no file under api/ or models/ includes a Qt Widgets
     header (any header of QtWidgets or of a module built on it, such as
     QtCharts, found in Qt's own header directories), and neither layer links
     a widget module in CMake.
  3. ui/ does not include the api's jobs, pagers, clients or resource APIs
     (client.h, job.h, typedjob.h, *pager.h, *api.h, ratebudget.h,
     retrypolicy.h, and any api header that includes one of those); plain
     value types (records.h, apierror.h, the query types, decoders) are fine.
     Today's offenders are listed in ui_api_allowlist.txt, which may only
     shrink: an offender missing from it fails, and so does a listed include
     that is gone.

Exit status 0 when every rule holds, 1 with one line per violation otherwise.
"""

import argparse
import fnmatch
import functools
import os
import re
import subprocess
import sys
from pathlib import Path

LAYERS = ["api", "models", "ui", "app"]  # bottom to top
SOURCE_SUFFIXES = {".h", ".hpp", ".cpp", ".cc", ".cxx"}
CMAKE_NAMES = ("CMakeLists.txt",)
CMAKE_SUFFIXES = (".cmake",)
# Qt modules whose headers are widgets (QtWidgets itself and what builds on it).
WIDGET_MODULES = ["QtWidgets", "QtCharts", "QtSvgWidgets", "QtOpenGLWidgets", "QtPrintSupport",
                  "QtUiTools", "QtQuickWidgets", "QtDataVisualization"]
WIDGET_TARGET_RE = re.compile(
    r"\bQt[0-9]?(?:\$\{[A-Za-z_]+\})?::(Widgets|Charts|SvgWidgets|OpenGLWidgets|PrintSupport|UiTools"
    r"|QuickWidgets|DataVisualization)\b")
WIDGET_TARGETS = {"Qt6::" + m[2:] for m in WIDGET_MODULES} | {"Qt::" + m[2:] for m in WIDGET_MODULES}
# api headers that start or run API calls; ui/ must reach them through models/.
SERVICE_PATTERNS = ["client.h", "job.h", "typedjob.h", "*pager.h", "*api.h", "ratebudget.h",
                    "retrypolicy.h"]
INCLUDE_RE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]', re.M)


# Comments, then the literals a comment marker may hide in (raw strings first).
LEXEME_RE = re.compile(
    r"//[^\n]*"                       # line comment
    r"|/\*.*?(?:\*/|\Z)"              # block comment
    r'|R"([^()\\ \n]{0,16})\(.*?\)\1"'  # raw string
    r'|"(?:\\.|[^"\\\n])*"'            # string
    r"|'(?:\\.|[^'\\\n])*'",           # character
    re.S)


def strip_comments(text):
    """The text with comments blanked (newlines kept), aware of string,
    character and raw string literals, so a commented-out include is no
    include and "/*" inside a string opens no comment."""
    def blank(m):
        lexeme = m.group(0)
        return "\n" * lexeme.count("\n") if lexeme[0] == "/" else lexeme
    return LEXEME_RE.sub(blank, text)


@functools.lru_cache(maxsize=None)
def includes(path):
    """(line, delimiter, name) of every #include in a source file."""
    text = strip_comments(path.read_text(encoding="utf-8", errors="replace"))
    return tuple((text.count("\n", 0, m.start()) + 1, m.group(1), m.group(2).strip())
                 for m in INCLUDE_RE.finditer(text))


def sources(root, layer):
    base = root / layer
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES)


def resolve(root, source, name):
    """The repository file an include names (relative to the including file,
    then to the project root, which is every layer's include directory), or None."""
    for candidate in (source.parent / name, root / name):
        try:
            resolved = candidate.resolve()
            resolved.relative_to(root)
        except (OSError, ValueError):
            continue
        if resolved.is_file():
            return resolved
    return None


def layer_of(root, path):
    parts = path.relative_to(root).parts
    return parts[0] if parts and parts[0] in LAYERS else None


def rel(root, path):
    return path.relative_to(root).as_posix()


# ---------------------------------------------------------------- rule 1

def check_upward(root):
    problems = []
    for layer in LAYERS:
        rank = LAYERS.index(layer)
        for src in sources(root, layer):
            for line, _, name in includes(src):
                target = resolve(root, src, name)
                if target is None:
                    continue
                target_layer = layer_of(root, target)
                if target_layer is None:
                    continue
                where = f"{rel(root, src)}:{line}"
                if LAYERS.index(target_layer) > rank:
                    problems.append(f"{where}: {layer}/ includes {rel(root, target)} from the layer above "
                                    f"({target_layer}/); layers include only the layers below them")
                elif target_layer != layer and target.name.endswith("_p.h"):
                    problems.append(f"{where}: {rel(root, target)} is private to {target_layer}/")
    return problems


# ---------------------------------------------------------------- rule 2

def qt_header_root(given):
    if given and (Path(given) / "QtWidgets").is_dir():
        return Path(given)
    candidates = []
    try:
        out = subprocess.run(["qtpaths6", "--query", "QT_INSTALL_HEADERS"], capture_output=True, text=True,
                             timeout=20).stdout.strip()
        if out:
            candidates.append(out)
    except (OSError, subprocess.SubprocessError):
        pass
    candidates.append("/usr/include/x86_64-linux-gnu/qt6")
    for c in candidates:
        if c and (Path(c) / "QtWidgets").is_dir():
            return Path(c)
    return None


def widget_headers(qt_root):
    """Names a widget header can be included by: QtWidgets/…, QtCharts/…, the
    module headers themselves, and every file name found only in a widget
    module's directory (a few lower-case forwarding headers of QtWidgets, such
    as qaction.h, also exist in QtGui and are left alone)."""
    widget, other = set(), set()
    for d in qt_root.iterdir():
        if not d.is_dir():
            continue
        names = {f.name for f in d.iterdir() if f.is_file()}
        (widget if d.name in WIDGET_MODULES else other).update(names)
    return widget - other


def is_widget_include(name, headers):
    first = name.split("/", 1)[0]
    if first in WIDGET_MODULES:
        return True  # <QtWidgets/QWidget>, <QtWidgets>, <QtCharts/QChart>
    return "/" not in name and name in headers


def cmake_files(root, layer):
    base = root / layer
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*") if p.is_file() and (p.name in CMAKE_NAMES or p.name.endswith(CMAKE_SUFFIXES)))


def check_widgets(root, headers, linked):
    problems = []
    for layer in ("api", "models"):
        for src in sources(root, layer):
            for line, _, name in includes(src):
                if resolve(root, src, name) is None and is_widget_include(name, headers):
                    problems.append(f"{rel(root, src)}:{line}: {layer}/ includes the widget header <{name}>; "
                                    "widgets live in ui/")
        for cm in cmake_files(root, layer):
            text = re.sub(r"#[^\n]*", "", cm.read_text(encoding="utf-8", errors="replace"))
            for m in WIDGET_TARGET_RE.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                problems.append(f"{rel(root, cm)}:{line}: {layer}/ uses {m.group(0)}; widgets live in ui/")
    for spec in linked:
        target, _, libs = spec.partition("=")
        bad = sorted(set(filter(None, libs.split(","))) & WIDGET_TARGETS)
        if bad:
            problems.append(f"CMake: {target} links {', '.join(bad)} (directly or through its dependencies); "
                            "widgets live in ui/")
    return problems


# ---------------------------------------------------------------- rule 3

def service_headers(root):
    """api headers (relative to api/) that start or run API calls: the named
    ones and every api header that includes one of them."""
    api = root / "api"
    headers = {p for p in sources(root, "api") if p.suffix in (".h", ".hpp")}
    service = {p for p in headers
               if any(fnmatch.fnmatch(p.name, pat) for pat in SERVICE_PATTERNS)}
    deps = {p: {t for _, _, name in includes(p) if (t := resolve(root, p, name)) in headers} for p in headers}
    changed = True
    while changed:
        changed = False
        for p in headers - service:
            if deps[p] & service:
                service.add(p)
                changed = True
    return {p.relative_to(api).as_posix() for p in service}


def read_allowlist(path):
    allowed = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        file, sep, names = line.partition(":")
        if not sep or not names.split():
            raise SystemExit(f"{path}:{number}: expected 'ui/<file>: <api header> …', got {raw!r}")
        allowed.setdefault(file.strip(), set()).update(names.split())
    return allowed


def check_ui_api(root, allowlist_path):
    service = service_headers(root)
    api = (root / "api").resolve()
    found = {}
    lines = {}
    for src in sources(root, "ui"):
        for line, _, name in includes(src):
            target = resolve(root, src, name)
            if target is None or layer_of(root, target) != "api":
                continue
            header = target.relative_to(api).as_posix()
            if header in service:
                found.setdefault(rel(root, src), set()).add(header)
                lines[(rel(root, src), header)] = line
    allowed = read_allowlist(allowlist_path) if allowlist_path.is_file() else {}
    problems = []
    for file in sorted(found):
        for header in sorted(found[file] - allowed.get(file, set())):
            problems.append(f"{file}:{lines[(file, header)]}: ui/ includes api/{header}, which starts API calls; "
                            "reach the api through models/ instead")
    for file in sorted(allowed):
        for header in sorted(allowed[file] - found.get(file, set())):
            problems.append(f"{allowlist_path.name}: {file} no longer includes api/{header}: "
                            "remove it from the list (the list only shrinks)")
    return problems


def main():
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=str(here.parent.parent), help="the project's source directory")
    parser.add_argument("--qt-headers", help="Qt's header directory (the one holding QtWidgets/)")
    parser.add_argument("--allowlist", default=str(here / "ui_api_allowlist.txt"))
    parser.add_argument("--linked", action="append", default=[],
                        help="TARGET=lib,lib,… : every target TARGET links, as CMake resolved it")
    args = parser.parse_args()

    root = Path(args.root).resolve()
    qt_root = qt_header_root(args.qt_headers)
    if qt_root is None:
        print("check_layering: Qt's QtWidgets header directory not found (pass --qt-headers)", file=sys.stderr)
        return 2
    headers = widget_headers(qt_root)
    if "QWidget" not in headers:
        print(f"check_layering: no QWidget header under {qt_root}: cannot tell widget headers", file=sys.stderr)
        return 2

    problems = (check_upward(root) + check_widgets(root, headers, args.linked) +
                check_ui_api(root, Path(args.allowlist)))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} layering violation(s); the rules are in {Path(__file__).name} and "
              "docs/ARCHITECTURE.md", file=sys.stderr)
        return 1
    print("layering: every rule holds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
