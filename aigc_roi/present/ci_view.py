"""What `validate` and `check` show: GitHub annotations, JSON shapes, tables.

Returns text, plain data or Rich objects; the commands decide where they
go. Imports nothing of the engine, so `validate` stays light.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from aigc_roi.ci.records import Checked, Comparison, Validated
from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.figures import unit_of
from aigc_roi.model.targets import Figures, TargetOutcome
from aigc_roi.present.numbers import NONE, NumberStyle

if TYPE_CHECKING:
    from rich.table import Table

NEVER = "never"
GridTable = tuple[list[str], list[list[str]]]
"""(header, rows) of text cells: shown as a Rich table or as markdown."""


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# GitHub's workflow-command escaping (actions/toolkit, command.ts): data escapes
# % CR LF; property values also escape ':' and ',' which delimit properties.
def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(message: str, title: str, file: str | None = None, line: int | None = None,
               column: int | None = None) -> str:
    """One ``::error file=F,line=L,col=C,title=T::message`` line."""
    properties = [("file", file), ("line", line), ("col", column), ("title", title)]
    listed = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties if value is not None)
    return f"::error {listed}::{_escape_data(message)}\n"


def error_annotation(error: ScenarioError, path: str, title: str = "aigc-roi") -> str:
    """An error located in ``path``; one from a ``--set`` option has no file to point at."""
    message = f"{error.path}: {error.message}" if error.path else error.message
    if error.file != path:
        return annotation(str(error), title)
    return annotation(message, title, error.file, error.line, error.column)


def error_json(error: ScenarioError) -> dict[str, Any]:
    return {"file": error.file, "line": error.line, "column": error.column, "path": error.path,
            "message": error.message}


def _counts(results: Sequence[Validated]) -> dict[str, int]:
    return {"files": len(results), "invalid": sum(1 for result in results if result.errors),
            "errors": sum(len(result.errors) for result in results)}


def validate_summary(results: Sequence[Validated]) -> str:
    counts = _counts(results)
    return f"{plural(counts['files'], 'file')}, {counts['invalid']} invalid, {plural(counts['errors'], 'error')}"


def validate_json(results: Sequence[Validated]) -> dict[str, Any]:
    files = [
        {"path": result.path, "valid": not result.errors,
         "errors": [{key: value for key, value in error_json(error).items() if key != "file"}
                    for error in result.errors]}
        for result in results
    ]
    return {"files": files, "summary": _counts(results)}


def _style(checked: Checked) -> NumberStyle:
    return NumberStyle("en", checked.loaded.scenario.currency)


def _outcome_texts(outcome: TargetOutcome, style: NumberStyle) -> tuple[str, str]:
    """The actual figure and the limit with its comparison, e.g. ``-21.25%`` and ``>= 0.00%``."""
    operator = "<=" if outcome.bound == "max" else ">="
    return style.figure(outcome.figure, outcome.actual, NEVER), f"{operator} {style.figure(outcome.figure, outcome.limit)}"


def check_summary(results: Sequence[Validated], checked: Sequence[Checked]) -> str:
    invalid = _counts(results)["invalid"]
    targets = sum(len(item.outcomes) for item in checked)
    missed = sum(1 for item in checked for outcome in item.outcomes if not outcome.passed)
    return f"{plural(len(results), 'file')}, {invalid} invalid, {plural(targets, 'target')}, {missed} missed"


def check_grid(checked: Sequence[Checked]) -> GridTable:
    """scenario x target: actual vs limit and pass/fail; a row per scenario without targets."""
    rows = []
    for item in checked:
        if not item.outcomes:
            rows.append([item.path, "(no targets)", NONE, NONE, NONE])
        for outcome in item.outcomes:
            actual, limit = _outcome_texts(outcome, _style(item))
            rows.append([item.path, outcome.name, actual, limit, "pass" if outcome.passed else "fail"])
    return ["scenario", "target", "actual", "limit", "result"], rows


def rich_table(grid: GridTable, title: str = "", text_columns: int = 1) -> Table:
    """Numbers right-aligned; the first ``text_columns`` columns (names) left-aligned."""
    # Rich only here: `validate` shares this module and prints no table.
    from rich.table import Table
    from rich.text import Text

    header, rows = grid
    table = Table(title=title or None, title_justify="left")
    for i, name in enumerate(header):
        table.add_column(name, justify="left" if i < text_columns else "right", overflow="fold")
    for row in rows:
        last = Text(row[-1], style={"pass": "green", "fail": "red bold"}.get(row[-1], ""))
        table.add_row(*row[:-1], last)
    return table


def target_annotations(item: Checked) -> str:
    """An annotation at the line of each missed target (the file when it came from ``--set``)."""
    lines = []
    for outcome in item.outcomes:
        if outcome.passed:
            continue
        actual, limit = _outcome_texts(outcome, _style(item))
        message = f"{item.loaded.scenario.name}: targets.{outcome.name} missed: {outcome.figure} is {actual}, must be {limit}"
        where = item.target_location(outcome.name)
        lines.append(annotation(message, "aigc-roi check", item.path, *(where or (None, None))))
    return "".join(lines)


def check_json(checked: Sequence[Checked], results: Sequence[Validated]) -> dict[str, Any]:
    scenarios = [
        {"path": item.path, "scenario": item.loaded.scenario.name,
         "targets": [{"name": o.name, "figure": o.figure, "actual": o.actual, "limit": o.limit, "passed": o.passed}
                     for o in item.outcomes],
         "passed": item.passed}
        for item in checked
    ]
    invalid = [error_json(error) for result in results for error in result.errors]
    return {"scenarios": scenarios, "invalid": invalid,
            "passed": not invalid and all(item.passed for item in checked)}


def _change(name: str, before: float | int | None, after: float | int | None, style: NumberStyle) -> str:
    """``after - before`` in the figure's unit: percentage points for roi and irr, months for paybacks."""
    if before is None or after is None:
        return NONE
    delta = after - before
    if delta == 0:
        return "0"
    sign = "+" if delta > 0 else "-"
    unit = unit_of(name)
    if unit == "percent":
        return f"{sign}{abs(delta) * 100:,.2f} pp"
    if unit == "month":
        return f"{sign}{abs(delta):.0f}"
    if unit in ("money", "users"):
        amount = style.money(abs(delta)) if unit == "money" else style.count(abs(delta))
        relative = f" ({delta / abs(before):+.1%})" if before else ""
        return f"{sign}{amount}{relative}"
    return f"{sign}{style.ratio(abs(delta))}"


def _side(figures: Figures | None, name: str, missing: str, style: NumberStyle) -> str:
    return missing if figures is None else style.figure(name, figures.get(name), NEVER)


def _value(figures: Figures | None, name: str) -> float | int | None:
    return None if figures is None else figures.get(name)


def comparison_grid(comparison: Comparison) -> GridTable:
    """figure | before | after | change; a side without figures reads new, removed or invalid."""
    style = NumberStyle("en", comparison.currency)
    before, after = comparison.before, comparison.after
    no_before = "new" if comparison.status == "new" else "invalid"
    no_after = "removed" if comparison.status == "removed" else "invalid"
    names = list(after or before or {})
    rows = [
        [name, _side(before, name, no_before, style), _side(after, name, no_after, style),
         _change(name, _value(before, name), _value(after, name), style)]
        for name in names
    ]
    return ["figure", "before", "after", "change"], rows


def comparison_title(comparison: Comparison) -> str:
    named = f"{comparison.path} ({comparison.scenario})" if comparison.scenario else comparison.path
    return f"{named}: {comparison.status}"


def comparison_json(ref: str, comparisons: Sequence[Comparison]) -> dict[str, Any]:
    changes = []
    for comparison in comparisons:
        figures = {}
        for name in comparison.after or comparison.before or {}:
            old, new = _value(comparison.before, name), _value(comparison.after, name)
            figures[name] = {"before": old, "after": new,
                             "change": None if old is None or new is None else new - old}
        changes.append({"path": comparison.path, "status": comparison.status, "scenario": comparison.scenario,
                        "figures": figures, "before_errors": [error_json(e) for e in comparison.before_errors]})
    return {"ref": ref, "changes": changes}
