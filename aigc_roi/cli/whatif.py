"""What-if commands: `compare`, `breakeven`, `sensitivity`.

Each loads with ``--set`` applied (to every file and variant), computes with
the pure modules (``breakeven``, ``sensitivity``, the engine) and prints a
table, or JSON, CSV or markdown.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aigc_roi import api
from aigc_roi.cli.clip_warnings import warn_clipped, warn_payback_window
from aigc_roi.cli.files import register_inputs
from aigc_roi.cli.options import (
    MAX_SAMPLES,
    BomOption,
    FigureFormat,
    FileArgument,
    FileToRead,
    ForceOption,
    FormatOption,
    LangOption,
    Number,
    OutputOption,
    QuietOption,
    SeedOption,
    SetOption,
    WholeNumber,
    WorkbookFormat,
)
from aigc_roi.cli.output import check_xlsx, deliver, given, open_command, refuse_idle
from aigc_roi.cli.progress import stage_progress_bar
from aigc_roi.cli.streams import (
    CommandLineProblem,
    explained_change,
    fail,
    load,
    note,
    overrides,
    refuse_scenario,
    source_text,
    warn_loaded,
)
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.ime_marks import EQUALS, PATH_MARKS, SEPARATORS, ime_slip
from aigc_roi.model.limits import MAX_GRID_STEPS, MAX_STEP, MIN_GRID_STEPS
from aigc_roi.model.paths import PathReader, names_something, path_end
from aigc_roi.present.labels import bracketed, label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.reader.flow_scan import outside_quotes
from aigc_roi.whatif.errors import WhatIfError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from aigc_roi.model.scenario import Scenario
    from aigc_roi.reader.load import LoadedScenario
    from aigc_roi.reader.overrides import Override
    from aigc_roi.whatif.compare import Comparison


# --- compare -------------------------------------------------------------------


CompareFormat = WorkbookFormat


def _split_top_level(text: str, separators: str) -> list[str]:
    """``text`` cut at each of ``separators`` outside brackets, braces and quotes, so a
    value such as ``{low: 1, high: 2}`` or a name path ``[Feed ads, CN]`` stays whole."""
    parts, start = [], 0
    # Without quotes only brackets nest, found by a search rather than a walk of every character: a long --variant is
    # read once for each way of reading its input method's marks (model/ime_marks.py).
    scanned = outside_quotes(text) if "'" in text or '"' in text else _brackets_and(text, separators)
    for i, char, depth in scanned:
        if char in separators and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _brackets_and(text: str, separators: str) -> Iterator[tuple[int, str, int]]:
    """``outside_quotes`` of a ``text`` without quotes, its brackets, braces and ``separators`` alone."""
    depth = 0
    for found in re.finditer(f"[\\[\\]{{}}{re.escape(separators)}]", text):
        depth += (found[0] in "[{") - (found[0] in "]}")
        yield found.start(), found[0], depth


VARIANT_MARKS = "：" + SEPARATORS + EQUALS + PATH_MARKS
"""What an input method types for the ``:`` after a variant's label, the ``,`` between its settings and each
setting's ``=``, dots and brackets."""


def parse_variant(text: str, read: PathReader | None = None, names: Sequence[str] = ()) -> tuple[str, list[str]]:
    """``"cheaper bid: acquisition[0].bid=25, monetization.plans[0].price=299"`` ->
    (label, ["acquisition[0].bid=25", ...]); without ``label:`` the text is its own label. ``read``, the file's
    paths as ``--set`` reads them, and its items' ``names`` tell a mark an input method typed for the ASCII one from
    a name's own (model/ime_marks.py)."""
    variant = _variant(text)
    # Each reading tried reads every setting, and a long variant repeats its paths: each path is read once.
    named = None if read is None else cache(partial(names_something, read))
    slip = None if named is None else ime_slip(text, VARIANT_MARKS, lambda typed: _reads_as_variant(typed, named), names)
    if variant is None or slip:
        fail([f"--variant: expected 'LABEL: PATH=VALUE[, PATH=VALUE]', such as 'cheaper bid: acquisition[0].bid=25', "
              f"found {text!r}" + (f"; {slip}" if slip else "")])
    return variant


def _variant(text: str) -> tuple[str, list[str]] | None:
    """``parse_variant``'s label and settings; None where ``text`` has no such shape."""
    head = _split_top_level(text, ":")[0]
    before_values = text.split("=", 1)[0]
    if head == text and ":" in before_values and before_values.count("[") != before_values.count("]"):
        # An unbalanced [ in the label ("cheap[: ...") would hide every colon after it: the label
        # ends at the first colon, as a path's brackets always balance.
        head = text[:text.index(":")]
    name, assignments = (head.strip(), text[len(head) + 1:]) if "=" not in head and head != text else (text, text)
    sets = [part.strip() for part in _split_top_level(assignments, ",") if part.strip()]
    if not name.strip() or not sets or any("=" not in part for part in sets):
        return None
    return name.strip(), sets


def _reads_as_variant(text: str, named: Callable[[str], bool]) -> bool:
    """Whether ``text`` reads as a variant of the file: each setting's path names a place of it (``named``), and no
    setting's value holds a second setting after an input method's comma (``20， 年度会员.price=249``)."""
    variant = _variant(text)
    return variant is not None and all(_reads_as_setting(setting, named) for setting in variant[1])


def _reads_as_setting(setting: str, named: Callable[[str], bool]) -> bool:
    end = path_end(setting)
    later = _split_top_level(setting[end + 1:], SEPARATORS)[1:]
    return named(setting[:end].strip()) and not any("=" in part for part in later)


def _loaded(path: Path, sets: list[str], name: str | None, varied: list[str] | None = None) -> LoadedScenario:
    """``path`` with ``sets`` and a variant's own settings (``varied``) applied, its warnings held for stderr as
    ``load``'s (a file refused after it still shows them); or exit 2 naming the column (``name``: the variant's label)
    an error broke; a variant's setting is located at --variant, as the user wrote it."""
    from aigc_roi.reader.load import load_path

    register_inputs([path])
    options = overrides(varied, "--variant")
    try:
        loaded = load_path(path, overrides(sets) + options)
    except ScenarioInvalid as invalid:
        invalid.warnings = tuple(_in_column(warning, path, name, options) for warning in invalid.warnings)
        # An error in a --set names the option, not the file: say which column it broke.
        if all(error.file == str(path) for error in invalid.errors):
            refuse_scenario(str(path), invalid)
        # Every line carries its own location and column, so grep or an editor's jump list keeps the context.
        column_name = f"--variant {name!r} of {path}" if name else str(path)
        refuse_scenario(str(path), invalid, [
            error if error.file == str(path) else dataclasses.replace(error, message=f"{error.message} (in {column_name})")
            for error in invalid.errors])
    warn_loaded(loaded.path, [_in_column(warning, path, name, options) for warning in loaded.warnings])
    return loaded


def _in_column(warning: ScenarioError, path: Path, name: str | None, varied: tuple[Override, ...]) -> ScenarioError:
    """A warning located at an option, with the column it is of after it, as an error there is: one --set goes to
    every file, and the option alone does not say which file it moved (a month set into two files' schedules warns
    of each, with keys to offer for one only). One at a variant's setting names its label, so two variants of the
    same settings are told apart; one at the --set alone is the file's (the base column's, said once)."""
    if warning.file == str(path):
        return warning
    of_variant = name is not None and any(setting.named in warning.file for setting in varied)
    column = f"--variant {name!r} of {path}" if of_variant else str(path)
    return dataclasses.replace(warning, message=f"{warning.message} (in {column})")


def fail_on_two_currencies(columns: list[tuple[str, LoadedScenario]]) -> None:
    """Exit 2 with a line for every column (source, loaded) in another currency than the first's
    (reader/one_currency.py)."""
    from aigc_roi.reader.one_currency import currency_errors

    errors = currency_errors(columns[0], [loaded for _, loaded in columns[1:]])
    if errors:
        fail(errors)


def compare(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE...", click_type=FileToRead(), help="Two or more scenario files, or one file with --variant.")],
    variant: Annotated[list[str] | None, typer.Option(
        "--variant", metavar="'LABEL: PATH=VALUE[, PATH=VALUE]'",
        help="A what-if column of the one FILE, e.g. 'cheaper bid: Douyin CPA.bid=10' (repeatable).")] = None,
    set_: SetOption = None,
    samples: Annotated[int | None, typer.Option(
        "--samples", metavar="N", click_type=WholeNumber(1, MAX_SAMPLES),
        help="Compare on risk: simulate each scenario with this many samples and show P5/P50/P95 "
             "of each figure and the chance of payback.")] = None,
    seed: SeedOption = 0,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", metavar="N", click_type=WholeNumber(1),
        help="With --samples: workers that share each simulation (processes on Linux, else threads), at most one "
             "per core (default: up to 4). "
             "The numbers never change.")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="With two FILEs (base, new): split the change of roi, npv, payback month and peak cash need "
                          "among the inputs that differ (Shapley shares). With --format csv, writes that table.")] = False,
    format_: Annotated[CompareFormat, typer.Option(
        "--format", "-f", help="Output format; xlsx writes the figures side by side (and --explain's table) to --output.",
    )] = CompareFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    bom: BomOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Figures of several scenarios side by side: best per row marked, differences against the first."""
    from aigc_roi.present.compare import ComparePresenter, fixed_headers

    language = open_command(lang, quiet, format_.value, bom)
    check_xlsx(format_.value, output, language)
    refuse_idle([("--samples", "table, json, csv, markdown", samples is not None and format_ is CompareFormat.xlsx),
                 ("--seed", "--samples", given("seed") and samples is None),
                 ("--jobs", "--samples", jobs is not None and samples is None)], format_.value, language)
    sets = list(set_ or [])
    if variant and len(files) != 1:
        fail([f"--variant: give exactly one FILE to vary, found {len(files)}"])
    if not variant and len(files) < 2:
        fail([CommandLineProblem("give two or more FILEs, or one FILE with --variant")])
    if explain and (variant or len(files) != 2 or samples is not None):
        fail(["--explain: give exactly two FILEs (base, new), without --variant or --samples"])
    if variant:
        from aigc_roi.reader.overrides import item_names, path_reader
        from aigc_roi.reader.written_tree import scenario_tree

        base = _loaded(files[0], sets, None)
        tree = scenario_tree(base.scenario)
        read = path_reader(tree, "--variant")
        parsed = [parse_variant(text, read, item_names(tree)) for text in variant]
        scenarios = [(None, source_text(files[0], sets), base)] + [
            (name, source_text(files[0], sets + extra), _loaded(files[0], sets, name, extra)) for name, extra in parsed]
    else:
        scenarios = [(None, source_text(path, sets), _loaded(path, sets, None)) for path in files]
    from aigc_roi.whatif.threads import default_jobs

    fail_on_two_currencies([(source, loaded) for _, source, loaded in scenarios])
    with stage_progress_bar(language) as stages:
        comparison = api.compare([(name, source, loaded.scenario) for name, source, loaded in scenarios], samples, seed,
                                 default_jobs() if jobs is None else jobs, stages, fixed_headers())
    for (_, _, loaded), column in zip(scenarios, comparison.columns, strict=True):
        if column.simulation is not None:
            warn_clipped(loaded, column.simulation.clipped)
            warn_payback_window(loaded, column.simulation.payback_window)
    if explain:
        try:
            changes = explained_change(files[0], files[1], sets)
        except ScenarioInvalid as invalid:  # both files loaded for the columns: only a broken combination gets here
            fail(invalid.errors)
        comparison = dataclasses.replace(comparison, changes=changes)
    warn_bases(comparison, language)
    currency = comparison.currency
    title = label("compare_title", language) + bracketed(currency, language)
    if samples is not None:
        title = label("compare_risk_title", language).format(samples=f"{samples:,}", seed=seed) + bracketed(currency, language)
    presenter = ComparePresenter(NumberStyle(language, currency), title, on_risk=samples is not None)
    deliver(presenter, comparison, format_.value, output, force, bom, sets=set_)


def warn_bases(comparison: Comparison, language: str) -> None:
    """One line (a note) when the columns differ in discount rate, horizon or start, naming the figures each
    difference affects: they are still shown and ranked, as asked, but not on one basis (docs/formulas.md §12)."""
    from aigc_roi.cli.edge import PROGRAM
    from aigc_roi.present.compare import compare_columns
    from aigc_roi.present.compare_basis import basis_warning
    from aigc_roi.present.text import visible

    bases = compare_columns(comparison)
    sentence, english = basis_warning(bases, language), basis_warning(bases, "en")
    if sentence is not None and english is not None:
        note(visible(f"{PROGRAM}: {sentence}"), visible(f"{PROGRAM}: {english}"))


# --- breakeven -----------------------------------------------------------------


def breakeven(
    file: FileArgument,
    set_: SetOption = None,
    format_: FormatOption = FigureFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    bom: BomOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """For every driver, the value at which ROI = 0 and at which payback meets targets.max_payback_months (default 12)."""
    from aigc_roi.present.breakeven import BreakEvenPresenter, breakeven_title

    language = open_command(lang, quiet, format_.value, bom)
    loaded = load(file, set_)
    scenario = loaded.scenario
    table = api.break_even(scenario)
    warn_payback_window(loaded, table.payback_window, chance=False)
    style = NumberStyle(language, scenario.currency)
    deliver(BreakEvenPresenter(style, breakeven_title(table.scenario, style)), table, format_.value, output, force, bom, sets=set_)


# --- sensitivity ---------------------------------------------------------------


def sensitivity(
    file: FileArgument,
    set_: SetOption = None,
    step: Annotated[float, typer.Option(
        "--step", metavar="STEP", click_type=Number(f"a step in (0, {MAX_STEP:g}], such as 20% or 0.2", 0, MAX_STEP,
                                                       min_open=True),
        help="Relative move of each driver, e.g. 20% or 0.2.")] = 0.2,
    grid: Annotated[str | None, typer.Option(
        "--grid", metavar="DRIVER1,DRIVER2",
        help="Two-way ROI table of two drivers (as breakeven lists them), by path or by name, "
             "e.g. 'Douyin CPA.bid,Annual member.price'.")] = None,
    grid_steps: Annotated[int, typer.Option("--grid-steps", metavar="N", click_type=WholeNumber(MIN_GRID_STEPS, MAX_GRID_STEPS),
                                            help="Values of each --grid driver.")] = 5,
    format_: FormatOption = FigureFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    bom: BomOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Each driver moved down and up by --step: change in ROI, net cash and payback, largest first."""
    from aigc_roi.present.sensitivity import GridPresenter, SensitivityPresenter, grid_title

    language = open_command(lang, quiet, format_.value, bom)
    refuse_idle([("--grid-steps", "--grid", given("grid_steps") and grid is None)], format_.value, language)
    scenario = load(file, set_).scenario
    paths = _grid_paths(grid, scenario) if grid is not None else []
    style = NumberStyle(language, scenario.currency)
    if grid is None:
        analysis = api.sensitivity(scenario, step)
        title = label("sensitivity_title", language).format(scenario=scenario.name, step=f"{step * 100:g}%",
                                                            currency=scenario.currency)
        deliver(SensitivityPresenter(style, title), analysis, format_.value, output, force, bom, sets=set_)
        return
    try:
        table = api.sensitivity_grid(scenario, paths[0], paths[1], step, grid_steps)
    except WhatIfError as refused:
        fail([f"--grid: {refused}"])
    deliver(GridPresenter(style, grid_title(table, style, table.scenario)), table, format_.value, output, force, bom, sets=set_)


def _grid_paths(grid: str, scenario: Scenario) -> list[str]:
    """``--grid``'s two driver paths, or exit 2 with one line: told of an input method's comma, dots or brackets where
    the paths name places of ``scenario`` only with them as ASCII (model/ime_marks.py), so it is read after the file."""
    from aigc_roi.reader.overrides import item_names, path_reader
    from aigc_roi.reader.written_tree import scenario_tree

    tree = scenario_tree(scenario)
    read = path_reader(tree, "--grid")

    def reads(text: str) -> bool:
        paths = _split_top_level(text, ",")
        return len(paths) == 2 and all(names_something(read, path) for path in paths)

    paths = _split_top_level(grid, ",")
    slip = ime_slip(grid, SEPARATORS + PATH_MARKS, reads, item_names(tree))
    if len(paths) != 2 or slip:
        fail([f"--grid: expected two driver paths separated by a comma, found {grid!r}" + (f"; {slip}" if slip else "")])
    return paths
