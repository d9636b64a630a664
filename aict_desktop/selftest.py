"""``aict-desktop --self-test``: check that this copy of the program works, on any PC.

Run by IT staff after installing (and by ``scripts/build_bundle.sh`` on every
bundle): it finds the bundled files, opens a temporary data file, migrates
it, loads the demo data, renders 위촉장, loads the server-mode driver,
opens and closes the main window (offscreen when there is no display) and
draws the certificate with the in-program preview (QtPdf). The
user's own data folder, settings and keyring are not touched: everything
happens in a temporary folder that is removed afterwards.

Each check prints one line; the exit code is 0 when all passed, 1 with the
reason otherwise. A windowed Windows program has no console, so there the
report is written to ``%TEMP%\\aict-desktop-self-test.txt`` instead.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from aict_desktop import __version__
from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import N_, _
from aict_desktop.resources import i18n_dir, is_bundled, migrations_dir, resource, root

REPORT_NAME = "aict-desktop-self-test.txt"
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf", "NanumMyeongjo.ttf", "NanumMyeongjoBold.ttf", "OFL.txt")


class CheckFailed(Exception):
    """A self-test check found something wrong (the message says what)."""


def _need(ok: bool, message: str) -> None:
    if not ok:
        raise CheckFailed(message)


class _Run:
    """State shared by the checks: the temporary folder, the store, the services."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.store = None
        self.services = None

    # --- files -----------------------------------------------------------------------

    def files(self) -> str:
        missing = [name for name in FONT_FILES if not resource("fonts", name).is_file()]
        for part in (("seal", "sample_seal.png"), ("demo", "demo.json"), ("icons", "app.png"), ("icons", "app.ico")):
            if not resource(*part).is_file():
                missing.append("/".join(part))
        mig = migrations_dir()
        for name in ("env.py", "script.py.mako"):
            if not (mig / name).is_file():
                missing.append(f"migrations/{name}")
        versions = sorted((mig / "versions").glob("*.py")) if (mig / "versions").is_dir() else []
        if not versions:
            missing.append("migrations/versions/*.py")
        _need(not missing, _("Missing program files: {names}").format(names=", ".join(missing)))
        return _("fonts, seal, demo data, icon and {count} migration script(s) under {folder}").format(
            count=len(versions), folder=root())

    def catalogs(self) -> str:
        from aict_desktop import i18n

        kinds = []
        for lang in i18n.CATALOGS:
            base = i18n_dir() / lang / "LC_MESSAGES"
            mo, po = base / f"{i18n.DOMAIN}.mo", base / f"{i18n.DOMAIN}.po"
            _need(mo.is_file() or po.is_file(), _("No message catalog for {lang} in {folder}").format(
                lang=lang, folder=base))
            if is_bundled():
                _need(mo.is_file(), _("The bundle has no compiled catalog {path}").format(path=mo))
            kinds.append(f"{lang} ({'.mo' if mo.is_file() else '.po'})")
        korean = i18n._load("ko").gettext("AICT Secretariat")
        _need(korean != "AICT Secretariat", _("The Korean catalog does not translate the program's name"))
        return _("{catalogs}; the program's name in Korean: {name}").format(catalogs=", ".join(kinds), name=korean)

    # --- data ------------------------------------------------------------------------

    def database(self) -> str:
        from aict_desktop.services.container import Services
        from aict_desktop.store import migrate, open_store

        path = self.folder / "self-test.sqlite"
        self.store = open_store(path, create=True)
        self.services = Services(self.store)
        current, head = migrate.current_revision(self.store), migrate.head_revision()
        _need(current == head, _("The schema is at {current}, expected {head}").format(current=current, head=head))
        return _("{path} created and migrated to schema {rev}").format(path=path, rev=current)

    def demo(self) -> str:
        from aict_desktop.services.demo import load_demo

        return load_demo(self.services)

    def certificate(self) -> str:
        from aict_desktop.domain.errors import ValidationError

        for body in self.services.bodies.list_bodies():
            try:
                pdf = self.services.certificates.preview(body.id)
            except ValidationError:
                continue  # nobody waiting for a certificate in this body
            _need(pdf.startswith(b"%PDF") and b"Nanum" in pdf,
                  _("The certificate PDF is not a PDF with the Korean fonts embedded"))
            out = self.folder / "certificate.pdf"
            out.write_bytes(pdf)
            return _("{body}: {size} KB PDF with the Nanum fonts embedded").format(
                body=body.name, size=len(pdf) // 1024)
        raise CheckFailed(_("No body of the demo data has an appointment to print a certificate for"))

    def editable_files(self) -> str:
        meetings = self.services.meetings.list()
        _need(bool(meetings), _("The demo data has no meeting"))
        sizes = []
        for fmt in ("hwpx", "docx"):
            data = self.services.exports.minutes(meetings[0].id, fmt)
            _need(data.startswith(b"PK"), _("The minutes as {format} are not a {format} file").format(format=fmt))
            sizes.append(f"{fmt} {len(data) // 1024} KB")
        xlsx = self.services.exports.roster_xlsx(meetings[0].body_id)
        _need(xlsx.startswith(b"PK"), _("The roster as xlsx is not an xlsx file"))
        sizes.append(f"xlsx {len(xlsx) // 1024} KB")
        return _("minutes and roster written: {sizes}").format(sizes=", ".join(sizes))

    def server_driver(self) -> str:
        import psycopg
        from sqlalchemy.dialects import registry

        registry.load("postgresql.psycopg")
        return _("postgresql+psycopg {version} ({impl} libpq); nothing is connected").format(
            version=psycopg.__version__, impl=psycopg.pq.__impl__)

    def keyring(self) -> str:
        """A round trip through the system keyring. Windows and macOS always have one (the Credential
        Manager, the Keychain): a bundle that cannot use it is broken and fails here. A headless Linux PC
        may have none; the program then asks for the passphrase, and the check says so."""
        import secrets

        from aict_desktop import system_keyring

        backend = system_keyring.backend()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        probe = secrets.token_hex(8)
        works = system_keyring.usable()  # what the program asks: not the fail/null backends, not a plaintext file
        try:
            if works:
                system_keyring.set_password("AICT Secretariat self-test", "probe", probe)
                works = system_keyring.get_password("AICT Secretariat self-test", "probe") == probe
                system_keyring.delete_password("AICT Secretariat self-test", "probe")
        except Exception:  # the backend's own errors (pywintypes.error on Windows) are not KeyringErrors
            works = False
        if not works:
            _need(not sys.platform.startswith(("win", "darwin")), _(
                "No working keyring: the system keyring ({name}) could not save and read back a password, so the "
                "encryption key and server passwords cannot be kept. On Windows the Credential Manager must be "
                "available to this user (a roaming or temporary profile, or a policy, can block it).").format(
                    name=name))
            return _("backend {name} does not work here; the passphrase is used instead").format(name=name)
        return _("backend {name}: a password was saved, read back and removed").format(name=name)

    # --- window ----------------------------------------------------------------------

    def window(self) -> str:
        from aict_desktop import i18n
        from aict_desktop.config import Settings

        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QFontMetrics
        from PySide6.QtWidgets import QApplication

        from aict_desktop.app import build_app
        from aict_desktop.ui.fonts import font_files
        from aict_desktop.ui.main_window import PAGES, MainWindow

        app = build_app([sys.argv[0] if sys.argv else "aict-desktop"], Settings())
        font = app.font()
        _need(font.family() == "NanumGothic", _("The program's font is {family}, not NanumGothic").format(
            family=font.family()))
        _need(all(QFontMetrics(font).inFontUcs4(ord(ch)) for ch in "위촉장회의록"),
              _("The program's font has no Hangul glyphs"))
        if i18n.language() == "ko":
            cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
            _need(cancel != "Cancel", _("Qt's own Korean strings (qtbase_ko) are missing"))
        icon = app.windowIcon()  # resources/icons/app.ico and app.png, set by build_app
        sizes = sorted({size.width() for size in icon.availableSizes()})
        _need(not icon.isNull() and {16, 32, 48, 256} <= set(sizes),
              _("The program's icon (resources/icons/app.ico, app.png) could not be loaded"))
        window = MainWindow(Settings(), self.services)
        window.show()
        QApplication.processEvents()
        _need(not window.windowIcon().isNull(), _("The main window has no icon"))
        from aict_desktop.ui.single_instance import serve

        door = serve(window, str(self.folder / "self-test.sqlite"))  # QtNetwork: a second launch raises the window
        _need(door is not None, _("The program cannot listen for a second launch (QtNetwork's local socket)"))
        door.server.close()
        for spec in PAGES:  # pages are imported on first use: a missing module shows up here
            window.show_page(spec.key)
            QApplication.processEvents()
        _need(len(window.pages) == len(PAGES), _("Only {n} of {total} pages opened").format(
            n=len(window.pages), total=len(PAGES)))
        _need(not window.grab().isNull(), _("The main window could not be drawn"))
        window.close()
        QApplication.processEvents()
        fonts = font_files()
        where = fonts[0].parent if fonts else "-"
        return _("{pages} pages opened and closed on the {platform} platform; font {family} from {folder}; "
                 "icon in {sizes} sizes; a second launch is answered").format(
            pages=len(PAGES), platform=app.platformName(), family=font.family(), folder=where, sizes=len(sizes))

    def pdf_preview(self) -> str:
        """The in-program preview (QtPdf) draws the certificate written above: ink on the page, not blank."""
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument

        doc = QPdfDocument()
        doc.load(str(self.folder / "certificate.pdf"))
        _need(doc.status() == QPdfDocument.Status.Ready and doc.pageCount() >= 1,
              _("The preview (QtPdf) could not open the certificate PDF"))
        image = doc.render(0, QSize(298, 421))  # A4 at 36 dpi; the paper is transparent, the ink opaque
        samples = [image.pixelColor(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
        dark = sum(1 for c in samples if c.alpha() > 128 and c.lightness() < 128)
        _need(50 < dark < len(samples) // 4, _("The preview (QtPdf) did not draw the certificate"))
        return _("{pages} pages drawn by QtPdf, {dark} dark sample points on page 1").format(
            pages=doc.pageCount(), dark=dark)

    def close(self) -> None:
        if self.store is not None:
            self.store.dispose()
            self.store = None


CHECKS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    (N_("Program files"), _Run.files),
    (N_("Translations"), _Run.catalogs),
    (N_("Temporary data file"), _Run.database),
    (N_("Demo data"), _Run.demo),
    (N_("Appointment certificate"), _Run.certificate),
    (N_("Editable files"), _Run.editable_files),
    (N_("Server-mode driver"), _Run.server_driver),
    (N_("Keyring"), _Run.keyring),
    (N_("Main window"), _Run.window),
    (N_("Preview"), _Run.pdf_preview),
)


@contextlib.contextmanager
def _report_stream() -> TextIO:
    if sys.stdout is not None:
        yield sys.stdout
        return
    path = Path(tempfile.gettempdir()) / REPORT_NAME  # a windowed program has no console
    with path.open("w", encoding="utf-8") as fh:
        yield fh


@contextlib.contextmanager
def _private_data_dir(folder: Path):
    """Settings, window state and backups of the self-test go to the temporary folder."""
    before = os.environ.get("AICT_DATA_DIR")
    os.environ["AICT_DATA_DIR"] = str(folder / "data")
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("AICT_DATA_DIR", None)
        else:
            os.environ["AICT_DATA_DIR"] = before


def _reason(err: Exception) -> str:
    if isinstance(err, DomainError):
        return err.message
    return str(err) or type(err).__name__


def run(out: TextIO | None = None) -> int:
    """Run every check in order, stopping at the first failure; returns the exit code."""
    with contextlib.ExitStack() as stack:
        stream = out or stack.enter_context(_report_stream())
        say = lambda line: print(line, file=stream, flush=True)  # noqa: E731
        kind = _("bundle") if is_bundled() else _("source")
        say(_("AICT Secretariat {version} self-test ({kind}, Python {python}, {system})").format(
            version=__version__, kind=kind, python=platform.python_version(), system=platform.platform()))
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="aict-self-test-")))
        stack.enter_context(_private_data_dir(folder))
        state = _Run(folder)
        stack.callback(state.close)
        for label, check in CHECKS:
            try:
                detail = check(state)
            except (CheckFailed, DomainError) as err:
                say(_("FAILED  {check}: {reason}").format(check=_(label), reason=_reason(err)))
                return 1
            except Exception as err:  # an unexpected error is exactly what a self-test must report
                say(_("FAILED  {check}: {reason}").format(check=_(label), reason=_reason(err)))
                say("".join(traceback.format_exception(err)))
                return 1
            say(_("OK      {check}: {detail}").format(check=_(label), detail=detail))
        say(_("Self-test passed: {count} checks.").format(count=len(CHECKS)))
    return 0
