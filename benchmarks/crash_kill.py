"""Figures of the crash test: N SIGKILLs at random moments during writes (default 100 on 10 files).

    python benchmarks/crash_kill.py [RUNS] [FILES]

Prints runs, confirmed writes per kind, failures (aict check failures, confirmed writes lost,
writers that died of an error) and the time taken.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aict_desktop.i18n import install  # noqa: E402
from tests.robustness.crash_harness import campaign  # noqa: E402


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    install("ko")
    with tempfile.TemporaryDirectory() as tmp:
        summary = campaign(Path(tmp) / "crash", runs=runs, files=files)
    print(summary.line())
    for problem in summary.check_failures + summary.lost + summary.child_errors:
        print("  " + problem)
    return 0 if summary.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
