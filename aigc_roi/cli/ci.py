"""`aigc-roi validate`, `check` and `schema`: the guardrails a CI job runs.

Exit codes follow grep/diff: 0 all good, 1 a valid scenario misses a
target (`check`), 2 invalid input. `validate` loads files and nothing
else: the engine is imported inside `check` only, so validating hundreds
of files costs no more than reading them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import RenderableType
from rich.text import Text

from aigc_roi.ci.baseline import SCENARIO_SUFFIXES, Change, changes_since
from aigc_roi.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TARGET_MISSED,
    ForceOption,
    OutputOption,
    SetOption,
    emit,
    message_line,
    overrides,
    show,
    stderr,
    usage_errors,
)
from aigc_roi.model.errors import ScenarioInvalid, UsageError
from aigc_roi.model.scenario import Scenario
from aigc_roi.model.targets import Figures, check_targets
from aigc_roi.present import ci_view as render
from aigc_roi.present.ci_view import Checked, Comparison, Validated
from aigc_roi.reader.fields import json_schema
from aigc_roi.reader.load import load_path
from aigc_roi.reader.overrides import Override


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    markdown = "markdown"


PathsArgument = Annotated[
    list[Path],
    typer.Argument(metavar="PATH", help="Scenario files, or folders to search for *.yaml and *.yml files.",
                   show_default=False),
]
_FORMAT_HELP = "Output format (default: github when GITHUB_ACTIONS=true, else text)."
ValidateFormatOption = Annotated[ValidateFormat | None, typer.Option("--format", "-f", help=_FORMAT_HELP)]
CheckFormatOption = Annotated[CheckFormat | None, typer.Option("--format", "-f", help=_FORMAT_HELP)]
BaseOption = Annotated[
    str | None,
    typer.Option("--base", metavar="REF",
                 help="Git revision to compare with: the figures of each scenario changed since REF, before and after."),
]

F = TypeVar("F", ValidateFormat, CheckFormat)


def _resolve(format_: F | None, github: F, text: F) -> F:
    # Like yamllint: inside GitHub Actions, annotations unless asked otherwise.
    if format_ is not None:
        return format_
    return github if os.environ.get("GITHUB_ACTIONS") == "true" else text


def scenario_files(paths: Sequence[Path]) -> list[Path]:
    """Each file as given and every scenario file below each folder, sorted, each once.

    Hidden files and folders below a given folder are skipped (``.git``,
    ``.github``). A missing path stays in the list so the loader reports it.
    Raises UsageError for a folder without any scenario file, which is
    almost always a mistyped CI path that would otherwise pass silently.
    """
    files: dict[Path, None] = {}
    for path in paths:
        if not path.is_dir():
            files[path] = None
            continue
        found = []
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            found += [Path(folder, name) for name in names
                      if name.endswith(SCENARIO_SUFFIXES) and not name.startswith(".")]
        if not found:
            raise UsageError(f"{path}: no *.yaml or *.yml files in this folder")
        files.update(dict.fromkeys(sorted(found)))
    return list(files)


def validate_files(files: Sequence[Path], sets: tuple[Override, ...] = ()) -> list[Validated]:
    results = []
    for file in files:
        try:
            results.append(Validated(str(file), load_path(file, sets)))
        except ScenarioInvalid as invalid:
            results.append(Validated(str(file), None, tuple(invalid.errors)))
    return results


def _files(paths: Sequence[Path]) -> list[Path]:
    with usage_errors():
        return scenario_files(paths)


def _annotate_errors(results: Sequence[Validated]) -> str:
    return "".join(render.error_annotation(error, result.path) for result in results for error in result.errors)


def _print_errors(results: Sequence[Validated]) -> None:
    console = stderr()
    for result in results:
        for error in result.errors:
            console.print(message_line(error), markup=False)


def validate(paths: PathsArgument, format_: ValidateFormatOption = None) -> None:
    """Check scenario files against the format: every error of every file, then a summary. Exit 0 or 2."""
    chosen = _resolve(format_, ValidateFormat.github, ValidateFormat.text)
    results = validate_files(_files(paths))
    if chosen is ValidateFormat.json:
        emit(render.as_json(render.validate_json(results)))
    else:
        if chosen is ValidateFormat.github:
            emit(_annotate_errors(results))
        else:
            _print_errors(results)
        emit(render.validate_summary(results) + "\n")
    raise typer.Exit(EXIT_INVALID if any(result.errors for result in results) else EXIT_OK)


def _figures(scenario: Scenario) -> Figures:
    """The figures of a deterministic run (every range at its median), as `run` shows them."""
    # Imported here, not at the top: `validate` shares this module and must stay light.
    from aigc_roi.model.engine import evaluate
    from aigc_roi.model.sampling import realize
    from aigc_roi.present.report import figures_of

    return figures_of(evaluate(realize(scenario)))


def _check(results: Sequence[Validated]) -> list[Checked]:
    checked = []
    for result in results:
        if result.loaded is not None:
            scenario = result.loaded.scenario
            figures = _figures(scenario)
            checked.append(Checked(result.path, result.loaded, figures, check_targets(scenario.targets, figures)))
    return checked


def _compare(changes: Sequence[Change], checked: Sequence[Checked], results: Sequence[Validated]) -> list[Comparison]:
    """One comparison per changed file that this run looked at (or that was removed)."""
    now = {Path(item.path): item for item in checked}
    looked_at = {Path(result.path) for result in results}
    comparisons = []
    for change in changes:
        if change.status != "removed" and Path(change.path) not in looked_at:
            continue
        after = now.get(Path(change.path))
        source = after.loaded if after is not None else change.before
        name, currency = (source.scenario.name, source.scenario.currency) if source is not None else ("", "CNY")
        before = _figures(change.before.scenario) if change.before is not None else None
        comparisons.append(Comparison(change.path, change.status, name, currency, before,
                                      after.figures if after is not None else None, change.before_errors))
    return comparisons


def check(
    paths: PathsArgument,
    set_: SetOption = None,
    format_: CheckFormatOption = None,
    base: BaseOption = None,
) -> None:
    """Validate, then hold every valid scenario to its targets. Exit 0 all met, 1 a target missed, 2 invalid input."""
    chosen = _resolve(format_, CheckFormat.github, CheckFormat.text)
    files = _files(paths)
    sets = overrides(set_)
    with usage_errors():
        changes = changes_since(base, paths, sets) if base is not None else []
    results = validate_files(files, sets)
    checked = _check(results)
    comparisons = _compare(changes, checked, results)
    _report_check(chosen, results, checked, base, comparisons)
    if any(result.errors for result in results):
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_OK if all(item.passed for item in checked) else EXIT_TARGET_MISSED)


def _report_check(chosen: CheckFormat, results: Sequence[Validated], checked: Sequence[Checked],
                  base: str | None, comparisons: Sequence[Comparison]) -> None:
    from aigc_roi.present import tables as export

    if chosen is CheckFormat.json:
        data = render.check_json(checked, results)
        if base is not None:
            data["baseline"] = render.comparison_json(base, comparisons)
        emit(export.to_json(data))
        return
    if chosen is CheckFormat.markdown:
        parts = [export.to_markdown(render.check_grid(checked), "Targets")]
        if base is not None:
            parts.append(f"## Figures changed since `{base}`\n" + ("" if comparisons else "\nNo scenario changed.\n"))
            parts += [export.to_markdown(render.comparison_grid(c), render.comparison_title(c)) for c in comparisons]
        # A blank line before the summary, or markdown reads it as one more table row.
        emit("\n".join([*parts, render.check_summary(results, checked) + "\n"]))
        _print_errors(results)
        return
    if chosen is CheckFormat.github:
        emit(_annotate_errors(results) + "".join(render.target_annotations(item) for item in checked))
    else:
        _print_errors(results)
    tables: list[RenderableType] = [render.rich_table(render.check_grid(checked), text_columns=2)] if checked else []
    if base is not None:
        tables += [render.rich_table(render.comparison_grid(c), render.comparison_title(c)) for c in comparisons]
        if not comparisons:
            tables.append(Text(f"No scenario changed since {base}."))
    show(tables)
    emit(render.check_summary(results, checked) + "\n")


def schema(output: OutputOption = None, force: ForceOption = False) -> None:
    """Print the JSON Schema (draft 2020-12) of the scenario format, for editors and the YAML language server."""
    emit(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", output, force)
