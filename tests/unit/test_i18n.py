"""The catalogs: every message has Korean, every translation keeps its {fields}."""

import datetime as dt
import re
import string

from babel.messages.pofile import read_po

from aict_desktop import i18n
from aict_desktop.resources import i18n_dir

_FIELD = string.Formatter()


def _fields(text: str) -> set[str]:
    try:
        return {name for _lit, name, _spec, _conv in _FIELD.parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def _catalog(lang):
    with (i18n_dir() / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def test_every_message_has_a_korean_translation():
    missing = [m.id for m in _catalog("ko") if m.id and not (m.string if isinstance(m.string, str) else all(m.string))]
    assert missing == [], f"{len(missing)} untranslated; run python -m aict_desktop.tools.i18n and translate: {missing[:10]}"


def test_translations_keep_the_same_fields():
    bad = []
    for m in _catalog("ko"):
        if not m.id or not m.string:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strs = m.string if isinstance(m.string, tuple) else (m.string,)
        for s in strs:
            if s and _fields(s) != _fields(ids[-1]) and _fields(s) != _fields(ids[0]):
                bad.append((ids[0], s))
    assert bad == []


def test_catalog_matches_the_code():
    """Every _() in the code is in the template (run the extract script after adding strings)."""
    pot = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog("ko") if m.id}
    from babel.messages.extract import extract_from_dir

    from aict_desktop.resources import root

    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    found = set()
    for _fn, _ln, msg, _c, _ctx in extract_from_dir(
        root() / "aict_desktop", method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(msg if isinstance(msg, str) else msg[0])
    assert sorted(found - pot) == []


def test_korean_is_the_default_and_english_selectable():
    i18n.install("ko")
    assert i18n._("Check passed: no problems found.") == "점검 통과: 문제가 없습니다."
    i18n.install("en")
    assert i18n._("Check passed: no problems found.") == "Check passed: no problems found."
    i18n.install("ko")


def test_language_from_environment(monkeypatch):
    for var in ("AICT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert i18n.language_from_environment() == "ko"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.language_from_environment() == "en"
    assert i18n.language_from_environment("ko") == "ko"


def test_official_korean_dates_and_amounts():
    d = dt.date(2025, 6, 5)
    assert i18n.fmt_date(d) == "2025. 6. 5."
    assert i18n.fmt_date_weekday(d) == "2025. 6. 5.(목)"
    assert i18n.fmt_date_long(d) == "2025년 6월 5일"
    assert i18n.fmt_range(d, dt.date(2027, 6, 4)) == "2025. 6. 5.~2027. 6. 4."
    assert i18n.fmt_time(dt.time(14, 0)) == "14:00"
    assert i18n.fmt_datetime(dt.datetime(2025, 6, 12, 14, 0)) == "2025. 6. 12.(목) 14:00"
    assert i18n.fmt_won(150000) == "150,000원"
    assert re.fullmatch(r"\d{4}\. \d{1,2}\. \d{1,2}\.", i18n.fmt_date(dt.date(2026, 11, 22)))


def test_the_compiled_catalog_goes_to_the_cache_folder_never_beside_the_source(tmp_path, monkeypatch):
    """An installed program's folder may be read-only or shared: compiling a catalog writes only to the cache."""
    import shutil

    from aict_desktop import i18n

    source = tmp_path / "i18n"
    (source / "ko" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copyfile(i18n_dir() / "ko" / "LC_MESSAGES" / "messages.po", source / "ko" / "LC_MESSAGES" / "messages.po")
    monkeypatch.setattr(i18n, "i18n_dir", lambda: source)
    monkeypatch.setenv("AICT_CACHE_DIR", str(tmp_path / "cache"))

    first = i18n._load("ko")
    assert first.gettext("Institutions") == "기관"
    assert sorted(p.name for p in source.rglob("*")) == sorted(["ko", "LC_MESSAGES", "messages.po"])
    (cached,) = (tmp_path / "cache").glob("messages-ko-*.mo")

    cached.write_bytes(b"not a catalog")  # a damaged cache is compiled again, not trusted
    assert i18n._load("ko").gettext("Institutions") == "기관"
    assert cached.read_bytes() != b"not a catalog"
