"""Process pools whose workers end with their parent.

A parent killed by SIGKILL cannot shut its pool down; without this its workers (and, through
the pipe they inherit, multiprocessing's resource tracker) would live on as orphans.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def exit_with_parent(parent: int) -> None:
    """Pool initializer: this worker ends when `parent` (the pool's owner) is gone."""
    if sys.platform.startswith("linux"):  # immediate, even while a worker is busy in C code
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG

    def watch() -> None:  # the portable fallback: an orphan is re-parented
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    if os.getppid() != parent:  # died before the watch could start
        os._exit(1)
    threading.Thread(target=watch, name="tron-parent-watch", daemon=True).start()


def process_pool(workers: int) -> ProcessPoolExecutor:
    # spawn: no inherited state, so a worker computes exactly what the parent would
    ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=exit_with_parent, initargs=(os.getpid(),)
    )
