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
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from aigc_roi.ci.discovery import scenario_files
from aigc_roi.ci.errors import BaselineError, NoScenarioFiles
from aigc_roi.cli.options import MAX_SAMPLES, ForceOption, LangOption, OutputOption, SetOption
from aigc_roi.cli.streams import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TARGET_MISSED,
    emit,
    fail,
    in_language,
    message_line,
    note,
    overrides,
    resolve_lang,
    show,
)

if TYPE_CHECKING:
    from aigc_roi.ci.records import Checked, Comparison, Validated


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






def _files(paths: Sequence[Path]) -> list[Path]:
    try:
        return scenario_files(paths)
    except NoScenarioFiles as refused:
        fail([str(refused)])


def _annotate_errors(results: Sequence[Validated]) -> str:
    from aigc_roi.present import ci_view as render

    return "".join(render.error_annotation(error, result.path) for result in results for error in result.errors)


def _print_errors(results: Sequence[Validated]) -> None:
    for result in results:
        for error in result.errors:
            note(message_line(error))


def validate(paths: PathsArgument, format_: ValidateFormatOption = None, lang: LangOption = None) -> None:
    """Check scenario files against the format: every error of every file, then a summary. Exit 0 or 2."""
    from aigc_roi.ci.checks import validate_files
    from aigc_roi.present import ci_view as render
    from aigc_roi.present import tables

    resolve_lang(lang)
    chosen = _resolve(format_, ValidateFormat.github, ValidateFormat.text)
    results = validate_files(_files(paths))
    if chosen is ValidateFormat.json:
        emit(tables.to_json(render.validate_json(results)))
    else:
        if chosen is ValidateFormat.github:
            emit(_annotate_errors(results))
        else:
            _print_errors(results)
        emit(in_language(render.validate_summary(results)) + "\n")
    raise typer.Exit(EXIT_INVALID if any(result.errors for result in results) else EXIT_OK)








def check(
    paths: PathsArgument,
    set_: SetOption = None,
    format_: CheckFormatOption = None,
    base: BaseOption = None,
    samples: Annotated[int, typer.Option(
        "--samples", min=1, max=MAX_SAMPLES,
        help="Samples simulated for targets.min_payback_probability.")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed of that simulation.")] = 0,
    lang: LangOption = None,
) -> None:
    """Validate, then hold every valid scenario to its targets. Exit 0 all met, 1 a target missed, 2 invalid input."""
    from aigc_roi.ci.baseline import changes_since
    from aigc_roi.ci.checks import check_files, compare_with_base, validate_files

    resolve_lang(lang)
    chosen = _resolve(format_, CheckFormat.github, CheckFormat.text)
    files = _files(paths)
    sets = overrides(set_)
    try:
        changes = changes_since(base, paths, sets) if base is not None else []
    except BaselineError as refused:
        fail([f"--base: {refused}"])
    results = validate_files(files, sets)
    checked = check_files(results, samples, seed)
    comparisons = compare_with_base(changes, checked, results)
    _report_check(chosen, results, checked, base, comparisons)
    if any(result.errors for result in results):
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_OK if all(item.passed for item in checked) else EXIT_TARGET_MISSED)


def _report_check(chosen: CheckFormat, results: Sequence[Validated], checked: Sequence[Checked],
                  base: str | None, comparisons: Sequence[Comparison]) -> None:
    from rich.console import RenderableType
    from rich.text import Text

    from aigc_roi.present import ci_view as render
    from aigc_roi.present import tables

    if chosen is CheckFormat.json:
        data = render.check_json(checked, results)
        if base is not None:
            data["baseline"] = render.comparison_json(base, comparisons)
        emit(tables.to_json(data))
        return
    if chosen is CheckFormat.markdown:
        parts = [tables.to_markdown(render.check_grid(checked), "Targets")]
        if base is not None:
            parts.append(f"## Figures changed since `{base}`\n" + ("" if comparisons else "\nNo scenario changed.\n"))
            parts += [tables.to_markdown(render.comparison_grid(c), render.comparison_title(c)) for c in comparisons]
        # A blank line before the summary, or markdown reads it as one more table row.
        emit("\n".join([*parts, render.check_summary(results, checked) + "\n"]))
        _print_errors(results)
        return
    if chosen is CheckFormat.github:
        emit(_annotate_errors(results) + "".join(render.target_annotations(item) for item in checked))
    else:
        _print_errors(results)
    views: list[RenderableType] = [render.rich_table(render.check_grid(checked), text_columns=2)] if checked else []
    if base is not None:
        views += [render.rich_table(render.comparison_grid(c), render.comparison_title(c)) for c in comparisons]
        if not comparisons:
            views.append(Text(f"No scenario changed since {base}."))
    show(views)
    emit(in_language(render.check_summary(results, checked)) + "\n")


def schema(output: OutputOption = None, force: ForceOption = False, lang: LangOption = None) -> None:
    """Print the JSON Schema (draft 2020-12) of the scenario format, for editors and the YAML language server."""
    resolve_lang(lang)
    from aigc_roi.reader.fields import json_schema

    emit(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", output, force)
