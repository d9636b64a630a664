"""도움말: a short built-in guide (first steps, meeting mode keys, certificates, backups), no network needed."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from aict_desktop.i18n import N_, _
from aict_desktop.ui.base_dialog import BaseDialog

# (heading, paragraphs): English msgids, translated when shown
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("First steps"), (
        N_("1. Bodies: create the committee (name, appointing authority, default term, quorum rules)."),
        N_("2. Institutions: import them from Excel or CSV (File → Import), or add them one by one. The import "
           "window names the columns a file needs; 'Save template…' gives an Excel file with them to fill in."),
        N_("3. Members & appointments: import or add the people, select them and press 'Appoint…'."),
        N_("4. Meetings: prepare a meeting (date, place, agenda), send the notice, then open meeting mode."),
        N_("Typed changes are saved with Save (Ctrl+S); leaving a record with unsaved changes asks first."),
        N_("On a new data file the dashboard lists these steps under 'What to do first', each with a button."),
    )),
    (N_("Preview and print"), (
        N_("Every document opens in the preview first. Fit page or Fit width; Ctrl++ and Ctrl+- zoom, Ctrl+0 is "
           "100 %, Ctrl with the mouse wheel too."),
        N_("PageUp/PageDown go to the previous or next page, Home/End to the first or last; or type the page."),
        N_("Print prints every page at 100 %, centred on the paper, so a certificate lands on pre-printed paper."),
    )),
    (N_("Meeting mode keys"), (
        N_("Alt+↑/↓ or Ctrl+PgUp/PgDn: previous or next agenda item."),
        N_("F2 attendance: 1 present, 2 absent, 3 proxy, 4 written, 5 online, 6 left, 0 not known."),
        N_("F3 notes · F4 vote · F6 action item · Ctrl+S save. Notes are also saved on their own every few seconds."),
    )),
    (N_("Certificates"), (
        N_("The Certificates page lists the appointments without a certificate. Select them and issue: each gets "
           "a serial number in the register, and the PDF opens in the preview to print or save."),
        N_("A certificate issued by mistake is voided with a reason; its serial number is never reused."),
        N_("The seal and the layout are set in Settings."),
    )),
    (N_("Backups"), (
        N_("File → Back up now… copies the data file to a folder you choose; keep a copy on another drive."),
        N_("A backup is checked when it is made. To go back to one, use File → Restore from a backup…, never a "
           "file copy over the open data file; the file it replaces is kept beside it."),
    )),
)


def guide_html() -> str:
    parts = []
    for heading, paragraphs in SECTIONS:
        parts.append(f"<h3>{escape(_(heading))}</h3>")
        parts.extend(f"<p>{escape(_(p))}</p>" for p in paragraphs)
    return "".join(parts)


class HelpDialog(BaseDialog):
    state_key = "help_dialog"
    _open: HelpDialog | None = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Guide"))
        self.resize(620, 520)
        lay = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName("help_text")
        self.text.setHtml(guide_html())
        lay.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    @classmethod
    def show_for(cls, parent: QWidget) -> HelpDialog:
        """Shown beside the window (not modal: the user can follow the steps while it is open)."""
        try:
            reuse = cls._open is not None and cls._open.parent() is parent
        except RuntimeError:  # the window it belonged to is gone
            reuse = False
        if not reuse:
            cls._open = cls(parent)
        cls._open.show()
        cls._open.raise_()
        return cls._open
