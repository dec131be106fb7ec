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
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from aigc_roi.ci.errors import BaselineError, NoScenarioFiles
from aigc_roi.cli.options import (
    MAX_SAMPLES,
    MAX_SEED,
    DocumentOutputOption,
    FilesJobsOption,
    FileToRead,
    ForceOption,
    LangOption,
    QuietOption,
    SetOption,
    WholeNumber,
)
from aigc_roi.cli.output import open_command, refuse_idle, refuse_other_format, what_if_sets
from aigc_roi.cli.streams import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TARGET_MISSED,
    emit,
    emit_json,
    emit_lines,
    fail,
    in_language,
    note,
    refuse_with_document,
    show,
    warn_loaded,
)
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.errors import located_message

if TYPE_CHECKING:
    from rich.console import RenderableType

    from aigc_roi.ci.records import Checked, Comparison, Validated
    from aigc_roi.present.ci_view import Finding


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class CheckFormat(StrEnum):
    text = "text"
    table = "table"
    json = "json"
    github = "github"
    markdown = "markdown"


PathsArgument = Annotated[
    list[Path],
    typer.Argument(metavar="FILE...", click_type=FileToRead(), help="Scenario files, or folders to search for *.yaml and *.yml files.",
                   show_default=False),
]
_FORMAT_HELP = "Output format (default: github when GITHUB_ACTIONS and GITHUB_WORKFLOW are set, else text)."
ValidateFormatOption = Annotated[ValidateFormat | None, typer.Option("--format", "-f", help=_FORMAT_HELP)]
CheckFormatOption = Annotated[CheckFormat | None, typer.Option(
    "--format", "-f", help=_FORMAT_HELP + " text lists problems only; table adds every target of every file.")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Also show what passed, not only the problems.")]
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


def validate_refusal(line: str) -> str:
    """`validate --format json`'s one document for a run refused before it read a file (``line``: why, in English)."""
    from aigc_roi.present import tables
    from aigc_roi.present.ci_view import validate_refusal_json

    return tables.to_json(validate_refusal_json(line))


def check_refusal(line: str) -> str:
    """`check --format json`'s one document for a run refused before it checked a file (``line``: why, in English)."""
    from aigc_roi.present import tables
    from aigc_roi.present.ci_view import check_refusal_json

    return tables.to_json(check_refusal_json(line))


def _base_errors_markdown(comparison: Comparison, base: str, lang: str) -> str:
    """The errors that made the base side of ``comparison`` invalid, as a fenced block (empty without any)."""
    from aigc_roi.present.base_view import base_error_line

    lines = "".join(base_error_line(error, comparison, base, lang) + "\n" for error in comparison.before_errors)
    if not lines:
        return ""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", lines)), default=0))
    return f"\n{fence}text\n{lines}{fence}\n"


def _finding_lines(results: Sequence[Validated], lang: str, verbose: bool = False) -> str:
    """Every error as ``file:line:col: path: message``: findings, so on stdout (as ruff and yamllint print them);
    with ``verbose`` a valid file says so too (``file: valid``)."""
    from aigc_roi.present.labels import label
    from aigc_roi.present.text import visible

    valid = f": {label('validate_valid', lang)}\n"
    return "".join((visible(str(result.path)) + valid) if verbose and not result.errors
                   else "".join(located_message(error, lang) + "\n" for error in result.errors) for result in results)


def validate(paths: PathsArgument, format_: ValidateFormatOption = None, lang: LangOption = None,
             quiet: QuietOption = False, verbose: VerboseOption = False, jobs: FilesJobsOption = None) -> None:
    """Check scenario files against the format: every error of every file on stdout, a summary on stderr. Exit 0 or 2."""
    # Not through api.py: validating a file loads the reader alone (tests/contract/test_startup.py), and the API
    # module would bring the engine's types along.
    from aigc_roi.ci.checks import POOL_FROM, iter_validated
    from aigc_roi.ci.discovery import scenario_files
    from aigc_roi.present import ci_view as render

    if format_ is ValidateFormat.json:
        refuse_with_document(validate_refusal)
    chosen_lang = open_command(lang, quiet, evaluates=False)
    # Only a --format given is held against -v: GitHub Actions' default of github must not fail a command that
    # passes on a laptop.
    refuse_idle([("--verbose", "text", verbose and format_ in (ValidateFormat.json, ValidateFormat.github))],
                str(format_), chosen_lang)
    chosen = _resolve(format_, ValidateFormat.github, ValidateFormat.text)
    # Each file's parsed tree is dropped once it is checked, and the text formats print each file's findings
    # as it is read, keeping only the invalid ones: memory stays flat over thousands of files.
    try:
        files = scenario_files(paths)
    except NoScenarioFiles as refused:
        fail([str(refused)])
    if len(files) >= POOL_FROM:
        from aigc_roi.ci.parallel import validated  # its pool's modules cost a hook on a few files 20 ms

        found = validated(files, jobs)
    else:
        found = iter_validated(files)
    if chosen is ValidateFormat.json:
        from aigc_roi.present import tables  # with csv and json: the other formats need neither

        results = list(found)
        invalid_results = [result for result in results if result.errors]
        emit_json(tables.to_json(render.validate_json(results)))
        for result in results:
            warn_loaded(result.path, result.warnings)
        # The tally on stderr as in every format: stdout stays one JSON document, and a refusal is never silent.
        tally = render.validate_tally(len(results), invalid_results)
        note(in_language(tally), tally)
        raise typer.Exit(EXIT_INVALID if invalid_results else EXIT_OK)
    count = 0
    invalid = []
    for result in found:
        count += 1
        if chosen is ValidateFormat.github:
            # A warning is an annotation there, as an error is, and not a line on stderr too: both reach the job log.
            emit_lines(partial(_validate_annotations, result))
        else:
            emit_lines(partial(_finding_lines, [result], verbose=verbose))
            warn_loaded(result.path, result.warnings)
        if result.errors:
            invalid.append(result)
    tally = render.validate_tally(count, invalid)
    note(in_language(tally), tally)
    raise typer.Exit(EXIT_INVALID if invalid else EXIT_OK)


def _validate_annotations(result: Validated, lang: str) -> str:
    """One file's group of annotations: its errors, then its warnings."""
    from aigc_roi.present import ci_view as render
    from aigc_roi.present.ci_warnings import read_warnings

    return render.group(result.path, "".join(render.error_annotation(error, result.path, lang) for error in result.errors)
                        + "".join(map(render.warning_annotation, read_warnings(result, lang))))


def check(
    paths: PathsArgument,
    set_: SetOption = None,
    format_: CheckFormatOption = None,
    base: BaseOption = None,
    samples: Annotated[int, typer.Option(
        "--samples", metavar="N", click_type=WholeNumber(1, MAX_SAMPLES),
        help="Samples simulated for targets.min_payback_probability.")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", metavar="SEED", click_type=WholeNumber(0, MAX_SEED),
                                      help="Random seed of that simulation.")] = 0,
    lang: LangOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    jobs: FilesJobsOption = None,
) -> None:
    """Validate, then hold every valid scenario to its targets. Exit 0 all met, 1 a target missed, 2 invalid input."""
    from aigc_roi import api
    from aigc_roi.cli.progress import stage_progress_bar

    if format_ is CheckFormat.json:
        refuse_with_document(check_refusal)
    chosen_lang = open_command(lang, quiet)
    refuse_idle([("--verbose", "text, table, github", verbose and format_ in (CheckFormat.json, CheckFormat.markdown))],
                str(format_), chosen_lang)
    chosen = _resolve(format_, CheckFormat.github, CheckFormat.text)
    if chosen is CheckFormat.text and verbose:
        chosen = CheckFormat.table
    try:
        with stage_progress_bar(chosen_lang) as stages:
            found = api.check_run(paths, set_ or [], samples, seed, base, jobs, explain=chosen is CheckFormat.markdown,
                                  progress=stages, set_option="--set")
    except NoScenarioFiles as refused:
        fail([str(refused)])
    except ScenarioInvalid as invalid:  # a --set that does not parse
        fail(invalid.errors)
    except BaselineError as refused:
        fail([f"--base: {refused}"])
    # A what-if that computed nothing (the --set refused by every file, or no file valid) is not announced: the
    # refusals alone say what happened.
    sets = what_if_sets(set_) if _computed(found.checked, found.comparisons) else []
    _report_check(chosen, chosen_lang, found.results, found.checked, base, found.comparisons, found.at_base, verbose, sets)
    if chosen is not CheckFormat.github:
        # Diagnostics, every kind alike: on stderr, where -q drops them. github annotates them instead
        # (_check_annotations); JSON and markdown list them in their document and keep these lines for whoever reads
        # stderr.
        lines = _warning_lines(found.results, found.checked, chosen_lang).splitlines()
        for line, english in zip(lines, _warning_lines(found.results, found.checked, "en").splitlines(), strict=True):
            note(line, english)
    from aigc_roi.present.ci_view import check_summary

    # The summary on stderr in every format (markdown also ends its document with it): a refusal is never silent.
    summary = check_summary(found.results, found.checked)
    note(in_language(summary), summary)
    if found.invalid:
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_OK if found.passed else EXIT_TARGET_MISSED)


def _computed(checked: Sequence[Checked], comparisons: Sequence[Comparison]) -> bool:
    """Whether any figures were computed: a file checked, or a changed file's at the base revision."""
    return bool(checked) or any(c.before is not None or c.after is not None for c in comparisons)


def _report_check(chosen: CheckFormat, lang: str, results: Sequence[Validated], checked: Sequence[Checked], base: str | None,
                  comparisons: Sequence[Comparison], at_base: dict[str, frozenset[str]] | None, verbose: bool,
                  sets: Sequence[tuple[str, str]] = ()) -> None:
    """The results in ``chosen``, marked as a what-if of ``sets`` (present/what_if.py): JSON's ``set``, markdown's
    heading, and in the formats of located lines, where a passing file prints nothing, a note on stderr."""
    from aigc_roi.present import base_view, what_if
    from aigc_roi.present import ci_view as render
    from aigc_roi.present.labels import label

    if sets and chosen not in (CheckFormat.json, CheckFormat.markdown):
        note(what_if.what_if_line(sets, lang), what_if.what_if_line(sets, "en"))

    if chosen in (CheckFormat.json, CheckFormat.markdown):
        from aigc_roi.present import tables
        from aigc_roi.present.text import markdown_code, markdown_text
    if chosen is CheckFormat.json:
        data = render.check_json(checked, results, base, at_base, comparisons)
        if base is not None:
            data["baseline"] = base_view.comparison_json(base, comparisons)
        emit_json(tables.to_json(what_if.marked_data(data, sets) if sets else data))
        return
    if chosen is CheckFormat.markdown:
        # No targets table when no file was checked (each refused --set, say), as text's table leaves it out.
        parts = [tables.to_markdown(render.check_grid(checked, at_base, base or "", lang), label("check_md_targets", lang),
                                    text_columns=2)] if checked else []
        # A folder that could not be opened is no invalid file: shown apart, as the summary counts it.
        files, folders = [r for r in results if not r.folder], [r for r in results if r.folder]
        parts += [_fenced(label(title, lang), lines) for title, lines in
                  (("check_md_invalid", _finding_lines(files, lang)), ("check_md_unreadable", _finding_lines(folders, lang)),
                   ("check_md_warnings", _warning_lines(results, checked, lang)))
                  if lines]
        if base is not None:
            parts.append(f"## {label('check_md_changed', lang).format(base=markdown_code(base))}\n"
                         + ("" if comparisons else f"\n{label('check_md_no_change', lang)}\n"))
            # A file whose figures are as they were has no move to split either.
            parts += [f"- {markdown_text(base_view.comparison_line(c, base, lang))}\n" + _base_errors_markdown(c, base, lang)
                      if base_view.is_one_line(c)
                      else tables.to_markdown(base_view.comparison_grid(c, lang), base_view.comparison_title(c, base, lang))
                      + _base_errors_markdown(c, base, lang) + _explain_markdown(c, base, lang) for c in comparisons]
        # A blank line before the summary, or markdown reads it as one more table row.
        text = "\n".join([*parts, in_language(render.check_summary(results, checked)) + "\n"])
        emit(what_if.marked_markdown(text, sets, lang) if sets else text)
        return
    # Each line in the language asked, or in English where stdout cannot write it (emit_lines).
    if chosen is CheckFormat.github:
        emit_lines(partial(_check_annotations, results, checked, base or "", comparisons, at_base))
    else:
        # The table too leads with the located lines, each miss's as text shows it: a problem matcher reads them.
        emit_lines(partial(_check_finding_lines, results, checked, base or "", comparisons, at_base))
    # Findings only unless asked for everything (as ruff and yamllint): a passing file prints nothing, and
    # without a table to show, Rich is not even imported.
    everything = chosen is CheckFormat.table or verbose
    if (everything and checked) or base is not None:
        show(lambda: _views(lang, checked, base, comparisons, at_base, everything))


def _views(lang: str, checked: Sequence[Checked], base: str | None, comparisons: Sequence[Comparison],
           at_base: dict[str, frozenset[str]] | None, everything: bool) -> list[RenderableType]:
    """The targets table (when everything is asked for), then with ``--base`` each changed file's comparison, each
    followed by why its version at ``base`` is invalid, as markdown has it."""
    from rich.text import Text

    from aigc_roi.present import base_view
    from aigc_roi.present import ci_view as render
    from aigc_roi.present.console import LogLine, Title
    from aigc_roi.present.labels import label

    views: list[RenderableType] = []
    if everything and checked:
        views.append(render.rich_table(render.check_grid(checked, at_base, base or "", lang), text_columns=2, lang=lang))
    if base is not None:
        for comparison in comparisons:
            if base_view.is_one_line(comparison):
                # All there is to say of the file (added since REF): a title without a table.
                views.append(Title(base_view.comparison_line(comparison, base, lang)))
            else:
                views.append(render.rich_table(base_view.comparison_grid(comparison, lang),
                                               base_view.comparison_title(comparison, base, lang), lang=lang))
            # Located in words rather than as FILE:LINE:COL, which a problem matcher would pin on the working tree's
            # file.
            views += [LogLine(base_view.base_error_line(error, comparison, base, lang))
                      for error in comparison.before_errors]
        if not comparisons:
            views.append(Text(label("check_no_change", lang).format(base=base)))
    return views


def _findings_by_file(checked: Sequence[Checked], base: str, comparisons: Sequence[Comparison],
                      at_base: dict[str, frozenset[str]] | None, lang: str) -> dict[str, list[Finding]]:
    """Each checked file's missed targets (and targets it could not hold), where each points."""
    from aigc_roi.present import ci_view as render

    changed = {comparison.path: comparison for comparison in comparisons}
    found = {}
    for item in checked:
        comparison = changed.get(item.path)
        found[item.path] = render.target_findings(item, None if at_base is None else at_base[item.path], base,
                                                  comparison, lang)
    return found


def _check_finding_lines(results: Sequence[Validated], checked: Sequence[Checked], base: str,
                         comparisons: Sequence[Comparison], at_base: dict[str, frozenset[str]] | None, lang: str) -> str:
    """File by file: its errors, or its missed targets, one located line each; a target's warning (a payback
    target past the horizon) is a diagnostic, on stderr with the file's other warnings."""
    found = _findings_by_file(checked, base, comparisons, at_base, lang)
    return "".join("".join(located_message(error, lang) + "\n" for error in result.errors)
                   + "".join(finding.line_text() for finding in found.get(result.path, ()) if finding.level != "warning")
                   for result in results)


def _check_annotations(results: Sequence[Validated], checked: Sequence[Checked], base: str,
                       comparisons: Sequence[Comparison], at_base: dict[str, frozenset[str]] | None, lang: str) -> str:
    """One ``::group::`` per file: its errors, or its warnings in file order (reading it, a payback target past the
    horizon, clipped draws), then its missed targets."""
    from aigc_roi.present import ci_view as render
    from aigc_roi.present.ci_warnings import draw_warnings, read_warnings
    from aigc_roi.present.errors import in_file_order

    found = _findings_by_file(checked, base, comparisons, at_base, lang)
    by_path = {item.path: item for item in checked}
    out = []
    for result in results:
        item = by_path.get(result.path)
        findings = found.get(result.path, [])
        warned = [(in_file_order(w.line, w.column, w.option), render.warning_annotation(w))
                  for w in read_warnings(result, lang) + ([] if item is None else draw_warnings(item, lang))]
        warned += [(in_file_order(f.line, f.column, f.option), f.annotation()) for f in findings if f.level == "warning"]
        body = "".join(render.error_annotation(error, result.path, lang) for error in result.errors)
        body += "".join(annotation for _, annotation in sorted(warned, key=lambda pair: pair[0]))
        body += "".join(f.annotation() for f in findings if f.level != "warning")
        out.append(render.group(result.path, body))
    return "".join(out)


def _fenced(title: str, lines: str) -> str:
    """A markdown section of located lines in a fence longer than any run of backticks in them, which a name cannot
    then close."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", lines)), default=0))
    return f"### {title}\n\n{fence}text\n{lines}{fence}\n"


def _warning_lines(results: Sequence[Validated], checked: Sequence[Checked], lang: str) -> str:
    """Every file's warnings, one located line each (present/ci_warnings.py)."""
    from aigc_roi.present.ci_warnings import file_warnings

    by_path = {item.path: item for item in checked}
    return "".join(warning.line_text() for result in results
                   for warning in file_warnings(result, by_path.get(result.path), lang))


def _explain_markdown(comparison: Comparison, base: str, lang: str) -> str:
    """What moved each figure of a modified file (docs/formulas.md §13), as `compare --explain` splits it; across a
    change of currency its money figures are left out, which a line says."""
    if comparison.split is None:
        return ""
    from aigc_roi.present import base_view, tables
    from aigc_roi.present.explain import explain_notes, explain_rows
    from aigc_roi.present.labels import label, sentences
    from aigc_roi.present.numbers import NumberStyle

    split, style = comparison.split, NumberStyle(lang, comparison.currency)
    title = label("check_md_explain", lang).format(named=base_view.named(comparison))
    not_split = ""
    if comparison.currency_change is not None:
        was, now = comparison.currency_change
        not_split = label("check_md_explain_currency", lang).format(was=was, base=base, now=now) + "\n"
    return ("\n" + tables.to_markdown(explain_rows(split, style), title, text_columns=4)
            + "\n" + sentences(explain_notes(split, style), lang) + "\n" + not_split)


def schema(output: DocumentOutputOption = None, force: ForceOption = False, lang: LangOption = None,
           quiet: QuietOption = False) -> None:
    """Print the JSON Schema (draft 2020-12) of the scenario format, for editors and the YAML language server."""
    import json

    from aigc_roi import api

    chosen_lang = open_command(lang, quiet, evaluates=False)
    refuse_other_format(output, "json", chosen_lang)
    document = api.schema()
    if chosen_lang == "zh":
        # Titles and descriptions only: an editor checks a file the same way in either language.
        from aigc_roi.present.schema_zh import translate_schema

        document = translate_schema(document)
    emit_json(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output, force)
