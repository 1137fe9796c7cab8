"""ReportLab in a process of its own, so a patient's tap never waits for the GIL behind a handout being made.

ReportLab is pure Python. On the handout and printing worker threads it shared the GIL with the GUI thread, and
the soak's longest GUI blocks were the GUI thread waiting for the GIL while a handout was rendered (the previous
patient's, numbered for printing, while the next patient tapped; issue 20). The worker threads now hand the
rendering to one child process and wait for its answer (waiting gives the GIL up); the GUI thread never calls
this module.

- One child, started with "spawn" on first use (forking a process that runs Qt threads is unsafe) and kept for
  the kiosk's life; `shutdown()` at exit, and the child ends by itself when the kiosk process ends any other way.
- A request carries all it needs, content and config included (they pickle to ~85 KB in ~1 ms), so the child
  holds nothing between requests: no patient's answers stay in it.
- When the child cannot start or dies, the work is done on the calling thread, as before, and the log says so.
"""

from __future__ import annotations

import atexit
import copyreg
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import MappingProxyType
from typing import Any, Callable

log = logging.getLogger("kiosk.handout")

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_broken = False


def _mapping(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


# Content keeps its texts in read-only mappings, which pickle cannot send as they are: as a dict, made read-only
# again on arrival.
copyreg.pickle(MappingProxyType, lambda proxy: (_mapping, (dict(proxy),)))


def call(function: Callable[..., Any], *args: Any) -> Any:
    """`function(*args)` in the render process (a module-level function, or a method given its object first);
    on this thread when there is no render process. Exceptions come back as they were raised."""
    pool = _the_pool()
    if pool is not None:
        try:
            call_bytes = pickle.dumps((function, args))
        except (pickle.PicklingError, AttributeError, TypeError):
            # a function defined inside another (a test's stand-in for ReportLab), as the function or among the
            # arguments, cannot be sent: it runs on the calling thread
            return function(*args)
        try:
            return pool.submit(_run, call_bytes).result()
        except BrokenProcessPool:
            _give_up("the render process stopped")
    return function(*args)


def _run(call_bytes: bytes) -> Any:
    """In the render process: the call pickled once, in the caller's thread (a call that cannot be pickled
    is known there, apart from any error the function itself raises here)."""
    function, args = pickle.loads(call_bytes)
    return function(*args)


def _the_pool() -> ProcessPoolExecutor | None:
    global _pool
    with _lock:
        if _pool is None and not _broken:
            try:
                _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_end_with_parent)
            except (OSError, ValueError) as error:
                log.warning("render.process_unavailable error=%s", type(error).__name__)
                return None
        return _pool


def _end_with_parent() -> None:
    """In the render process: exit when the kiosk does, however it ends (a kill, a crash, a power button), so
    no render process outlives it (they piled up, one per killed kiosk, in the tests)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])   # ready once the parent process has ended
        os._exit(0)

    threading.Thread(target=watch, name="kiosk-watch", daemon=True).start()


def _give_up(why: str) -> None:
    global _pool, _broken
    with _lock:
        pool, _pool, _broken = _pool, None, True
    log.warning("render.in_thread reason=%s", why.replace(" ", "_"))
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """Stop the render process (at exit; tests). A later call starts a new one."""
    global _pool, _broken
    with _lock:
        pool, _pool, _broken = _pool, None, False
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown)
