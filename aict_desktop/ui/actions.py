"""One registry for menu, toolbar and keyboard actions (Picard's ``ui/mainwindow/actions.py`` habit)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QWidget

from aict_desktop.i18n import N_, _


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str  # English msgid (N_)
    menu: str  # "file" | "edit" | "view" | "help"
    shortcut: QKeySequence.StandardKey | str | None = None
    icon: str | None = None  # a QStyle.StandardPixmap, by name (see ActionRegistry.load_icons)
    toolbar: bool = False
    tip: str = ""


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new", N_("New"), "edit", QKeySequence.StandardKey.New, "SP_FileIcon", True,
               N_("New record on this page")),
    ActionSpec("save", N_("Save"), "edit", QKeySequence.StandardKey.Save, "SP_DialogSaveButton",
               True, N_("Save the record being edited")),
    ActionSpec("delete", N_("Delete"), "edit", "Ctrl+Delete", "SP_TrashIcon", True,
               N_("Delete the selected record")),
    ActionSpec("search", N_("Find"), "edit", QKeySequence.StandardKey.Find, None, False, N_("Go to the search box")),
    ActionSpec("refresh", N_("Refresh"), "view", QKeySequence.StandardKey.Refresh,
               "SP_BrowserReload", True, N_("Reload this page")),
    ActionSpec("print", N_("Preview and print…"), "file", QKeySequence.StandardKey.Print, None, True,
               N_("Preview this page's document and print it")),
    ActionSpec("import", N_("Import from Excel/CSV…"), "file", "Ctrl+I", "SP_DialogOpenButton",
               True, N_("Import institutions or people")),
    ActionSpec("backup", N_("Back up now…"), "file", None, None, False, N_("Copy the data file to a backup")),
    ActionSpec("restore", N_("Restore from a backup…"), "file", None, None, False,
               N_("Replace the data file with a backup (the current file is kept beside it)")),
    ActionSpec("access_log", N_("Access log (접속기록)…"), "file", None, None, False,
               N_("Who viewed, exported or printed personal data")),
    ActionSpec("key_export", N_("Export the encryption key…"), "file", None, None, False,
               N_("For moving the data file to another PC: the key that opens 주민등록번호 and bank accounts")),
    ActionSpec("key_import", N_("Import the encryption key…"), "file", None, None, False,
               N_("The key file exported on the old PC")),
    ActionSpec("quit", N_("Quit"), "file", QKeySequence.StandardKey.Quit, None, False),
    ActionSpec("help", N_("Guide"), "help", QKeySequence.StandardKey.HelpContents, None, False,
               N_("A short guide: first steps, meeting mode keys, certificates, backups")),
    ActionSpec("about", N_("About AICT Secretariat"), "help", None, None, False),
)

MENUS = (("file", N_("&File")), ("edit", N_("&Edit")), ("view", N_("&View")), ("go", N_("&Go")), ("help", N_("&Help")))


def set_shortcut(act: QAction, key: QKeySequence.StandardKey | str) -> None:
    """A standard key gets every binding the platform has for it (F5 and Ctrl+R for Refresh, …).

    ``setShortcuts`` rather than ``setShortcut``: the latter's overload check builds PySide6's Qt
    namespace enums (≈20 ms) before the window is first on screen.
    """
    act.setShortcuts(key if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)])


class ActionRegistry:
    """Builds every QAction once; the window connects them to its handlers."""

    def __init__(self, parent: QWidget):
        self.parent = parent
        self.actions: dict[str, QAction] = {}
        self.icons_loaded = False
        blank = QPixmap(16, 16)
        blank.fill(QColor(0, 0, 0, 0))  # transparent: the icon's room is kept until the style's icon comes (load_icons)
        placeholder = QIcon(blank)
        for spec in SPECS:
            act = QAction(_(spec.text), parent)
            act.setObjectName(f"action_{spec.key}")
            if spec.shortcut is not None:
                set_shortcut(act, spec.shortcut)
            if spec.icon is not None:
                act.setIcon(placeholder)
            if spec.tip:
                tip = _(spec.tip)
                if spec.shortcut is not None:
                    tip += f" ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                act.setToolTip(tip)
                act.setStatusTip(_(spec.tip))
            self.actions[spec.key] = act

    def load_icons(self) -> None:
        """The style's standard icons on the actions. After the window's first paint: importing ``QStyle``
        makes PySide6 build its ten enums (about 560 members, ≈12 ms), which would come before the window
        is on screen; until then each icon's room is kept by a transparent one, so nothing moves."""
        if self.icons_loaded:
            return
        self.icons_loaded = True
        from PySide6.QtWidgets import QStyle

        style = self.parent.style()
        for spec in SPECS:
            if spec.icon is not None:
                self.actions[spec.key].setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, spec.icon)))

    def add_page_action(self, key: str, text: str, shortcut: str) -> QAction:
        act = QAction(text, self.parent)
        act.setObjectName(f"action_{key}")
        set_shortcut(act, shortcut)
        self.actions[key] = act
        return act

    def connect(self, key: str, slot: Callable[[], object]) -> None:
        self.actions[key].triggered.connect(lambda _checked=False: slot())

    def __getitem__(self, key: str) -> QAction:
        return self.actions[key]

    def specs(self) -> tuple[ActionSpec, ...]:
        return SPECS
