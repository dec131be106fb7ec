"""A scenario built or changed in code (``api.Scenario``, ``dataclasses.replace``), held to the rules a file is read
by: written as the tree of its file (reader/written_tree.py) and read as a file is, so that every rule is the
reader's one rule and every refusal its words, located by the argument that gave the scenario and the field's path
(``scenario: virality: expected a number >= 0 and < 1, found 1.5``)."""

from __future__ import annotations

import dataclasses
from typing import Any

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.scenario import Distribution, Milestone, Scenario
from aigc_roi.reader.load import read_warned
from aigc_roi.reader.valid_scenarios import known, remember
from aigc_roi.reader.written_tree import scenario_tree


def checked(scenario: Scenario, where: str = "scenario") -> Scenario:
    """``scenario`` as its file reads: itself, where the reader reads it unchanged (one the reader built is not read
    again), or as the reader reads it (a month list sorted, ``"25"`` the number 25). Raises ``ScenarioInvalid`` with
    every problem, each a ``ScenarioError`` whose ``file`` is ``where`` (the argument, ``scenarios[1]``), at line 0:
    no place in a file."""
    return checked_warned(scenario, where)[0]


def checked_warned(scenario: Scenario, where: str = "scenario") -> tuple[Scenario, tuple[ScenarioError, ...]]:
    """``checked``'s scenario with the warnings its file would draw (``LoadedScenario.warnings``), located as its
    errors (``scenario: discount_rate: 5 is 500% a year, ...``): those drawn when it was first read for one not read
    again, none for one the reader built, whose warnings are told with what read it (``load_plan``'s ``warnings``).
    Which of them to tell is reader/told_warnings.py's."""
    warnings = known(scenario)
    if warnings is not None:
        return scenario, warnings
    read, warnings = read_warned(scenario_tree(scenario), where, code_built=True)
    return remember(as_given(scenario, read), warnings), warnings


MILESTONE_AT = "targets.milestones[0]"
"""Where ``milestone_as_read`` reads a milestone given alone, whose errors it locates there."""


def milestone_as_read(scenario: Scenario, milestone: Milestone) -> tuple[Milestone, tuple[ScenarioError, ...]]:
    """``milestone`` (given in code, as ``allocate``'s ``reach``) as the file of ``scenario`` (valid) reads it as its
    only milestone: its month and value in the file's grammar (``6.0`` month 6, ``"1000"`` or a 0-d array the
    number), held to the horizon and the series' bounds, so that one rule reads a milestone wherever it is given; with
    the warnings of the milestone alone (``targets.milestones[0].subscribers: 10% reads as 0.1 ...``), the
    scenario's being its own. Raises ``ScenarioInvalid`` located at ``MILESTONE_AT`` (``targets.milestones[0].month``)."""
    targets = dataclasses.replace(scenario.targets, milestones=(milestone,))
    read, warnings = checked_warned(dataclasses.replace(scenario, targets=targets), "reach")
    return read.targets.milestones[0], tuple(warning for warning in warnings
                                             if (warning.path + ".").startswith(MILESTONE_AT + "."))


def as_given(given: Any, read: Any) -> Any:
    """``read``, with each part the reader read as ``given`` has it taken from ``given``: the very objects the caller
    built, its whole scenario where the reader changes nothing, so that it gives the figures its file gives; a part of
    another type than the reader's (a list for a tuple, a Decimal or numpy's float for a float) is the reader's. A
    normal range is written by its mean and sd, which the reader turns back into bounds that may differ in their last
    digit: its own bounds are kept, as floats."""
    if isinstance(given, Distribution) and isinstance(read, Distribution) and given.kind == read.kind == "normal":
        own = dataclasses.replace(read, low=float(given.low), high=float(given.high))
        return given if own == given and type(given.low) is type(given.high) is float else own
    if type(given) is not type(read):
        return read
    if isinstance(read, tuple):
        if len(given) != len(read):
            return read
        parts = tuple(map(as_given, given, read))
        return given if all(part is own for part, own in zip(parts, given, strict=True)) else parts
    if dataclasses.is_dataclass(read) and not isinstance(read, type):
        fields = {field.name: as_given(getattr(given, field.name), getattr(read, field.name))
                  for field in dataclasses.fields(read)}
        return given if all(value is getattr(given, name) for name, value in fields.items()) \
            else dataclasses.replace(read, **fields)
    return given if given == read else read
