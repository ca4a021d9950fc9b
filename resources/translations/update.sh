#!/bin/sh
# Refreshes orgscope_de.ts, and the plural forms of orgscope_en.ts (the
# English catalogue holds only the "%n … (s)" messages: new ones arrive
# unfinished and need their two forms written by hand), from the sources. lupdate 6.4 loops forever on the
# cast expression used as the plural argument in api/apierror.cpp, so that file
# is scanned from a copy with the argument simplified.
set -e
cd "$(dirname "$0")/../.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's|int((m_retryAfterMs + 999) / 1000)|n|' api/apierror.cpp > "$tmp/apierror.cpp"
{ find app ui models api -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.ui' \) ! -path api/apierror.cpp | sort
  echo "$tmp/apierror.cpp"; } > "$tmp/files.lst"
timeout 120 "$LUPDATE" @"$tmp/files.lst" -ts resources/translations/orgscope_de.ts -I . -no-obsolete -locations none -target-language de
timeout 120 "$LUPDATE" @"$tmp/files.lst" -ts resources/translations/orgscope_en.ts -I . -no-obsolete -locations none -pluralonly -source-language en -target-language en
