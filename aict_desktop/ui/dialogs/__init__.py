"""One file per dialog; each has an ``ask()`` classmethod (tests build the dialog and call ``submit()``)."""
