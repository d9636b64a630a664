"""The one resource-path helper finds fonts, catalogs, demo data and migrations, from source and from a bundle.

The bundle is simulated as PyInstaller runs it: ``sys._MEIPASS`` points at a
folder laid out like ``dist/aict-desktop/_internal`` (build_installer.spec),
holding compiled ``.mo`` catalogs and no ``.po`` sources.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from aict_desktop import i18n, resources
from aict_desktop.resources import i18n_dir, is_bundled, migrations_dir, resource, root

REPO = Path(__file__).resolve().parents[2]
FONTS = ("NanumGothic.ttf", "NanumGothicBold.ttf", "NanumMyeongjo.ttf", "NanumMyeongjoBold.ttf", "OFL.txt")
MARK = "번들 속 사무국"  # a translation only the simulated bundle's catalog has


# --- from source ----------------------------------------------------------------------------

def test_from_source_everything_is_found_in_the_checkout():
    assert not is_bundled()
    assert root() == REPO
    for name in FONTS:
        assert resource("fonts", name).is_file(), name
    assert resource("demo", "demo.json").is_file()
    assert resource("seal", "sample_seal.png").is_file()
    assert resource("icons", "app.png").is_file() and resource("icons", "app.ico").is_file()
    assert (i18n_dir() / "ko" / "LC_MESSAGES" / "messages.po").is_file()
    assert migrations_dir() == REPO / "aict_desktop" / "store" / "migrations"
    assert (migrations_dir() / "env.py").is_file() and list((migrations_dir() / "versions").glob("0001_*.py"))


def test_from_source_the_users_of_the_helper_agree():
    from aict_desktop.documents.fonts import SERIF, font_path
    from aict_desktop.services.demo import demo_file
    from aict_desktop.store import migrate

    assert font_path(SERIF) == REPO / "resources" / "fonts" / "NanumMyeongjo.ttf"
    assert demo_file() == REPO / "resources" / "demo" / "demo.json"
    assert migrate.head_revision() == migrate.HEAD_REVISION


# --- from a bundle --------------------------------------------------------------------------

def _compile(po: Path, mo: Path, mark: bool) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=po.parent.parent.name)
    if mark:
        catalog.get("AICT Secretariat").string = MARK
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as fh:
        write_mo(fh, catalog)


@pytest.fixture
def bundle(tmp_path, monkeypatch):
    """A folder laid out like the bundle's _internal/, made the running program's _MEIPASS."""
    internal = tmp_path / "dist" / "aict-desktop" / "_internal"
    shutil.copytree(REPO / "resources", internal / "resources", ignore=shutil.ignore_patterns("*.py"))
    for lang in ("ko",):
        _compile(REPO / "i18n" / lang / "LC_MESSAGES" / "messages.po",
                 internal / "i18n" / lang / "LC_MESSAGES" / "messages.mo", mark=lang == "ko")
    src = REPO / "aict_desktop" / "store" / "migrations"
    dest = internal / "aict_desktop" / "store" / "migrations"
    (dest / "versions").mkdir(parents=True)
    for name in ("env.py", "script.py.mako"):
        shutil.copy2(src / name, dest / name)
    for script in (src / "versions").glob("*.py"):
        shutil.copy2(script, dest / "versions" / script.name)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    yield internal
    monkeypatch.delattr(sys, "_MEIPASS")
    i18n.install("ko")  # back to the checkout's catalog for the tests that follow


def test_bundle_root_is_meipass(bundle):
    assert is_bundled()
    assert root() == bundle
    for name in FONTS:
        assert resource("fonts", name) == bundle / "resources" / "fonts" / name and resource("fonts", name).is_file()
    assert migrations_dir() == bundle / "aict_desktop" / "store" / "migrations"
    assert i18n_dir() == bundle / "i18n"


def test_bundle_catalog_is_the_compiled_one_in_the_bundle(bundle):
    assert not list(bundle.glob("i18n/*/LC_MESSAGES/*.po"))  # the bundle ships .mo only
    i18n.install("ko")
    assert i18n._("AICT Secretariat") == MARK  # read from the bundle, not from the checkout
    assert i18n._("Dashboard") != "Dashboard"
    i18n.install("en")
    assert i18n._("AICT Secretariat") == "AICT Secretariat"


def test_bundle_migrations_create_a_data_file(bundle, tmp_path):
    from aict_desktop.store import migrate, open_store

    assert migrate.script_directory().dir == str(bundle / "aict_desktop" / "store" / "migrations")
    store = open_store(tmp_path / "new.sqlite", create=True)
    try:
        assert migrate.current_revision(store) == migrate.head_revision() == migrate.HEAD_REVISION
    finally:
        store.dispose()


def test_bundle_fonts_demo_and_seal_are_read_from_the_bundle(bundle):
    from aict_desktop.documents import certificate
    from aict_desktop.documents.fonts import SANS, font_path
    from aict_desktop.services.demo import demo_file
    from aict_desktop.ui.fonts import font_files

    assert font_path(SANS) == bundle / "resources" / "fonts" / "NanumGothic.ttf"
    assert demo_file() == bundle / "resources" / "demo" / "demo.json" and demo_file().is_file()
    assert [p.name for p in font_files()] == ["NanumGothic.ttf", "NanumGothicBold.ttf"]
    assert all(p.parent == bundle / "resources" / "fonts" for p in font_files())
    marked = (bundle / "resources" / "icons" / "app.png").read_bytes()  # a PNG only the bundle has as its seal
    (bundle / "resources" / "seal" / "sample_seal.png").write_bytes(marked)
    assert certificate.sample_seal_png() == marked


def test_bundle_without_its_files_is_reported_not_hidden(tmp_path, monkeypatch):
    empty = tmp_path / "_internal"
    empty.mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(empty), raising=False)
    assert resources.root() == empty
    assert not resource("fonts", "NanumGothic.ttf").exists()
    from aict_desktop.ui.fonts import font_files

    # the UI falls back to the system's fonts-nanum copy rather than to no Korean font at all
    assert all(p.parent == Path("/usr/share/fonts/truetype/nanum") for p in font_files())
