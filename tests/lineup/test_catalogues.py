"""Every message of every package has a German translation (the catalogues are complete).

The messages are extracted from the sources the same way scripts/i18n_extract.sh does.
"""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from lineup.i18n import CATALOGUE_PACKAGES

ROOT = Path(__file__).resolve().parents[2]
METHOD_MAP = [("**.py", "python"), ("**.html", "jinja2")]
KEYWORDS = {"_": None, "_l": None, "lazy_gettext": None, "gettext": None, "ngettext": (1, 2)}
LINEUP_EXTRA = ("templates/base.html", "templates/_macros.html", "templates/_flashes.html",
                "templates/errors", "templates/core", "templates/accounts", "templates/admin")


def _sources(package: str) -> list[Path]:
    sources = [ROOT / package]
    if (ROOT / "templates" / package).is_dir():
        sources.append(ROOT / "templates" / package)
    if package == "lineup":
        sources += [ROOT / extra for extra in LINEUP_EXTRA]
    return sources


def _method(path: Path) -> str | None:
    return {".py": "python", ".html": "jinja2"}.get(path.suffix)


def extracted_messages(package: str) -> set[str]:
    """The msgids of `package` (the singular for plural messages)."""
    found: set[str] = set()
    for source in _sources(package):
        if source.is_dir():
            results = (r[2] for r in extract_from_dir(str(source), METHOD_MAP,
                                                       keywords=KEYWORDS))
        elif source.is_file() and _method(source):
            results = (r[1] for r in extract_from_file(_method(source), str(source),
                                                        keywords=KEYWORDS))
        else:
            continue
        for message in results:
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def missing_translations(package: str) -> list[str]:
    po_path = ROOT / package / "translations" / "de" / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return sorted(extracted_messages(package))
    with po_path.open("rb") as handle:
        catalogue = read_po(handle)
    missing = []
    for msgid in sorted(extracted_messages(package)):
        entry = catalogue.get(msgid)
        strings = entry.string if entry is not None else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(s.strip() for s in strings):
            missing.append(msgid)
    return missing


def test_the_lineup_package_has_messages():
    assert "Sign in" in extracted_messages("lineup")
    assert "People" in extracted_messages("lineup")


@pytest.mark.parametrize("package", CATALOGUE_PACKAGES)
def test_german_catalogue_is_complete(package):
    missing = missing_translations(package)
    assert not missing, (
        f"{package}: {len(missing)} message(s) without a German translation "
        f"(run scripts/i18n_extract.sh {package} and translate):\n  " + "\n  ".join(missing)
    )
