"""The PySide6 desktop program: main window, pages, dialogs, table models, widgets.

Only this package (with app.py, __main__.py and tools/screenshots.py) imports Qt.
"""
