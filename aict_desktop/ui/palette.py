"""One light look on every PC, whatever the system's dark mode says.

Windows 10/11 in dark mode hands Qt a dark palette, while many labels of the program carry colours of
their own (a grey hint, a yellow banner, a red warning) chosen for a light window: dark grey on dark grey
could not be read. ``install`` sets the Fusion style and a light palette with every colour role of every
group set (a role left unset would be filled in from the system's dark palette), asks the platform for
the light colour scheme (the title bars follow where it can), and sets them again when the system
switches to dark mode while the program runs. Called once, from ``app.build_app``.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Fusion's own light colours; disabled text a little darker than Fusion's so that it can still be read
ACTIVE = {
    "WindowText": "#000000", "Button": "#efefef", "Light": "#ffffff", "Midlight": "#cacaca", "Dark": "#9f9f9f",
    "Mid": "#b8b8b8", "Text": "#000000", "BrightText": "#ffffff", "ButtonText": "#000000", "Base": "#ffffff",
    "Window": "#efefef", "Shadow": "#767676", "Highlight": "#308cc6", "HighlightedText": "#ffffff",
    "Link": "#0b57d0", "LinkVisited": "#7b1fa2", "AlternateBase": "#f7f7f7", "ToolTipBase": "#ffffdc",
    "ToolTipText": "#000000", "PlaceholderText": "#80000000", "Accent": "#308cc6",
}
DISABLED = {
    "WindowText": "#8f8f8f", "Text": "#8f8f8f", "ButtonText": "#8f8f8f", "Base": "#efefef", "Shadow": "#b1b1b1",
    "Highlight": "#919191", "Dark": "#bebebe",
}


def light_palette() -> QPalette:
    palette = QPalette()
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
    for name in ACTIVE:
        role = getattr(QPalette.ColorRole, name, None)
        if role is None:  # a role this Qt does not have (Accent is Qt 6.6)
            continue
        for group in groups:
            hex_ = DISABLED.get(name, ACTIVE[name]) if group == QPalette.ColorGroup.Disabled else ACTIVE[name]
            palette.setColor(group, role, QColor(hex_))
    return palette


def _apply(app, set_style: bool = True) -> None:
    if set_style and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # before the palette: a new style brings its own
    app.setPalette(light_palette())


def _ask_light_scheme(app) -> None:
    """The light colour scheme for what the platform draws itself (title bars), where it can (Qt ≥ 6.8).
    After the first paint: the first use of ``Qt`` builds its ~90 enums (start-up time)."""
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Light)


SCHEME_DELAY_MS = 250  # after the window's first paint (see _ask_light_scheme)
_watched: list[QGuiApplication] = []  # the application whose colour-scheme switches are followed


def install(app: QGuiApplication, *, set_style: bool = True) -> None:
    """Fusion and the light palette, now and after every switch of the system's colour scheme.

    ``set_style=False`` when the application was created with ``-style Fusion``: asking for its style here
    would make it now (≈7 ms before the window is first on screen) instead of when a widget needs it."""
    _apply(app, set_style)
    if app in _watched:
        return
    _watched[:] = [app]
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda *_scheme: _apply(app))
    QTimer.singleShot(SCHEME_DELAY_MS, lambda: _ask_light_scheme(app))
