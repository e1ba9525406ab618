"""Hypothesis settings for the robustness suite: few, slow examples, no deadline.

``analyze`` takes 0.1-0.3 s per article, so the default is 30 examples per property
(about a minute for the suite). ``CHRONIK_PROPERTY_EXAMPLES=2000 pytest tests/robustness``
runs a long search.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "chronik-robustness",
    max_examples=int(os.environ.get("CHRONIK_PROPERTY_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("CHRONIK_PROPERTY_RANDOM") is None,
)
ROBUST = settings.get_profile("chronik-robustness")
