"""Plans of three cpa channels named to trip a path's reading (docs/formulas.md §12): a name that is another
item's index, a key of the file, or holds brackets or an '='. Shared by the tests that run every path or channel
reference an option reads or offers through --set (tests/cli/test_grid_reads_as_set.py,
tests/cli/test_channel_references_read_as_set.py)."""

from __future__ import annotations

import re
from pathlib import Path

PLAN = """\
name: t
start: 2025-01
horizon_months: 6
retention: {{monthly_churn: 0.2}}
acquisition:
  - {{name: "{0}", type: cpa, bid: 30, budget: 9000}}
  - {{name: "{1}", type: cpa, bid: 12, budget: 5000}}
  - {{name: "{2}", type: cpa, bid: 20, budget: 4000}}
monetization:
  plans:
    - {{name: Annual, price: 99, period: year, conversion: 0.04}}
"""
NAMES = {
    "one": ("1", "B", "C"),  # [1] is B, and the channel named 1 is item 0
    "zero": ("A", "0", "C"),  # [0] is A, and the channel named 0 is item 1
    "shared": ("1", "B", "B"),  # the B of [1] has no path: its name is shared and its index another's name
    "key": ("1", "retention", "C"),  # retention is a key of the file: the channel is acquisition[retention]
    "bracket": ("A[1]", "B", "C"),  # A[1] is written by its index, acquisition[0]
    "bracket_one": ("1", "A[1]", "C"),  # A[1] is item 1, which [1] cannot name: no path names it
    "plain": ("A", "B", "C"),
    "both": ("1", "0", "C"),  # [0] and [1] each read as an index and as the other's name: 1 and 0 name them
    "equals": ("k=v", "B", "C"),  # k=v is written by its index, acquisition[0]: 'k=v.bid=7.5' or 'k=v=GLOB' reads as k
    "equals_one": ("1", "k=v", "C"),  # k=v is item 1, which [1] cannot name: no path names it
}
"""The channels' names of each plan, by the plan's name."""


def written_plans(folder: Path) -> dict[str, Path]:
    """Each plan of ``NAMES`` written in ``folder``, by its name."""
    written = {}
    for name, names in NAMES.items():
        written[name] = folder / f"{name}.yaml"
        written[name].write_text(PLAN.format(*names), encoding="utf-8")
    return written


def offered_in(refusal: str) -> list[str]:
    """The paths or references a refusal offers to write instead: the ones meant, an index path, those a "did you
    mean" names, an unknown channel's list of channels; none for an unknown key (it offers a key, no path)."""
    if refusal.startswith("unknown key"):
        return []
    for pattern in (r"write the one meant(?: by its name alone| at its path)?, (.*)$", r": write (.*)$"):
        if found := re.search(pattern, refusal):
            return found[1].split(" or ")
    if found := re.search(r"did you mean ((?:'[^']*'(?: or )?)+)\?$", refusal):
        return re.findall(r"'([^']*)'", found[1])
    if found := re.search(r"channels: ((?:'[^']*'(?:, )?)+)$", refusal):
        return re.findall(r"'([^']*)'", found[1])
    return []
