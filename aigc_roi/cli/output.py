"""The one output path of the commands: their opening, the checks of where output goes, and the dispatch.

A command's ``--format`` is settled by its ``--output`` file's extension before
the command runs (``settle_output_format``). Every command opens with
``open_command`` (the language, ``-q``, a ``--bom`` its format would ignore)
and ``refuse_idle`` (any other option given where it would do nothing), checks
its destinations before computing (``check_destinations``, ``check_xlsx``, ``check_plot``), and ends with
``deliver``: the presenter's text, rows or bytes for the ``--format`` asked,
to stdout or ``--output`` (written as cli/files.py writes every file), and
``--plot``'s chart through ``save_plot``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from aigc_roi.cli.allocator import prepare_memory
from aigc_roi.cli.extras import PLOT, XLSX, require
from aigc_roi.cli.files import check_outputs, is_folder
from aigc_roi.cli.streams import (
    Localized,
    emit,
    emit_bytes,
    emit_json,
    fail_with,
    language,
    note,
    overrides,
    resolve_lang,
    save_file,
    set_quiet,
    show,
    stdout_is_terminal,
    to_stdout,
    usage_errors,
)
from aigc_roi.model.names import extension_of
from aigc_roi.present.labels import label

if TYPE_CHECKING:
    from typer._click import Context, Parameter

    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.present.presenter import Presenter

R = TypeVar("R")

PLOT_FORMATS = ("svg", "png")
"""What ``--plot`` writes, by the file's extension (``format_of``)."""

OUTPUT_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".md": "markdown", ".markdown": "markdown",
                   ".html": "html", ".htm": "html", ".svg": "svg", ".png": "png", ".parquet": "parquet"}
"""The format a file's extension names (as ``extension_of`` reads it), of every format the project writes but YAML (which JSON is
too, so ``schema -o s.yaml`` reads): what is written there when ``--format`` is not given, and refused where a
command, or ``--reforecast``, does not write it (a table's text in x.html, YAML in x.csv). Any other extension, or
none, leaves ``--format`` and its default as they are."""


SPREADSHEET_SUFFIXES = {
    # Excel's workbooks, templates and add-ins of other kinds than .xlsx, and its older formats.
    **dict.fromkeys((".xls", ".xlsm", ".xlsb", ".xltx", ".xltm", ".xlt", ".xlam", ".xla", ".xlw", ".xlr"), "xlsx"),
    # WPS Spreadsheets' own (common in China), LibreOffice's and OpenOffice's, Apple's, Lotus 1-2-3's.
    **dict.fromkeys((".et", ".ett", ".ods", ".ots", ".fods", ".uos", ".sxc", ".stc", ".numbers", ".wk1", ".wks",
                     ".123"), "xlsx"),
    # The text and table formats they all save a sheet as besides CSV: tab- or space-separated, DIF, SYLK, dBASE.
    **dict.fromkeys((".tsv", ".tab", ".prn", ".dif", ".slk", ".dbf"), "csv"),
}
"""Spreadsheet extensions of formats the project does not write (Excel's, WPS's, LibreOffice's and Numbers' save-as
lists; .txt and .xml, which they offer too, name no spreadsheet), each with the written format nearest it: a table's
text (or a workbook, or commas) saved as plan.xls or plan.tsv is a file a spreadsheet opens as garbage, so every
``-o``, ``--reforecast`` and init's FILE refuses them, naming the file to write instead (``--plot`` and
``--samples-out`` take only their own extensions)."""


def refuse_spreadsheet(output: Path, formats: Sequence[str], command: str, lang: str) -> None:
    """Exit 2 where ``output`` ends in one of ``SPREADSHEET_SUFFIXES``: ``plan.xls: run does not write .xls files; write
    plan.xlsx (-f xlsx) instead``, the nearest of ``formats`` (the command's) a spreadsheet opens, xlsx or csv; or the
    command's formats where it writes neither."""
    suffix = extension_of(output)
    nearest = SPREADSHEET_SUFFIXES.get(suffix)
    if nearest is None:
        return
    better = next((format_ for format_ in (nearest, "xlsx", "csv") if format_ in formats), None)
    if better is None:
        fail_with("output_suffix_spreadsheet", lang, of_command_line=True, path=output, command=command, suffix=suffix,
                  formats=Localized(lambda lang: label("list_separator", lang).join(formats)))
    # plan.xls. is plan.xls to Windows (``extension_of``): plan.xlsx beside it.
    suggested = output.with_name(f"{Path(output.name.rstrip(' .')).stem}.{better}")
    fail_with("output_suffix_spreadsheet_hint", lang, of_command_line=True, path=output, command=command, suffix=suffix,
              format=better, suggested=suggested)


def written_formats(params: Sequence[Parameter]) -> list[str]:
    """The formats a command writes, its ``--format``'s choices among ``params``: what ``settle_output_format`` holds an
    ``--output``'s extension to, and whose extensions ``-o``'s help lists (``name_suffixes``)."""
    from typer._types import TyperChoice

    choice = next(param.type for param in params if param.name == "format_")
    assert isinstance(choice, TyperChoice)
    return [str(format_) for format_ in choice.choices]


def name_suffixes(params: Sequence[Parameter], lang: str) -> None:
    """``-o``'s help among ``params`` (cli/options.py ``OutputOption``, in ``lang``) with its ``{suffixes}`` filled: the
    extensions that name a format of the command, in the order of its formats (table, which none names, aside)."""
    output = next(param for param in params if param.name == "output")
    help_ = getattr(output, "help", None)
    if help_ is None or "{suffixes}" not in help_:
        return
    formats = written_formats(params)
    suffixes = [suffix for format_ in formats for suffix, named in OUTPUT_SUFFIXES.items() if named == format_]
    output.help = help_.replace("{suffixes}", label("list_separator", lang).join(suffixes))  # type: ignore[attr-defined]


def format_of(path: Path) -> str:
    """The format an output file's extension names, as ``extension_of`` reads it, without its dot: what ``--plot`` and
    ``--samples-out`` write, so ``chart.PNG.`` and ``chart.ＰＮＧ`` are the png that ``-o`` would read there too."""
    return extension_of(path).removeprefix(".")


def open_command(lang: str | None, quiet: bool, format_: str | None = None, bom: bool = False,
                 writes_csv: bool | None = None, evaluates: bool = True) -> str:
    """The command's language, after ``-q`` and, given its ``format_``, a ``--bom`` that no CSV of the command
    would carry (``writes_csv``: whether it writes one, by default when the format is csv). A command that
    ``evaluates`` the engine keeps its freed chunk memory (cli/allocator.py)."""
    language = resolve_lang(lang)
    set_quiet(quiet)
    if evaluates:
        prepare_memory()
    if format_ is not None:
        refuse_idle([("--bom", "csv", bom and not (format_ == "csv" if writes_csv is None else writes_csv))], format_, language)
    return language


IdleRule = tuple[str, str, bool]
"""(an option, what it needs, whether it was given without it): what it needs is the formats it applies to
(``"table, markdown"``), the options it applies with (``"--samples"``, alternatives joined by `` / ``), or, after
``not ``, the option that makes it do nothing (``"not --list"``)."""


def refuse_idle(rules: Iterable[IdleRule], format_: str | None, lang: str) -> None:
    """An option given where it does nothing is a mistake to point out, not to skip silently: exit 2 naming
    the first such option and what it needs (``format_``: the format chosen; None for a command without one)."""
    for option, needs, idle in rules:
        if not idle:
            continue
        fields: dict[str, str | Localized]
        if needs.startswith("not "):
            key, fields = "option_idle_with", {"option": option, "other": needs.removeprefix("not ")}
        elif needs.startswith("-"):
            key, fields = "option_needs_option", {"option": option, "options": needs}
        else:
            key, fields = "option_needs_format", {"option": option, "formats": _format_list(needs.split(", ")),
                                                  "format": str(format_)}
        # A command-line problem, named after the program even when the "option" is an argument (FILE).
        fail_with(key, lang, of_command_line=needs.startswith("not "), **fields)


def _format_list(formats: list[str]) -> Localized:
    """``--format a, b`` in each language: the formats joined with its separator (、 in Chinese)."""
    return Localized(lambda lang: "--format " + label("list_separator", lang).join(formats))


def given(parameter: str) -> bool:
    """Whether the command line set ``parameter`` (the command function's argument), not its default: an option
    with a default, such as ``--table channels``, can then be refused where it would do nothing."""
    from typer._click.core import ParameterSource
    from typer._click.globals import get_current_context

    context = get_current_context(silent=True)
    return context is not None and context.get_parameter_source(parameter) is ParameterSource.COMMANDLINE


def settle_output_format(context: Context) -> None:
    """The ``--format`` of a command that writes one to ``--output``, set in ``context`` before the command runs
    (cli/edge.py, for every command at once): the format the file's extension names where ``--format`` was not
    given. A table's text saved as plan.xlsx is a file no spreadsheet opens, so a ``--format`` the extension
    contradicts, or an extension of a format the command does not write, is refused (exit 2) rather than written."""
    written, chosen = context.params.get("output"), context.params.get("format_")
    output = None if written is None else Path(written)  # Typer makes the Path when it calls the command
    if chosen is None or to_stdout(output):
        return
    assert output is not None
    if is_folder(output):
        return  # the command says it is a folder, the real problem, whatever its name ends with
    formats = written_formats(context.command.params)
    refuse_spreadsheet(output, formats, str(context.info_name), language())
    suffix = extension_of(output)
    named = OUTPUT_SUFFIXES.get(suffix)
    if named is None or named == str(chosen):
        return
    chosen_by_user = given("format_")
    if named in formats and not chosen_by_user:
        context.params["format_"] = named
        return
    key = ("output_format_mismatch" if named in formats
           else "output_format_mismatch_unwritten" if chosen_by_user else "output_suffix_unwritten")
    fail_with(key, language(), of_command_line=True, path=output, format=str(chosen), suffix=suffix, named=named,
              command=context.info_name, formats=Localized(lambda lang: label("list_separator", lang).join(formats)))


def refuse_other_format(output: Path | None, written: str, lang: str, writer: str | None = None) -> None:
    """A file of one format (``schema``'s json, ``report``'s html, the YAML of ``init`` and ``actuals
    --reforecast``, named as ``writer``: by default the command) refuses an extension that names another format, as
    ``settle_output_format`` refuses one a command does not write: JSON saved as x.csv is a file no spreadsheet
    reads. Any other extension, or none, is written."""
    from typer._click.globals import get_current_context

    if to_stdout(output):
        return
    assert output is not None
    if is_folder(output):
        return  # the command says it is a folder, the real problem, whatever its name ends with
    command = writer or str(get_current_context().info_name)
    refuse_spreadsheet(output, [written], command, lang)
    suffix = extension_of(output)
    named = OUTPUT_SUFFIXES.get(suffix)
    if named is not None and named != written:
        fail_with("output_suffix_unwritten", lang, of_command_line=True, path=output, command=command,
                  named=named, suffix=suffix, formats=written)


def check_xlsx(format_: str, output: Path | None, lang: str) -> None:
    """``--format xlsx`` needs a file to write, or ``-o -`` into a pipe (a workbook's zip bytes are no text for a
    terminal, as gzip refuses one too), and openpyxl."""
    if format_ != "xlsx":
        return
    if output is None:
        fail_with("xlsx_needs_output", lang)
    if to_stdout(output) and stdout_is_terminal():
        fail_with("xlsx_to_terminal", lang)
    require(XLSX, "--format xlsx", lang)


def check_plot(plot: Path | None, lang: str) -> None:
    """``--plot`` needs an image extension it can write and matplotlib; a folder is left to ``check_destinations``,
    which says so, whatever its name ends with."""
    if plot is None or is_folder(plot):
        return
    if format_of(plot) not in PLOT_FORMATS:
        fail_with("plot_suffix", lang, path=plot)
    require(PLOT, "--plot", lang)


def check_destinations(destinations: Sequence[Path | None], force: bool, inputs: Sequence[Path] = (),
                       files: Sequence[Path | None] = ()) -> None:
    """Every file the command will write, refused (exit 2) before anything is computed: a long run must not
    end in "file exists", and a refused file never leaves the others half-written. ``destinations``: of options
    where ``-`` is standard output (``-o``); ``files``: of options that write only a file (``--plot``)."""
    with usage_errors():
        check_outputs(tuple(path for path in destinations if not to_stdout(path)), force, inputs=inputs, files=files)


def what_if(presenter: Presenter[R], sets: Sequence[str] | None) -> Presenter[R]:
    """``presenter`` marking every format with the command's ``--set`` values (present/what_if.py), so a what-if
    never passes for the plan as written; ``presenter`` itself without them."""
    if not sets:
        return presenter
    from aigc_roi.present.what_if import WhatIfPresenter

    return WhatIfPresenter(presenter, what_if_sets(sets), language())


def what_if_sets(sets: Sequence[str] | None) -> list[tuple[str, str]]:
    """Each ``--set`` as (path, value), as typed: what present/what_if.py marks an output with."""
    return [(override.path, override.value) for override in overrides(list(sets or []))]


def deliver(presenter: Presenter[R], result: R, format_: str, output: Path | None, force: bool, bom: bool = False,
            sets: Sequence[str] | None = None) -> None:
    """``result`` in ``format_`` (table, json, csv, markdown or xlsx) to stdout or ``output``, marked as a what-if
    of ``sets``, the command's ``--set`` values."""
    presenter = what_if(presenter, sets)
    if format_ == "json":
        emit_json(presenter.json(result), output, force)
    elif format_ == "csv":
        from aigc_roi.present.tables import BOM

        emit((BOM if bom else "") + presenter.csv(result), output, force)
    elif format_ == "markdown":
        emit(presenter.markdown(result), output, force)
    elif format_ == "xlsx":
        emit_bytes(presenter.workbook(result), output, force)
    else:
        show(lambda: presenter.view(result), output, force)


def save_plot(presenter: Presenter[R], result: R, style: NumberStyle, path: Path, force: bool,
              sets: Sequence[str] | None = None) -> None:
    """The presenter's chart of ``result`` as an image at ``path``, its title marked as a what-if of ``sets``: in
    English, with a note, when the chart would need a CJK font that is not installed."""
    from aigc_roi.present import chart  # lazy: matplotlib is only needed for --plot
    from aigc_roi.present.numbers import NumberStyle

    presenter = what_if(presenter, sets)

    if (style.lang == "zh" or chart.has_cjk(presenter.figure_name(result))) and chart.cjk_font() is None:
        note(label("plot_no_cjk_font", style.lang), label("plot_no_cjk_font", "en"))
        style = NumberStyle("en", style.currency)
    save_file(chart.image_bytes(presenter.figure(result, style), format_of(path)), path, force)
