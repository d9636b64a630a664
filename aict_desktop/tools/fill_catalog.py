"""Fill missing Korean translations from a Python file holding a dict ``T = {msgid: translation}``.

    python -m aict_desktop.tools.fill_catalog new_ko.py   # then python -m aict_desktop.tools.i18n

Only empty entries are filled; existing translations are never overwritten.
"""

from __future__ import annotations

import runpy
import sys

from babel.messages.pofile import read_po, write_po

from aict_desktop.resources import i18n_dir


def main(path: str) -> int:
    table = runpy.run_path(path)["T"]
    po = i18n_dir() / "ko" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale="ko")
    filled = 0
    for m in catalog:
        key = m.id if isinstance(m.id, str) else m.id[0]
        if m.id and not m.string and key in table:
            m.string = table[key]
            filled += 1
    with po.open("wb") as fh:
        write_po(fh, catalog, width=120, sort_output=True, omit_header=False)
    print(f"filled {filled} of {len(table)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
