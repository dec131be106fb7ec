"""`aigc-roi validate`, `check` and `schema`: the guardrails a CI job runs.

Exit codes follow grep/diff: 0 all good, 1 a valid scenario misses a
target (`check`), 2 invalid input. `validate` loads files and nothing
else: the engine is imported inside `check` only, so validating hundreds
of files costs no more than reading them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from aigc_roi.ci.discovery import scenario_files
from aigc_roi.ci.errors import BaselineError, NoScenarioFiles
from aigc_roi.cli.options import MAX_SAMPLES, ForceOption, LangOption, OutputOption, QuietOption, SetOption
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
    set_quiet,
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
    typer.Argument(metavar="FILE...", help="Scenario files, or folders to search for *.yaml and *.yml files.",
                   show_default=False),
]
_FORMAT_HELP = "Output format (default: github when GITHUB_ACTIONS and GITHUB_WORKFLOW are set, else text)."
ValidateFormatOption = Annotated[ValidateFormat | None, typer.Option("--format", "-f", help=_FORMAT_HELP)]
CheckFormatOption = Annotated[CheckFormat | None, typer.Option("--format", "-f", help=_FORMAT_HELP)]
BaseOption = Annotated[
    str | None,
    typer.Option("--base", metavar="REF",
                 help="Git revision to compare with: the figures of each scenario changed since REF, before and after."),
]

F = TypeVar("F", ValidateFormat, CheckFormat)


def _resolve(format_: F | None, github: F, text: F) -> F:
    # As yamllint does: annotations when both variables GitHub Actions sets are
    # present, so a stray GITHUB_ACTIONS in a local shell does not switch formats.
    if format_ is not None:
        return format_
    in_actions = "GITHUB_ACTIONS" in os.environ and "GITHUB_WORKFLOW" in os.environ
    return github if in_actions else text


def _files(paths: Sequence[Path]) -> list[Path]:
    try:
        return scenario_files(paths)
    except NoScenarioFiles as refused:
        fail([str(refused)])


def _base_errors_markdown(comparison: Comparison) -> str:
    """The errors that made the base side of ``comparison`` invalid, as a fenced block (empty without any)."""
    lines = "".join(message_line(error) + "\n" for error in comparison.before_errors)
    if not lines:
        return ""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", lines)), default=0))
    return f"\n{fence}text\n{lines}{fence}\n"


def _finding_lines(results: Sequence[Validated]) -> str:
    """Every error as ``file:line:col: path: message``: findings, so on stdout (as ruff and yamllint print them)."""
    return "".join(message_line(error) + "\n" for result in results for error in result.errors)


def validate(paths: PathsArgument, format_: ValidateFormatOption = None, lang: LangOption = None,
             quiet: QuietOption = False) -> None:
    """Check scenario files against the format: every error of every file on stdout, a summary on stderr. Exit 0 or 2."""
    from aigc_roi.ci.checks import validate_files
    from aigc_roi.present import ci_view as render

    chosen_lang = resolve_lang(lang)
    set_quiet(quiet)
    chosen = _resolve(format_, ValidateFormat.github, ValidateFormat.text)
    results = validate_files(_files(paths))
    if chosen is ValidateFormat.json:
        from aigc_roi.present import tables  # with csv and json: the other formats need neither

        emit(tables.to_json(render.validate_json(results)))
    else:
        if chosen is ValidateFormat.github:
            emit("".join(render.group(result.path, "".join(render.error_annotation(error, result.path, chosen_lang)
                                                            for error in result.errors)) for result in results))
        else:
            emit(_finding_lines(results))
        note(in_language(render.validate_summary(results)))
    raise typer.Exit(EXIT_INVALID if any(result.errors for result in results) else EXIT_OK)


def check(
    paths: PathsArgument,
    set_: SetOption = None,
    format_: CheckFormatOption = None,
    base: BaseOption = None,
    samples: Annotated[int, typer.Option(
        "--samples", metavar="N", min=1, max=MAX_SAMPLES,
        help="Samples simulated for targets.min_payback_probability.")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", metavar="SEED", min=0, help="Random seed of that simulation.")] = 0,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Validate, then hold every valid scenario to its targets. Exit 0 all met, 1 a target missed, 2 invalid input."""
    from aigc_roi.ci.baseline import changes_since
    from aigc_roi.ci.checks import check_files, compare_with_base, missed_at_base, validate_files

    chosen_lang = resolve_lang(lang)
    set_quiet(quiet)
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
    at_base = missed_at_base(checked, comparisons) if base is not None else None
    _report_check(chosen, chosen_lang, results, checked, base, comparisons, at_base)
    if any(result.errors for result in results):
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_OK if all(item.passed for item in checked) else EXIT_TARGET_MISSED)


def _report_check(chosen: CheckFormat, lang: str, results: Sequence[Validated], checked: Sequence[Checked], base: str | None,
                  comparisons: Sequence[Comparison], at_base: dict[str, frozenset[str]] | None) -> None:
    from rich.console import RenderableType
    from rich.text import Text

    from aigc_roi.present import ci_view as render
    from aigc_roi.present import tables
    from aigc_roi.present.labels import label
    from aigc_roi.present.text import markdown_text

    if chosen is CheckFormat.json:
        data = render.check_json(checked, results)
        if base is not None:
            data["baseline"] = render.comparison_json(base, comparisons)
        emit(tables.to_json(data))
        return
    grid = render.check_grid(checked, at_base, base or "", lang)
    if chosen is CheckFormat.markdown:
        parts = [tables.to_markdown(grid, label("check_md_targets", lang), text_columns=2)]
        invalid = _finding_lines(results)
        if invalid:
            # A fence longer than any run of backticks in the findings, which a name cannot then close.
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", invalid)), default=0))
            parts.append(f"### {label('check_md_invalid', lang)}\n\n{fence}text\n" + invalid + f"{fence}\n")
        if base is not None:
            parts.append(f"## {label('check_md_changed', lang).format(base=base)}\n"
                         + ("" if comparisons else f"\n{label('check_md_no_change', lang)}\n"))
            parts += [(f"- {markdown_text(render.comparison_line(c, base, lang))}\n" if render.is_one_line(c)
                       else tables.to_markdown(render.comparison_grid(c, lang), render.comparison_title(c, lang)))
                      + _base_errors_markdown(c) for c in comparisons]
        # A blank line before the summary, or markdown reads it as one more table row.
        emit("\n".join([*parts, in_language(render.check_summary(results, checked)) + "\n"]))
        return
    if chosen is CheckFormat.github:
        _annotate_check(results, checked, base or "", comparisons, at_base, lang)
    else:
        emit(_finding_lines(results))
    views: list[RenderableType] = [render.rich_table(grid, text_columns=2, lang=lang)] if checked else []
    if base is not None:
        for comparison in comparisons:
            if render.is_one_line(comparison):
                views.append(Text(render.comparison_line(comparison, base, lang)))
            else:
                views.append(render.rich_table(render.comparison_grid(comparison, lang), render.comparison_title(comparison, lang),
                                               lang=lang))
        if not comparisons:
            views.append(Text(label("check_no_change", lang).format(base=base)))
    show(views)
    # Why a base side reads "invalid": its errors, located at REF:FILE, one a line as grep and editors read them.
    emit("".join(message_line(error) + "\n" for comparison in comparisons for error in comparison.before_errors))
    note(in_language(render.check_summary(results, checked)))


def _annotate_check(results: Sequence[Validated], checked: Sequence[Checked], base: str,
                    comparisons: Sequence[Comparison], at_base: dict[str, frozenset[str]] | None, lang: str) -> None:
    """One ``::group::`` per file: its errors, or its missed targets."""
    from aigc_roi.present import ci_view as render

    by_path = {item.path: item for item in checked}
    changed = {comparison.path: comparison for comparison in comparisons}
    out = []
    for result in results:
        body = "".join(render.error_annotation(error, result.path, lang) for error in result.errors)
        item = by_path.get(result.path)
        if item is not None:
            comparison = changed.get(item.path)
            body += render.target_annotations(item, None if at_base is None else at_base[item.path], base,
                                              comparison.changed_inputs if comparison else (), lang,
                                              comparison.blamed if comparison else None)
        out.append(render.group(result.path, body))
    emit("".join(out))


def schema(output: OutputOption = None, force: ForceOption = False, lang: LangOption = None,
           quiet: QuietOption = False) -> None:
    """Print the JSON Schema (draft 2020-12) of the scenario format, for editors and the YAML language server."""
    import json

    from aigc_roi.reader.fields import json_schema

    chosen_lang = resolve_lang(lang)
    set_quiet(quiet)
    document = json_schema()
    if chosen_lang == "zh":
        # Titles and descriptions only: an editor checks a file the same way in either language.
        from aigc_roi.present.schema_zh import translate_schema

        document = translate_schema(document)
    emit(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output, force)
