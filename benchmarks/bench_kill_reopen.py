"""Robustness figure for meeting mode: SIGKILL while typing, 20 times (issue 5 item 3).

    python benchmarks/bench_kill_reopen.py [--runs 20] [--interval-ms 50] [--seed N]

Each run starts the real meeting-mode window in its own process (offscreen),
types into the minutes notes at a steady pace, is killed at a random moment
0.3–4 s into typing, and the data file is read back. A run fails if the saved
text is not exactly the start of what was typed, or if anything typed more
than 1 s before the kill is missing. Prints runs, failures, and the worst
"lost seconds" (how long before the kill the first unsaved character was typed).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--interval-ms", type=int, default=50)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--file-dialog-first", action="store_true",
                    help="each run first opens the save dialog on the data folder and another process reads the file")
    args = ap.parse_args()

    from aict_desktop import i18n
    from tests.e2e.kill_harness import prepare, run_once

    i18n.install("ko")
    rng = random.Random(args.seed)
    failures, worst, typed, saved = 0, 0.0, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kill.sqlite"
        meeting_id, item_id = prepare(db)
        for n in range(1, args.runs + 1):
            r = run_once(db, meeting_id, item_id, rng=rng, interval_ms=args.interval_ms,
                         file_dialog_first=args.file_dialog_first)
            failures += not r.ok
            worst = max(worst, r.lost_seconds)
            typed += r.typed
            saved += r.saved
            print(f"run {n:2d}: killed {r.kill_after:4.2f}s into typing, typed {r.typed:3d}, saved {r.saved:3d}, "
                  f"lost {r.lost_seconds:4.2f}s {'ok' if r.ok else 'FAIL'}", flush=True)
    print(f"seed {args.seed}, typing every {args.interval_ms} ms"
          + (", after a file dialog on the data folder, with another reader" if args.file_dialog_first else ""))
    print(f"runs: {args.runs}, failures: {failures}, worst lost seconds: {worst:.2f}, "
          f"characters typed: {typed}, saved: {saved}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
