"""The library computes as numpy's defaults have it whatever error state its caller set (QA of the library).

``np.seterr(all="raise")`` is a notebook's habit for hunting NaNs in its own code: with it, a channel's share of
1e12 posts, ``q ** posts`` as an exponential, underflowed to 0 and raised ``FloatingPointError`` out of
``figures``, ``simulate``, ``sensitivity`` and ``break_even``. The engine reads an underflow as the 0 it is
(model/engine.py), and hands the caller's state back unchanged.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from aigc_roi import api

PLAN = Path(__file__).resolve().parents[2] / "scenarios" / "creators-first-gated.yaml"


def test_a_callers_raise_on_every_float_error_changes_no_figure() -> None:
    many_posts = api.load(PLAN, sets=["acquisition[0].posts=1e12"])
    nobody_renews = api.load(PLAN, sets=["monetization.plans[0].renewal=0"])
    expected = api.figures(many_posts), api.break_even(nobody_renews)
    with np.errstate(all="raise"):
        assert (api.figures(many_posts), api.break_even(nobody_renews)) == expected
        api.simulate(many_posts, samples=200)
        api.sensitivity(many_posts)
        assert np.geterr() == {"divide": "raise", "over": "raise", "under": "raise", "invalid": "raise"}
