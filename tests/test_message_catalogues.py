"""UI strings are translated: German and English completely, Dutch and French for the shopper's path."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", ["de", "en", "nl", "fr"])
def test_catalogue_is_complete(language):
    po = catalogue(language)
    assert len(po) > 50
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("language", ["de", "en", "nl", "fr"])
def test_compiled_catalogue_matches_the_source(language):
    """The committed .mo must be compiled from the committed .po (run `make messages`)."""
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    for entry in po.translated_entries():
        expected = entry.msgstr or {int(k): v for k, v in entry.msgstr_plural.items()}
        got = compiled.get((entry.msgctxt, entry.msgid))
        if isinstance(got, dict):
            got = {int(k): v for k, v in got.items()}
        assert got == expected, entry.msgid


def test_german_is_the_shops_voice():
    from django.utils import translation

    with translation.override("de"):
        assert translation.gettext("Skip to content") == "Zum Inhalt springen"
        assert translation.gettext("incl. VAT") == "inkl. MwSt."
