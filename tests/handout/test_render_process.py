"""The render process (kiosk/handout/render_process.py): ReportLab runs in a child process, so the GUI thread
never waits for the GIL behind it; when the child cannot work, the same result comes from the calling thread."""

from __future__ import annotations

import os
import pickle
from datetime import datetime

import pytest

from kiosk.handout import render_process
from kiosk.handout.documents import make_documents
from kiosk.survey.sample import SAMPLE_ANSWERS

PARENT = os.getpid()


def dies_unless_in(pid: int) -> str:
    """Kills the process it runs in, unless that is `pid` (a render process that crashes mid-request)."""
    if os.getpid() != pid:
        os._exit(3)
    return "made here"


@pytest.fixture
def fresh_process():
    render_process.shutdown()
    yield
    render_process.shutdown()


def test_the_work_runs_in_another_process(fresh_process):
    child = render_process.call(os.getpid)
    assert child != os.getpid()
    assert render_process.call(os.getpid) == child   # one process, kept


def test_content_and_config_cross_to_it_unchanged(shipped_content, config):
    assert pickle.loads(pickle.dumps((shipped_content, config))) == (shipped_content, config)


def test_documents_made_there_are_those_made_here(fresh_process, shipped_content, config):
    now = datetime(2026, 12, 8, 9, 30)
    there = render_process.call(make_documents, shipped_content, config, SAMPLE_ANSWERS, "es", now)
    here = make_documents(shipped_content, config, SAMPLE_ANSWERS, "es", now)
    assert there.handout_spec == here.handout_spec and there.summary_spec == here.summary_spec
    assert there.handout.startswith(b"%PDF") and there.summary.startswith(b"%PDF")
    numbered = render_process.call(there.numbered, 12)
    assert numbered.number == 12 and numbered.handout != there.handout


def test_a_render_process_that_dies_leaves_the_work_to_the_calling_thread(fresh_process, caplog):
    assert render_process.call(dies_unless_in, PARENT) == "made here"
    assert "render.in_thread" in caplog.text
    assert render_process.call(os.getpid) == os.getpid()   # from then on, here (until a restart)


KILLED_KIOSK = """
import os
from kiosk.handout import render_process
if __name__ == "__main__":
    print(render_process.call(os.getpid), flush=True)
    os.kill(os.getpid(), 9)
"""


def test_the_render_process_ends_when_the_kiosk_is_killed(tmp_path):
    import subprocess
    import sys
    import time

    script = tmp_path / "killed_kiosk.py"
    script.write_text(KILLED_KIOSK)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, PYTHONPATH=root))
    assert result.returncode == -9, result.stderr
    child = int(result.stdout.split()[0])

    def alive() -> bool:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return False
        return not open(f"/proc/{child}/stat").read().split(")")[1].split()[0] == "Z"   # a zombie has ended

    deadline = time.monotonic() + 60
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(), "the render process outlived the killed kiosk"
