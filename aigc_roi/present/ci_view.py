"""What `validate` and `check` show: GitHub annotations, JSON shapes, tables.

Returns text, plain data or Rich objects; the commands decide where they
go. Imports nothing of the engine, so `validate` stays light.

Human text (table headers and cells, annotation messages) follows ``lang``;
what machines read stays English: JSON keys and messages, rule ids in
annotation titles, target and figure keys.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.ci.records import ChangedInput, Checked, Comparison, Validated, comparable
from aigc_roi.ci.rules import rule_of
from aigc_roi.model.change_targets import MOVED_FIGURE, NPV_DROP, NPV_DROP_SHARE, PAYBACK_DELAY
from aigc_roi.model.compared import against_limit
from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.rounding import fixed
from aigc_roi.model.targets import PAYBACK_PROBABILITY, TargetOutcome, payback_window
from aigc_roi.present.ci_warnings import FileWarning, file_warnings, read_warnings
from aigc_roi.present.errors import error_in
from aigc_roi.present.labels import counted, label, short_label
from aigc_roi.present.numbers import NONE, NumberStyle
from aigc_roi.present.payback_window import by_horizon_note, past_horizon_warning
from aigc_roi.present.text import visible

if TYPE_CHECKING:
    from rich.console import RenderableType

GridTable = tuple[list[str], list[list[str]]]
"""(header, rows) of text cells: shown as a Rich table or as markdown."""


# Every control character is written out first, as the text format writes it (present/text.py ``visible``): an
# escape or a BEL in a name must not reach the job log, which a terminal may replay, and a line break is ``\x0a``, as
# it is on the line `text` prints, not the break GitHub would show for %0A. Then GitHub's workflow-command escaping
# (actions/toolkit, command.ts): data escapes % (CR and LF, its other two, are written out already); property values
# also escape ':' and ',', which delimit properties.
def _escape_data(text: str) -> str:
    return visible(text).replace("%", "%25")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(message: str, title: str, file: str | None = None, line: int | None = None,
               column: int | None = None, end_line: int | None = None, end_column: int | None = None,
               level: str = "error") -> str:
    """One ``::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message`` line (``::notice`` with
    ``level="notice"``: something to know that fails nothing).

    GitHub accepts endColumn only on a one-line span, so a span over several
    lines gets endLine alone.
    """
    if end_line is not None and end_line != line:
        end_column = None
    properties = [("file", file), ("line", line), ("endLine", end_line), ("col", column), ("endColumn", end_column),
                  ("title", title)]
    listed = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties if value is not None)
    return f"::{level} {listed}::{_escape_data(message)}\n"


def group(name: str, body: str) -> str:
    """Annotations of one file folded under its name in the job log (empty when there are none)."""
    return f"::group::{_escape_data(name)}\n{body}::endgroup::\n" if body else ""


def error_annotation(error: ScenarioError, path: str, lang: str = "en") -> str:
    """An error located in ``path``, titled ``aigc-roi: RULE``; one located in a ``--set`` option points at the
    file it was applied to as a whole, its message led by the option's location."""
    title = f"aigc-roi: {rule_of(error)}"
    error = error_in(error, lang)
    message = f"{error.path}: {error.message}" if error.path else error.message
    if error.file != path:
        return annotation(str(dataclasses.replace(error, scenario=None)), title, error.scenario)
    return annotation(message, title, error.file, error.line, error.column, error.end_line, error.end_column)


def error_json(error: ScenarioError) -> dict[str, Any]:
    """The error's place as ``file`` (the scenario), and ``option`` (the ``--set`` its line and column are in) or
    null when they are the file's."""
    return {"file": error.scenario or error.file, "option": error.file if error.scenario else None,
            "line": error.line, "column": error.column, "end_line": error.end_line,
            "end_column": error.end_column, "path": error.path, "rule": rule_of(error), "message": error.message}


def warning_annotation(warning: FileWarning) -> str:
    """A warning as ``::warning``, titled ``aigc-roi: RULE``, where it is located; one located in a ``--set`` option
    points at the file as a whole, its message led by the option's location, as an error's does."""
    title = f"aigc-roi: {warning.rule}"
    message = f"{warning.path}: {warning.message}"
    if warning.option is not None:
        return annotation(f"{warning.option}:{warning.line}:{warning.column}: {message}", title, warning.file,
                          level="warning")
    return annotation(message, title, warning.file, warning.line, warning.column, warning.end_line,
                      warning.end_column, level="warning")


def warning_json(warning: FileWarning) -> dict[str, Any]:
    """A warning's fields as an error's (``error_json``), its ``rule`` a warning's."""
    return {"file": warning.file, "option": warning.option, "line": warning.line, "column": warning.column,
            "end_line": warning.end_line, "end_column": warning.end_column, "path": warning.path,
            "rule": warning.rule, "message": warning.message}


def _counts(results: Sequence[Validated]) -> dict[str, int]:
    """Files, invalid files and their errors; a folder that could not be opened is counted apart, as what it is."""
    files = [result for result in results if not result.folder]
    return {"files": len(files), "invalid": sum(1 for result in files if result.errors),
            "errors": sum(error.counted for result in files for error in result.errors),
            "unreadable_folders": len(results) - len(files)}


def _kind(result: Validated) -> str:
    """``"folder"`` for a folder below one given that could not be opened, reported in place of the files it holds
    and counted apart from them (``_counts``), else ``"file"``: what JSON says its entry is."""
    return "folder" if result.folder else "file"


def _folders(count: int) -> str:
    return f", {counted(count, 'unreadable folder')}" if count else ""


def validate_tally(read: int, invalid: Sequence[Validated]) -> str:
    """The summary line from the number of paths read and the invalid ones (the valid ones need not be kept)."""
    counts = _counts(invalid)
    files = read - counts["unreadable_folders"]
    return (f"{counted(files, 'file')}, {counts['invalid']:,} invalid, {counted(counts['errors'], 'error')}"
            + _folders(counts["unreadable_folders"]))


def validate_json(results: Sequence[Validated]) -> dict[str, Any]:
    files = [
        {"path": result.path, "kind": _kind(result), "valid": not result.errors,
         # Under their file's path; validate takes no --set, so no error is located in an option.
         "errors": [{key: value for key, value in error_json(error).items() if key not in ("file", "option")}
                    for error in result.errors],
         "warnings": [{key: value for key, value in warning_json(warning).items() if key not in ("file", "option")}
                      for warning in read_warnings(result, "en")]}
        for result in results
    ]
    summary = _counts(results)
    return {"files": files, "summary": summary, "passed": not any(result.errors for result in results), "error": None}


def refusal_error(line: str) -> dict[str, Any]:
    """A run refused before it read a file (a folder without scenarios, a bad option, an unknown --base): its line
    as stderr shows it in English, and the option it names, long or short as the line names it (null for a path):
    click names a short option as typed (``-f: Option '-f' requires an argument``)."""
    option = re.match(r"(--?[A-Za-z][\w-]*)[:= ]", line)
    return {"message": line, "option": option[1] if option else None}


def validate_refusal_json(line: str) -> dict[str, Any]:
    """`validate --format json`'s document when refused: no file, not passed, and why."""
    return {**validate_json([]), "passed": False, "error": refusal_error(line)}


def check_refusal_json(line: str) -> dict[str, Any]:
    """`check --format json`'s document when refused: no file, not passed, and why."""
    return {**check_json([], []), "passed": False, "error": refusal_error(line)}


def _style(checked: Checked, lang: str) -> NumberStyle:
    return NumberStyle(lang, checked.loaded.scenario.currency)


def _outcome_texts(outcome: TargetOutcome, style: NumberStyle, samples: int = 0) -> tuple[str, str]:
    """The actual figure and the limit with its comparison, e.g. ``-21.25%`` and ``>= 0.00%``: the limit as the file
    states it (a milestone of 100.6 users is no ">= 101"), the figure with the decimals that read it on its side of
    the limit (a roas of 0.996 missing 1 is no "1.00, must be >= 1.00"), model/compared.py ``against_limit``. A
    chance of payback simulated over ``samples`` reads as `simulate` shows it (``NumberStyle.chance``)."""
    operator = "<=" if outcome.bound == "max" else ">="
    never = label("never", style.lang)

    def show(value: float | None, extra: int) -> str:
        if outcome.figure in CHANGE_FIGURES:
            return _change_text(outcome.figure, value, style, extra)
        return style.figure(outcome.figure, value, never, extra=extra)

    def show_actual(value: float | None, extra: int) -> str:
        if outcome.figure == PAYBACK_PROBABILITY and samples and value is not None:
            return style.chance(value, samples, 2 + extra)
        return show(value, extra)

    actual, limit = against_limit(show, outcome.actual, outcome.limit, 0, outcome.bound == "min", outcome.passed,
                                  show_actual)
    # A payback target past the horizon was judged by it: the value says so.
    return actual + by_horizon_note(outcome.judged_months, style.lang), f"{operator} {limit}"


CHANGE_FIGURES: dict[str, str] = {NPV_DROP: "check_npv_drop", NPV_DROP_SHARE: "check_npv_drop_share",
                                  PAYBACK_DELAY: "check_payback_delay"}
"""What a target on the change bounds (model/change_targets.py), a move rather than a figure of one version,
and how a message names it."""


def _change_text(figure: str, value: float | None, style: NumberStyle, extra: int = 0) -> str:
    """A drop of npv in money or as a share of the base's, or a delay of payback in months; ``extra`` decimals as
    ``NumberStyle.figure`` takes them."""
    if value is None:
        return NONE
    if figure == NPV_DROP_SHARE:
        return style.percent(value, 2 + extra)
    if figure == PAYBACK_DELAY:
        return fixed(value, 0)
    return style.money(value, 2 + extra)


def _figure_name(figure: str, lang: str) -> str:
    """A figure as a message names it: its key in English (as in JSON), its short label in Chinese."""
    if figure in CHANGE_FIGURES:
        return label(CHANGE_FIGURES[figure], lang)
    return figure if lang == "en" else short_label(figure, lang)


def _target_name(outcome: TargetOutcome, lang: str) -> str:
    """A target's cell: its YAML key (and words, in Chinese); a milestone's name."""
    return label(TARGET_LABELS[outcome.name], lang) if outcome.month is None else target_key(outcome, lang)


def target_key(outcome: TargetOutcome, lang: str) -> str:
    """A target as the file writes its key (``min_roi``); a milestone as its table cell names it, in the reader's
    language (``subscribers@6 里程碑``)."""
    if outcome.month is None:
        return outcome.name
    return label("target_milestone", lang).format(key=outcome.figure, month=outcome.month)


def check_counts(results: Sequence[Validated], checked: Sequence[Checked]) -> dict[str, int]:
    """What the summary line counts: files read, invalid, their errors, targets held, missed, not applicable."""
    return {**_counts(results), "targets": sum(len(item.outcomes) for item in checked),
            "missed": sum(1 for item in checked for outcome in item.outcomes if not outcome.passed),
            "not_applicable": sum(1 for item in checked for outcome in item.outcomes if not outcome.applicable)}


def check_summary(results: Sequence[Validated], checked: Sequence[Checked]) -> str:
    counts = check_counts(results, checked)
    # Every count grouped by thousands as ``counted`` groups those that take a noun.
    summary = (f"{counted(counts['files'], 'file')}, {counts['invalid']:,} invalid, "
               f"{counted(counts['targets'], 'target')}, {counts['missed']:,} missed")
    return (summary + (f", {counts['not_applicable']:,} not applicable" if counts["not_applicable"] else "")
            + _folders(counts["unreadable_folders"]))


def _result(outcome: TargetOutcome, missed_at_base: frozenset[str] | None, base: str, lang: str) -> str:
    if not outcome.applicable:
        return not_applicable_reason(outcome, missed_at_base is not None, base, lang)
    if outcome.passed:
        return label("check_pass", lang)
    if missed_at_base is None:
        return label("check_fail", lang)
    if outcome.name in missed_at_base:
        return label("check_fail_at_base", lang).format(base=base)
    return label("check_fail_new", lang)


def not_applicable_reason(outcome: TargetOutcome, with_base: bool, base: str, lang: str, note: bool = False,
                          scenario: str = "") -> str:
    """Why a target on the change was not held: no ``--base``, no valid version at ``base``, or (for an amount) a
    currency changed since; its result cell, or with ``note`` its located line's message."""
    reason = "currency" if outcome.currency_change is not None else "at_base" if with_base else "no_base"
    was, now = outcome.currency_change or ("", "")
    return label(NOT_APPLICABLE_LABELS[reason, note], lang).format(base=base, was=was, now=now, scenario=scenario,
                                                                   target=outcome.name)


NOT_APPLICABLE_LABELS: dict[tuple[str, bool], str] = {
    ("no_base", False): "check_not_applicable",
    ("no_base", True): "check_not_applicable_note",
    ("at_base", False): "check_not_applicable_at_base",
    ("at_base", True): "check_not_applicable_at_base_note",
    ("currency", False): "check_not_applicable_currency",
    ("currency", True): "check_not_applicable_currency_note",
}
"""(why a target on the change was not held, as a located note or not) -> its label."""


TARGET_LABELS: dict[str, str] = {
    "max_payback_months": "target_max_payback_months",
    "min_roi": "target_min_roi",
    "min_ltv_to_cac": "target_min_ltv_to_cac",
    "min_roas": "target_min_roas",
    "max_cac": "target_max_cac",
    "min_npv": "target_min_npv",
    "min_payback_probability": "target_min_payback_probability",
    "max_cash_need": "target_max_cash_need",
    "max_npv_drop": "target_max_npv_drop",
    "max_payback_delay": "target_max_payback_delay",
}
"""Each target of model/targets.py TARGET_FIGURES and model/change_targets.py -> its cell in the check table."""


def check_grid(checked: Sequence[Checked], at_base: dict[str, frozenset[str]] | None = None, base: str = "",
               lang: str = "en") -> GridTable:
    """scenario x target: actual vs limit and pass/fail; a row per scenario without targets.

    With ``at_base`` (``check --base``) a miss reads ``fail (new)`` or
    ``fail (at REF)``, so a pull request's own breakage stands apart from
    what was already broken.
    """
    rows = []
    for item in checked:
        if not item.outcomes:
            rows.append([item.path, label("check_no_targets", lang), NONE, NONE, NONE])
        for outcome in item.outcomes:
            actual, limit = _outcome_texts(outcome, _style(item, lang), item.samples)
            missed_at_base = None if at_base is None else at_base.get(item.path, frozenset())
            rows.append([item.path, _target_name(outcome, lang), actual, limit,
                         _result(outcome, missed_at_base, base, lang)])
    header = [label(key, lang) for key in ("check_scenario", "check_target", "check_actual", "check_limit", "check_result")]
    return header, rows


_PROSE = re.compile(r"[^\W\d_万亿]\s")
"""A letter before a space: words, which may wrap, not a number with its comparison. 万 and 亿 are an amount's unit,
not a word: read as one, ``-33.96万 (-7.0%)`` made check --base's change column words, and ``-42.52 百分点`` beside it
was cut inside its unit (百分 / 点) at 80 columns."""


def rich_table(grid: GridTable, title: str = "", text_columns: int = 1, lang: str = "en") -> RenderableType:
    """Numbers right-aligned; the first ``text_columns`` columns (names) left-aligned.

    Laid out for the terminal's width by present/layout.py: a path, a target key
    (min_payback_probability) or a number is never cut; a column of prose
    ("none: no single IRR") wraps between words. When the names do not fit beside
    the numbers, each first-column name (a file) heads a table of its own rows.
    """
    # Rich only here: `validate` shares this module and prints no table.
    from rich.console import Group
    from rich.text import Text

    from aigc_roi.present.blocks import table_or_blocks
    from aigc_roi.present.console import Title
    from aigc_roi.present.layout import Column, Fitted, fixed_table

    header, rows = grid
    styles = {label("check_pass", lang): "green", label("check_fail", lang): "red bold"}

    def columns_of(chosen: Sequence[Sequence[str]], first: int) -> list[Column]:
        built = []
        for i in range(first, len(header)):
            cells = [Text(row[i], style=styles.get(row[i].split(" ")[0], "") if i == len(header) - 1 else "")
                     for row in chosen]
            prose = any(_PROSE.search(str(row[i])) for row in chosen)
            built.append(Column(header[i], cells, numeric=i >= text_columns and not prose,
                                right_aligned=i >= text_columns))
        return built

    if text_columns < 2:
        return table_or_blocks(columns_of(rows, 0), title, "")

    def build(width: int) -> RenderableType:
        whole = fixed_table(columns_of(rows, 0), width, title=title or None, title_justify="left")
        if whole is not None:
            return whole
        # The file named once above its targets, rather than beside each of them.
        parts: list[RenderableType] = [Title(title, style="bold")] if title else []
        for name in dict.fromkeys(row[0] for row in rows):
            parts += [Title(name, style="bold"), table_or_blocks(columns_of([row for row in rows if row[0] == name], 1),
                                                                "", "").build(width)]
        return Group(*parts)

    return Fitted(build)


@dataclass(frozen=True)
class Finding:
    """A missed target (an error) or one that could not be held (a notice), and where it points."""

    message: str
    title: str
    file: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    level: str = "error"
    changed: ChangedInput | None = None
    """With ``check --base``, the changed input a new miss points at (where ``line`` and ``column`` are; the target's
    own for a field removed since REF, which NEW has no line for)."""
    option: str | None = None
    """The ``--set`` that wrote the target, its ``line`` and ``column`` within it; None when they are the file's."""

    def annotation(self) -> str:
        """At the target's line; one a ``--set`` wrote at the file as a whole, led by the option's location, as an
        error in a ``--set`` is (``error_annotation``)."""
        if self.option is not None:
            return annotation(f"{self.option}:{self.line}:{self.column}: {self.message}", self.title, self.file,
                              level=self.level)
        return annotation(self.message, self.title, self.file, self.line, self.column, self.end_line, self.end_column,
                          self.level)

    def line_text(self) -> str:
        """``FILE:LINE:COL: message``, as grep, compilers and editors locate a line (``FILE: message`` unlocated;
        ``FILE: --set PATH=VALUE:LINE:COL: message`` in a ``--set``, as its errors are)."""
        where = self.file if self.line is None else f"{self.option or self.file}:{self.line}:{self.column}"
        if self.option is not None:
            where = f"{self.file}: {where}"
        return f"{visible(where)}: {visible(self.message)}\n"


def target_findings(item: Checked, at_base: frozenset[str] | None = None, base: str = "",
                    comparison: Comparison | None = None, lang: str = "en") -> list[Finding]:
    """A finding per missed target, titled ``aigc-roi check: TARGET``, a notice per target on the change that has
    no base version to be held against (``target_finding``), and a warning before a target on the payback that the
    horizon cuts short (judged through the horizon's last month)."""
    found: list[Finding] = []
    for outcome in item.outcomes:
        if outcome.judged_months is not None:
            line, column, option = item.target_location(outcome) or (None, None, None)
            found.append(Finding(past_horizon_text(item, outcome, lang), f"aigc-roi check: {outcome.name}", item.path,
                                 line, column, level="warning", option=option))
        if (finding := target_finding(item, outcome, at_base, base, comparison, lang)) is not None:
            found.append(finding)
    return found


def target_finding(item: Checked, outcome: TargetOutcome, at_base: frozenset[str] | None = None, base: str = "",
                   comparison: Comparison | None = None, lang: str = "en") -> Finding | None:
    """The finding of one of ``item``'s targets: None when met.

    With ``check --base`` (``at_base``: the targets the base revision already
    missed; ``comparison``: the file's, when it changed since), a new miss
    points at the changed input that moved its figure furthest the wrong way
    (``Comparison.blamed``), or, where its figure is not split, at the first
    input the change touched that moves a figure, and says so; otherwise (no
    change moved it the wrong way: its limit did) at the target's own line (the
    --set that wrote it). A new miss of an amount across a change of
    currency points at no input: none moved one currency's amount to the
    other's.
    """
    title = f"aigc-roi check: {outcome.name}"
    if not outcome.applicable:
        message = not_applicable_reason(outcome, at_base is not None, base, lang, note=True,
                                        scenario=item.loaded.scenario.name)
        line, column, option = item.target_location(outcome) or (None, None, None)
        return Finding(message, title, item.path, line, column, level="notice", option=option)
    if outcome.passed:
        return None
    actual, limit = _outcome_texts(outcome, _style(item, lang), item.samples)
    if outcome.month is None:
        missed, figure = "check_missed", _figure_name(outcome.figure, lang)
    else:
        # A month's series in words ("在订用户"), not its column header ("在订").
        missed, figure = "check_missed_milestone", outcome.figure if lang == "en" else label(outcome.figure, lang)
    # A target by its key (targets.min_roi), a milestone as its table cell names it (里程碑 in Chinese).
    target = target_key(outcome, lang)
    message = label(missed, lang).format(scenario=item.loaded.scenario.name, target=target,
                                         figure=figure, actual=actual, limit=limit, month=outcome.month)
    if at_base is not None:
        message += label("check_also_missed" if outcome.name in at_base else "check_new_since", lang).format(base=base)
    if at_base is not None and outcome.name not in at_base and comparison is not None:
        if comparison.currency_change is not None and not comparable(_moved(outcome), comparison.currency_change):
            was, now = comparison.currency_change
            message += label("check_not_compared_here", lang).format(base=base, was=was, now=now)
        elif (driver := comparison.blamed[outcome.name] if outcome.name in comparison.blamed
              else comparison.first_driver()) is not None:
            was = label("check_absent", lang) if driver.before is None else _input_text(driver.before.value)
            if not driver.removed:
                message += label("check_changed_here", lang).format(path=driver.now.path, was=was,
                                                                     now=_input_text(driver.now.value))
                return Finding(message, title, item.path, driver.now.line, driver.now.column,
                               driver.now.end_line, driver.now.end_column, changed=driver)
            # A field NEW leaves out has no line in it: named as removed, with the default it falls back to, at the
            # target's own line, where a miss moved by a removed item or nested field points too (never 1:1).
            message += label("check_changed_removed", lang).format(path=driver.now.path, was=was,
                                                                   default=_default_text(driver.now.value))
            line, column, option = item.target_location(outcome) or (None, None, None)
            return Finding(message, title, item.path, line, column, option=option, changed=driver)
    line, column, option = item.target_location(outcome) or (None, None, None)
    return Finding(message, title, item.path, line, column, option=option)


def past_horizon_text(item: Checked, outcome: TargetOutcome, lang: str) -> str:
    """Why a payback target past the horizon was judged by it (``TargetOutcome.judged_months``): a payback after the
    horizon reads as never, and a chance of payback is the chance by the horizon, a lower bound of the target's."""
    scenario = item.loaded.scenario
    window = payback_window(scenario)
    sentence = past_horizon_warning(window, lang, chance=outcome.name != "max_payback_months") or ""
    return label("check_past_horizon", lang).format(scenario=scenario.name, target=outcome.name,
                                                    sentence=sentence)


def _moved(outcome: TargetOutcome) -> str:
    """The figure whose value a miss is about: the one a target on the change bounds the move of (npv for
    ``max_npv_drop``), else the target's own."""
    return MOVED_FIGURE[outcome.name][0] if outcome.name in MOVED_FIGURE else outcome.figure


def _input_text(value: object) -> str:
    return "null" if value is None else str(value)


def _default_text(value: object) -> str:
    """A default as README's field table writes it: ``0``, not the float ``0.0`` the model holds."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else _input_text(value)


def check_json(checked: Sequence[Checked], results: Sequence[Validated], base: str | None = None,
               at_base: Mapping[str, frozenset[str]] | None = None, comparisons: Sequence[Comparison] = ()) -> dict[str, Any]:
    """Every target of every valid file where it is written, with its message when missed (or not applicable) and,
    with ``check --base``, whether the miss is new and the changed input it points at, as the text format shows them;
    the invalid files' errors; every file's warnings (present/ci_warnings.py); the summary line's counts."""
    compared = {comparison.path: comparison for comparison in comparisons}
    scenarios = [
        {"path": item.path, "scenario": item.loaded.scenario.name,
         "targets": [_target_json(item, outcome, base, None if at_base is None else at_base.get(item.path, frozenset()),
                                  compared.get(item.path))
                     for outcome in item.outcomes],
         "passed": item.passed,
         # The unit of its targets' amounts (an npv, a peak cash need, an npv drop), as every other JSON names it.
         "currency": item.loaded.scenario.currency}
        for item in checked
    ]
    invalid = [_invalid_json(result, error) for result in results for error in result.errors]
    by_path = {item.path: item for item in checked}
    warnings = [warning_json(warning) for result in results
                for warning in file_warnings(result, by_path.get(result.path), "en")]
    return {"scenarios": scenarios, "invalid": invalid, "warnings": warnings,
            "passed": not invalid and all(item.passed for item in checked),
            "summary": check_counts(results, checked), "error": None}


def _invalid_json(result: Validated, error: ScenarioError) -> dict[str, Any]:
    """An invalid file's error as ``error_json`` writes it, with what its ``file`` is beside it: a file or a folder."""
    fields = error_json(error)
    return {"file": fields.pop("file"), "kind": _kind(result), **fields}


def _target_json(item: Checked, outcome: TargetOutcome, base: str | None, at_base: frozenset[str] | None,
                 comparison: Comparison | None) -> dict[str, Any]:
    found = target_finding(item, outcome, at_base, base or "", comparison)
    line, column, option = item.target_location(outcome) or (None, None, None)
    driver = None if found is None else found.changed
    missed = outcome.applicable and not outcome.passed
    return {"name": outcome.name, "figure": outcome.figure, "actual": outcome.actual, "limit": outcome.limit,
            # A target on the change that could not be held is neither met nor missed: passed is null, and why is said.
            "passed": outcome.passed if outcome.applicable else None, "applicable": outcome.applicable,
            "not_applicable_reason": None if outcome.applicable
            else not_applicable_reason(outcome, base is not None, base or "", "en"),
            "file": item.path, "option": option, "line": line, "column": column,
            "message": None if found is None else found.message,
            "new_since_base": outcome.name not in at_base if missed and at_base is not None else None,
            "changed_here": None if driver is None else _changed_json(driver),
            # A payback target past the horizon: the month it was judged by.
            **({} if outcome.judged_months is None else {"judged_through_month": outcome.judged_months})}


def _changed_json(driver: ChangedInput) -> dict[str, Any]:
    """The changed input a new miss names: its path, its value at REF and now, and where it is now; a field removed
    since REF is at no line now, so its place is null and ``after`` the default it falls back to."""
    now = driver.now
    place = (None, None, None, None) if driver.removed else (now.line, now.column, now.end_line, now.end_column)
    return {"path": now.path, "before": None if driver.before is None else driver.before.value, "after": now.value,
            **dict(zip(("line", "column", "end_line", "end_column"), place, strict=True))}
