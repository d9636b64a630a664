"""The main window's word on its data file: the red banner while the file is not safe, the yellow one when it
is opened read-only, and the window left open saying why when the file could not be opened.

A mixin of ``MainWindow`` (it builds the banners and the check timer in ``_build_banners``).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from aict_desktop.i18n import _
from aict_desktop.ui.feedback import error_text, show_error

STORE_CHECK_MS = 2000


class DataFileBanners:
    """Needs the window's ``services``, ``registry``, ``pages``, ``stack``, ``loading`` and ``_select_nav``."""

    def _build_banners(self) -> None:
        self.store_banner = QLabel()  # the data file is no longer safe: said here until it is
        self.store_banner.setObjectName("store_banner")
        self.store_banner.setWordWrap(True)
        self.store_banner.hide()
        self.read_only_banner = QLabel()  # opened read-only: the data shows, changes are not saved
        self.read_only_banner.setObjectName("read_only_banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.hide()
        self.read_only = False
        self._store_problem: str | None = None
        self._store_timer = QTimer(self, interval=STORE_CHECK_MS)
        self._store_timer.timeout.connect(self.check_store)

    def check_store(self) -> str | None:
        """The banner follows ``store.problem()``; a new problem is also told once in a message."""
        store = getattr(self.services, "store", None)
        problem = store.problem() if hasattr(store, "problem") else None
        if problem == self._store_problem:
            return problem
        self._store_problem = problem
        self.store_banner.setText(problem or "")
        self.store_banner.setVisible(problem is not None)
        if problem is not None:
            show_error(self, problem, _("The data file is not safe"))
        return problem

    def set_read_only(self, reason: str) -> None:
        """The data file can be read but not written: show it, say so, and offer no commands that write."""
        self.read_only = True
        self.read_only_banner.setText(reason)
        self.read_only_banner.show()
        for key in ("new", "save", "delete", "import"):
            self.registry[key].setEnabled(False)
        self.setWindowTitle(_("AICT Secretariat (read-only)"))

    def fail(self, err: BaseException) -> None:
        """The data file could not be opened: say why, in a message and on the window, which stays open."""
        text = error_text(err)
        painted = self.pages.pop("dashboard", None)
        if painted is not None:  # the first paint's figures are not shown for a file that did not open
            self.stack.removeWidget(painted)
            painted.deleteLater()
        self.stack.setCurrentWidget(self.loading)
        self._select_nav(None)  # no page selected
        self.loading.setText(_("The data file could not be opened.") + "\n\n" + text)
        self.loading.setWordWrap(True)
        self.store_banner.setText(text)
        self.store_banner.show()
        show_error(self, text, _("The data file could not be opened"))
