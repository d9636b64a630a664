"""``aict``: the automation command over the same services as the GUI (DESIGN §4).

Exit codes: 0 success, 1 bad input (nothing changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys

from aict_desktop import __version__
from aict_desktop.cli import common
from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _, install, language_from_environment

# Each module adds its verbs with ``register(subparsers)``; handlers take (args) → exit code.
_COMMAND_MODULES = [
    "aict_desktop.cli.store_cmds",
    "aict_desktop.cli.listing",
    "aict_desktop.cli.importing",
    "aict_desktop.cli.demo_cmd",
    "aict_desktop.cli.privacy_cmds",
    "aict_desktop.cli.certificates",
    "aict_desktop.cli.registers",  # adds the register kinds to `export`: before cli.exporting
    "aict_desktop.cli.exporting",
    "aict_desktop.cli.notices_cmd",
    "aict_desktop.cli.report_cmd",
]


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="aict",
        description=_("AICT Secretariat: automation command for rosters, certificates, meetings and backups."),
    )
    parser.add_argument("--version", action="version", version=f"aict {__version__}")
    common.add_global_options(parser, top=True)
    sub = parser.add_subparsers(dest="verb", metavar=_("COMMAND"))
    sub.required = True
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _early_lang(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    install(language_from_environment(_early_lang(argv)))
    common.ensure_utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    try:
        return int(args.handler(args) or 0)
    except DomainError as err:
        print(_("Error: {message}").format(message=err.message), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("Interrupted; nothing more was changed."), file=sys.stderr)
        return 1
    except BrokenPipeError:  # `aict list … | head` closed the pipe: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
