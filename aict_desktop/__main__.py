"""``aict-desktop`` and ``python -m aict_desktop``: start the program."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    from aict_desktop import i18n
    from aict_desktop.config import Settings

    i18n.install(Settings.load().language)
    _ = i18n._
    parser = argparse.ArgumentParser(prog="aict-desktop", description=_("AICT Secretariat desktop program"))
    parser.add_argument("--db", metavar="PATH", help=_("the data file to open (default: the program's data file)"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("check this copy of the program on a temporary data file, print what was checked, exit"))
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    if args.self_test:
        from aict_desktop.selftest import run as self_test

        return self_test()
    from aict_desktop.app import run

    return run(args.db, [sys.argv[0], *qt_args])


if __name__ == "__main__":
    sys.exit(main())
