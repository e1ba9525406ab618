"""The collector setting of batch processes."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from chronik.resources import Resources
from chronik.store.batch_process import OLDER_THRESHOLD, YOUNG_THRESHOLD, tune_for_batch
from chronik.store.ingest import load_resources


@pytest.fixture
def restored_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


@pytest.mark.usefixtures("restored_thresholds")
def test_tuning_raises_the_young_threshold_and_is_idempotent() -> None:
    gc.set_threshold(700, 10, 10)
    tune_for_batch()
    tune_for_batch()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, OLDER_THRESHOLD, OLDER_THRESHOLD)
    assert gc.isenabled()


@pytest.mark.usefixtures("restored_thresholds")
def test_every_engine_s_resource_loading_tunes_its_process(resources: Resources) -> None:
    gc.set_threshold(700, 10, 10)
    assert load_resources(resources.settings, resources) is resources
    assert gc.get_threshold()[0] == YOUNG_THRESHOLD
