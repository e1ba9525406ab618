"""A time limit per document: SIGALRM interrupts an analysis that runs too long.

``chronik ingest`` analyses each document inside ``time_limit`` (in its own process or
in a worker): when the limit passes, DocumentTimeoutError is raised inside the analysis,
the document is recorded as a failure and the process goes on with its resources loaded.
The timer repeats every tenth of a second after it expires, so the limit is not lost
where Python cannot raise it: code that catches a broad exception, or a garbage
collector callback or finaliser that the signal happened to interrupt (Python prints
and drops exceptions raised there). Signals reach only the main thread: elsewhere (a server
thread) no limit is applied. Code stuck inside one C call (a regular expression) sees the
signal only when the call returns; the worker pool's watchdog (store/ingest.py) replaces
workers that stop answering altogether.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from chronik.errors import DocumentTimeoutError

_REPEAT_SECONDS = 0.1


@contextmanager
def time_limit(seconds: float, document: str) -> Iterator[None]:
    """Raise DocumentTimeoutError in the block when it runs longer than ``seconds`` (0: none)."""
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        reason = (
            f"analysis took longer than {seconds:g} s and was stopped "
            "(raise CHRONIK_MAX_SECONDS to allow more)"
        )
        raise DocumentTimeoutError(reason, document=document)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
