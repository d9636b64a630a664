"""100 SIGKILLs at random moments during writes: every file passes `aict check`, nothing confirmed is lost.

The writers save minutes notes, appoint people, set encrypted 주민등록번호 (with
their access-log entries), create tasks, issue 위촉장 and import CSV files of
people; every import, confirmed or cut off, must be all there or not at all.
"""

import sys

import pytest

from tests.robustness.crash_harness import campaign

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="uses fork and SIGKILL"),
    pytest.mark.timeout(600),
]


def test_hundred_sigkills_lose_nothing_confirmed(tmp_path):
    summary = campaign(tmp_path / "crash", runs=100, files=10)
    print(summary.line())
    assert summary.runs == 100
    assert summary.confirmed > 200  # the writers really wrote between the kills
    assert set(summary.by_op) >= {"notes", "appoint", "rrn", "task", "certificate", "import"}
    assert summary.check_failures == []
    assert summary.lost == []
    assert summary.child_errors == []
