"""What `validate` and `check` found, file by file: plain records for the presenters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.figures import unit_of
from aigc_roi.model.targets import Figures, TargetOutcome
from aigc_roi.model.type_refs import imported_when_read
from aigc_roi.reader.inputs import InputValue
from aigc_roi.reader.load import LoadedScenario
from aigc_roi.reader.yamltree import Node, find_node

if TYPE_CHECKING:
    from aigc_roi.model.sampling import Clipped
    from aigc_roi.whatif.explain import FigureChanges
else:  # `validate` loads this module, and neither numpy nor the what-ifs (tests/contract/test_startup.py)
    Clipped = imported_when_read("aigc_roi.model.sampling", "Clipped")
    FigureChanges = imported_when_read("aigc_roi.whatif.explain", "FigureChanges")


Location = tuple[int, int, str | None]
"""(line, column, the ``--set`` they are in, or None where they are the file's) of what a file's tree holds."""

IrrNotes = Mapping[str, str | None]
"""``irr_none_reason`` and ``irr_kind`` of one run (model/result.py ``Result.irr_notes``); empty where no run is."""


@dataclass(frozen=True)
class Validated:
    """One file as `validate` found it."""

    path: str
    loaded: LoadedScenario | None
    """None when invalid (or not kept: ``iter_validated``); ``errors`` says which."""
    errors: tuple[ScenarioError, ...] = ()
    warnings: tuple[ScenarioError, ...] = ()
    """The file's warnings (``LoadedScenario.warnings``; an invalid file's, ``ScenarioInvalid.file_warnings``, beside its
    errors), kept where ``loaded`` is not."""
    folder: bool = False
    """A folder below one given that could not be opened, reported in place of the files it holds: not a file."""


@dataclass(frozen=True)
class Checked:
    """One valid scenario with its figures and its targets' outcomes."""

    path: str
    loaded: LoadedScenario
    figures: Figures
    outcomes: list[TargetOutcome]
    locations: dict[str, Location | None]
    """``target_location`` of every target the file can be held to (``target_locations``), found where its tree was
    read: a worker of `check` sends the tree back only where the parent reads it (ci/parallel.py)."""
    clipped: tuple[Clipped, ...] = ()
    """The ranges whose draws were clipped to their field's domain in the simulation of ``min_payback_probability``."""
    irr_notes: IrrNotes = field(default_factory=dict)
    """What run's JSON says beside the figures of the IRR, ``irr_none_reason`` and ``irr_kind`` (docs/formulas.md §5)."""
    ranges: dict[str, Location | None] = field(default_factory=dict)
    """``range_location`` of each range of ``clipped``, found where the tree was read, as ``locations``."""
    samples: int = 0
    """The samples ``min_payback_probability``'s chance is a share of, which it is shown by as `simulate` shows it;
    0 where it was not simulated."""

    def __post_init__(self) -> None:
        # The targets where they are written, line then column, whatever their kind, as a file's errors and warnings
        # are listed (present/errors.py in_file_order); those a --set wrote after them, in the order the options were
        # given (each --set's value starts at its 1:1, so its place is what tells them apart), then any written
        # nowhere. Built kind by kind (model/targets.py's order, then milestones, then the targets on the change), a
        # table, the text lines and JSON listed lines 85, 84, 86, 83, 82.
        object.__setattr__(self, "outcomes", sorted(self.outcomes, key=self._in_file_order))

    def _in_file_order(self, outcome: TargetOutcome) -> tuple[int, int, int, int]:
        location = self.target_location(outcome)
        if location is None:
            return 2, 0, 0, 0
        line, column, option = location
        if option is None:
            return 0, 0, line, column
        sets = self.loaded.sets
        return 1, sets.index(option) if option in sets else len(sets), line, column

    @property
    def passed(self) -> bool:
        """Every target met; a target not applicable (on the change, without a base) fails nothing."""
        return all(outcome.passed for outcome in self.outcomes)

    def target_location(self, outcome: TargetOutcome) -> Location | None:
        """(line, column, None) of where the target is written in the file (``targets.<name>``, a milestone's list
        item), (line, column, the option) where a --set wrote it (a milestone: its bound, or its month); None when
        absent."""
        return self.locations.get(_target_path(outcome))

    def range_location(self, path: str) -> Location | None:
        """(line, column, the ``--set`` they are in or None) of a range of ``clipped``; None when it is not found."""
        return self.ranges.get(path)


def target_locations(loaded: LoadedScenario, outcomes: list[TargetOutcome],
                     names: Iterable[str]) -> dict[str, Location | None]:
    """Where each of ``outcomes``' targets and each target of ``names`` (``targets.<name>``) is written
    (``Checked.target_location``); None when absent."""
    located: dict[str, Location | None] = {}
    for path in [*map(_target_path, outcomes), *(f"targets.{name}" for name in names)]:
        node = find_node(loaded.tree, path)
        if node is not None:
            node = _set_within(node) or node
        located[path] = None if node is None else (node.line, node.column, node.source)
    return located


def _set_within(milestone: Node) -> Node | None:
    """The value a --set wrote into a milestone the file writes, its bound before its month: the milestone is then the
    option's, not the line that reads another bound (or month); None where the file writes it all."""
    if milestone.source is not None or milestone.kind != "map":
        return None
    written = [(key == "month", entry.value) for key, entry in milestone.value.items() if entry.value.source]
    return min(written, key=lambda pair: pair[0])[1] if written else None


def range_locations(loaded: LoadedScenario, paths: Iterable[str]) -> dict[str, Location | None]:
    """Where each field path is written: (line, column, None) in the file, (line, column, the option) in a --set
    that wrote it; None when absent."""
    located: dict[str, tuple[int, int, str | None] | None] = {}
    for path in paths:
        node = find_node(loaded.tree, path)
        located[path] = None if node is None else (node.line, node.column, node.source)
    return located


def _target_path(outcome: TargetOutcome) -> str:
    return outcome.field_path or f"targets.{outcome.name}"


@dataclass(frozen=True)
class ChangedInput:
    """A value of the file that differs from the base revision: where it is now, what it was."""

    now: InputValue
    before: InputValue | None
    """None when the field is new."""
    removed: bool = False
    """Whether NEW leaves the field out: ``now`` is then the default it falls back to, which no line of NEW writes,
    so its line and column are none (a miss it moved points at the target's own line instead, as one moved by a
    removed item or nested field does)."""

    @property
    def moves_figures(self) -> bool:
        """Whether it can move a figure, so a miss may point at it: not ``currency:``, which converts no amount
        (docs/formulas.md §13)."""
        return self.now.path != "currency"


def comparable(figure: str, currency_change: tuple[str, str] | None) -> bool:
    """Whether a figure's move from the base revision means anything: not an amount's across a change of currency,
    as an amount in one is not compared with an amount in the other (docs/formulas.md §13)."""
    return currency_change is None or unit_of(figure) != "money"


@dataclass(frozen=True)
class Comparison:
    """The figures of one changed file at the base revision and now."""

    path: str
    status: str
    """``modified``, ``new``, ``removed``, ``renamed`` or ``copied``."""
    scenario: str
    currency: str
    before: Figures | None
    """None when new, or invalid at the base revision."""
    after: Figures | None
    """None when removed, or invalid now."""
    before_errors: tuple[ScenarioError, ...] = ()
    changed_inputs: tuple[ChangedInput, ...] = ()
    """Inputs (outside ``name`` and ``targets``) that differ from the base, in file order; modified files only."""
    missed_at_base: frozenset[str] = frozenset()
    """Targets the base version missed (by its own targets); empty when new or invalid there."""
    blamed: dict[str, ChangedInput | None] = field(default_factory=dict)
    """Per target missed now but not at the base: the changed input whose share moved its figure furthest the
    wrong way (ci/changes.py), None where none moved it the wrong way (the target's own line is where to look);
    absent where the figure cannot be split (the simulated payback probability, a milestone, an amount across a
    change of currency) or only ``currency:`` took the blame."""
    change_outcomes: tuple[TargetOutcome, ...] = ()
    """The new version's targets on the change (``max_npv_drop``, ``max_payback_delay``) held against the
    base; empty when either side has no figures."""
    split: FigureChanges | None = None
    """What moved each figure (``check --base --format markdown``); None when not asked for or nothing changed."""
    irr_notes: tuple[IrrNotes, IrrNotes] = ({}, {})
    """What run's JSON says of the IRR at the base revision and now (``Checked.irr_notes``)."""
    was: str | None = None
    """Where a renamed or copied file was at the base revision (the version ``before`` is of); None otherwise."""
    currency_change: tuple[str, str] | None = None
    """The file's currency at the base revision and now, when they differ: its money figures' changes are then
    neither held (``max_npv_drop``) nor split among the changed inputs."""

    def first_driver(self) -> ChangedInput | None:
        """Where a new miss that ``blamed`` does not place points: the first changed input that moves a figure;
        None when none does."""
        return next((item for item in self.changed_inputs if item.moves_figures), None)


@dataclass(frozen=True)
class CheckRun:
    """What `check` found: every file read, every valid one held to its targets and, against a base revision,
    the files that changed since."""

    results: tuple[Validated, ...]
    checked: tuple[Checked, ...]
    comparisons: tuple[Comparison, ...] = ()
    at_base: dict[str, frozenset[str]] | None = None
    """Per checked file, the targets its base version missed; None without a base revision."""

    @property
    def invalid(self) -> bool:
        return any(result.errors for result in self.results)

    @property
    def passed(self) -> bool:
        return all(item.passed for item in self.checked)
