"""Hypothesis settings for the plugin's tests.

Cables are large examples, and a loaded machine makes their generation slow now and
then; neither is worth a failure here, so the time-based checks are off.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "cablelib-wordcount",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("cablelib-wordcount")
