"""The warnings of a valid file as `validate` and `check` report them where their machine formats report errors: a
``::warning`` annotation, an entry of the JSON document, a line of the markdown document (docs/ci.md).

Three kinds, each located as an error is and none failing a run: what the file may hold but cannot have meant
(``LoadedScenario.warnings``, reader/gate_warnings.py), a payback target past the horizon that `check` judged by the
horizon (``TargetOutcome.judged_months``), and a range whose draws `check`'s simulation clipped to its field's domain
(``Checked.clipped``). Imports nothing of the engine, so `validate` stays light.
"""

from __future__ import annotations

from dataclasses import dataclass

from aigc_roi.ci.records import Checked, Validated
from aigc_roi.ci.rules import warning_rule_of
from aigc_roi.model.targets import payback_window
from aigc_roi.present.errors import in_file_order, message_in
from aigc_roi.present.payback_window import past_horizon_warning
from aigc_roi.present.text import visible

PAST_HORIZON = "payback-past-horizon"


@dataclass(frozen=True)
class FileWarning:
    """One warning of a scenario file, its message in the language asked (English for JSON)."""

    file: str
    """The scenario file."""
    path: str
    """The field it is about (``gates[0].then``)."""
    rule: str
    """``gate-unobserved``, ``gate-stops-nothing``, ``payback-past-horizon``, ``draws-clipped`` or ``draws-lowered``."""
    message: str
    line: int | None = None
    """None where nothing locates it."""
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    option: str | None = None
    """The ``--set`` its line and column are in; None when they are the file's."""

    def line_text(self) -> str:
        """``FILE:LINE:COL: path: message``, as stderr says it (``FILE: --set ...:1:5: ...`` in an option)."""
        where = self.file if self.line is None else f"{self.option or self.file}:{self.line}:{self.column}"
        if self.option is not None:
            where = f"{self.file}: {where}"
        return f"{visible(where)}: {visible(self.path)}: {visible(self.message)}\n"


def read_warnings(result: Validated, lang: str) -> list[FileWarning]:
    """What reading the file found (``Validated.warnings``), in file order."""
    return [FileWarning(warning.scenario or warning.file, warning.path, warning_rule_of(warning),
                        message_in(warning.message, lang), warning.line, warning.column, warning.end_line,
                        warning.end_column, warning.file if warning.scenario else None)
            for warning in result.warnings]


def horizon_warnings(item: Checked, lang: str) -> list[FileWarning]:
    """A warning at each payback target that lies past the horizon and was judged by it."""
    found = []
    for outcome in item.outcomes:
        sentence = None if outcome.judged_months is None else past_horizon_warning(
            payback_window(item.loaded.scenario), lang, chance=outcome.name != "max_payback_months")
        if sentence is not None:
            line, column, option = item.target_location(outcome) or (None, None, None)
            found.append(FileWarning(item.path, f"targets.{outcome.name}", PAST_HORIZON, sentence, line, column,
                                     option=option))
    return found


def draw_warnings(item: Checked, lang: str) -> list[FileWarning]:
    """A warning per range and end of its field's domain that some of the simulation's draws were clipped to (and per
    retention point whose draws were lowered), where the range is written (``Checked.range_location``)."""
    if not item.clipped:
        return []
    from aigc_roi.present.clipped_draws import clipped_draw_warnings  # the sampling's types: `check` alone

    found = []
    for path, code, sentence in clipped_draw_warnings(item.clipped, lang):
        line, column, option = item.range_location(path) or (None, None, None)
        found.append(FileWarning(item.path, path, code.replace("_", "-"), sentence, line, column, option=option))
    return found


def file_warnings(result: Validated, item: Checked | None, lang: str) -> list[FileWarning]:
    """Every warning of one file, reading it's and (``item``: it was checked) its targets' and draws', in file order
    (``in_file_order``)."""
    found = read_warnings(result, lang) + ([] if item is None else horizon_warnings(item, lang) + draw_warnings(item, lang))
    return sorted(found, key=lambda warning: in_file_order(warning.line, warning.column, warning.option))
