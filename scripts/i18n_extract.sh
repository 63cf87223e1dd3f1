#!/usr/bin/env bash
# Refresh the German and English catalogues of the given packages from their source:
#   scripts/i18n_extract.sh training      (default: every package)
# Each package owns <pkg>/translations; templates live in templates/<pkg>.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(lineup training quizzes recognition)
for pkg in "${packages[@]}"; do
  sources=("$pkg")
  [ -d "templates/$pkg" ] && sources+=("templates/$pkg")
  if [ "$pkg" = lineup ]; then
    sources+=(templates/base.html templates/_macros.html templates/_flashes.html
              templates/errors templates/core templates/accounts templates/admin)
  fi
  mkdir -p "$pkg/translations"
  $BIN/pybabel extract -F babel.cfg --no-location -k _l -k lazy_gettext \
    -o "$pkg/translations/messages.pot" "${sources[@]}" 2>/dev/null
  for lang in de en; do
    if [ -f "$pkg/translations/$lang/LC_MESSAGES/messages.po" ]; then
      $BIN/pybabel update --no-fuzzy-matching -i "$pkg/translations/messages.pot" \
        -d "$pkg/translations" -l "$lang" >/dev/null
    else
      $BIN/pybabel init -i "$pkg/translations/messages.pot" -d "$pkg/translations" -l "$lang" >/dev/null
    fi
  done
  $BIN/pybabel compile -f -d "$pkg/translations" >/dev/null 2>&1 || true
done
