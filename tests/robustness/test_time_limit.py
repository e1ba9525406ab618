"""The per-document time limit of ingest (chronik.store.time_limit)."""

from __future__ import annotations

import signal
import threading

import pytest

from chronik.errors import DocumentTimeoutError, InputError
from chronik.store.time_limit import time_limit


def _spin(iterations: int) -> int:
    total = 0
    for number in range(iterations):
        total += number % 7
    return total


def test_time_limit_stops_a_long_computation_with_a_one_line_input_error() -> None:
    with pytest.raises(DocumentTimeoutError) as caught, time_limit(0.2, "slow.txt"):
        while True:
            _spin(10_000)
    error = caught.value
    assert isinstance(error, InputError) and error.code == "E105"
    assert str(error) == (
        "[E105] slow.txt: analysis took longer than 0.2 s and was stopped "
        "(raise CHRONIK_MAX_SECONDS to allow more)"
    )
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the timer is off again


def test_time_limit_is_raised_again_when_swallowed() -> None:
    swallowed = 0
    with pytest.raises(DocumentTimeoutError), time_limit(0.1, "x"):
        while True:
            try:
                while True:
                    _spin(10_000)
            except Exception:  # a broad handler inside the analysis
                swallowed += 1
                if swallowed > 1:
                    raise
    assert swallowed == 2


def test_time_limit_restores_the_previous_handler_and_lets_fast_work_finish() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5.0, "x"):
        result = _spin(1000)
    assert result == _spin(1000)
    assert signal.getsignal(signal.SIGALRM) == before


@pytest.mark.parametrize("seconds", [0.0, -1.0])
def test_time_limit_zero_means_no_limit(seconds: float) -> None:
    with time_limit(seconds, "x"):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_off_the_main_thread_is_no_limit() -> None:
    seen: list[tuple[float, float]] = []

    def work() -> None:
        with time_limit(0.01, "x"):
            seen.append(signal.getitimer(signal.ITIMER_REAL))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [(0.0, 0.0)]
