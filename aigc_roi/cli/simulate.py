"""`aigc-roi simulate FILE`: Monte Carlo over the scenario's ranges (docs/simulate.md)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO, NoReturn

import typer

from aigc_roi import api
from aigc_roi.cli.clip_warnings import warn_clipped, warn_payback_window
from aigc_roi.cli.files import is_folder
from aigc_roi.cli.options import (
    BomOption,
    FigureFormat,
    FileArgument,
    FileToWrite,
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    QuietOption,
    SamplesOption,
    SeedOption,
    SetOption,
    WholeNumber,
)
from aigc_roi.cli.output import check_destinations, check_plot, deliver, format_of, open_command, save_plot
from aigc_roi.cli.progress import stage_progress_bar
from aigc_roi.cli.streams import Localized, fail_with, load, save_file_while
from aigc_roi.model.ime_marks import SEPARATORS, ime_hint
from aigc_roi.present.errors import message_in
from aigc_roi.present.labels import label

if TYPE_CHECKING:
    from aigc_roi.whatif.simulate import Simulation


def parse_percentiles(text: str, lang: str) -> tuple[float, ...]:
    """``"5,50,95"`` -> (5.0, 50.0, 95.0): sorted, repeats dropped, as the library takes its ``percentiles``
    (whatif/percentile_choice.py); exit 2 unless each is a number in [0, 100] written in the file's number grammar
    without a suffix (``50%`` would be 0.5 there, not the median), and unless two different ones are the same float
    (``33.3333333333333331``, ``33.333333333333333``): their columns would be one."""
    from aigc_roi.present.simulation import percentile_key
    from aigc_roi.reader.numbers import decimal_to_float
    from aigc_roi.whatif.percentile_choice import distinct_percentiles

    parts = [part.strip() for part in text.split(",")]
    given = []
    for part in parts:
        exact = _percentile(part)
        if exact is None:
            hint = _percentiles_hint(text, part)
            if hint is None:
                fail_with("percentiles_bad", lang, text=text)
            fail_with("percentiles_bad_hinted", lang, text=text, hint=hint)
        given.append((exact, decimal_to_float(exact)))

    def alike(first: int, second: int) -> NoReturn:
        fail_with("percentiles_alike", lang, first=parts[first], second=parts[second], key=percentile_key(given[first][1]))

    return distinct_percentiles(given, alike)


def _percentiles_hint(text: str, part: str) -> Localized | None:
    """Why ``part``, the first item of ``text`` that is no percentile, is none, where that is known: an input method's
    comma (no percentile holds one, so each is a slip), a percent sign, nothing between two commas."""
    items = [item.strip() for item in re.split(f"[,{SEPARATORS}]", text)]
    if any(mark in text for mark in SEPARATORS) and any(items) and all(_percentile(item) is not None for item in items if item):
        # An empty item, which no percentile is, left out of the text to write as ASCII commas would refuse it.
        slip = ime_hint((char for char in text if char in SEPARATORS), ",".join(item for item in items if item))
        return Localized(partial(message_in, slip))
    if "%" in part or "％" in part:
        return Localized(partial(label, "percentiles_without_percent"))
    return Localized(partial(label, "percentiles_empty_item")) if not part and text.strip() else None


def _percentile(part: str) -> Decimal | None:
    """``part`` as a percentile, a number from 0 to 100 written without a suffix; None where it is none."""
    from aigc_roi.reader.numbers import SUFFIX_EXPONENTS, ValueProblem, number_decimal

    try:
        exact = number_decimal(part) if part[-1:] not in SUFFIX_EXPONENTS else None
    except ValueProblem:
        return None
    return exact if exact is not None and 0 <= exact <= 100 else None


def simulate(
    file: FileArgument,
    samples: SamplesOption = 10_000,
    seed: SeedOption = 0,
    set_: SetOption = None,
    percentiles: Annotated[str, typer.Option(
        "--percentiles", metavar="P,P,P", help="Percentiles to report, e.g. 10,50,90.")] = "5,50,95",
    format_: FormatOption = FigureFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    plot: Annotated[Path | None, typer.Option(
        "--plot", metavar="FILE.svg|FILE.png", click_type=FileToWrite(),
        help="Also save the cumulative-cash fan and the net-cash histogram as an image.")] = None,
    samples_out: Annotated[Path | None, typer.Option(
        "--samples-out", metavar="FILE.csv|FILE.parquet", click_type=FileToWrite(),
        help="Also write every sample's drawn inputs and figures.")] = None,
    bom: BomOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", metavar="N", click_type=WholeNumber(1),
        help="Workers that share the work (processes on Linux, else threads), at most one per core "
             "(default: up to 4). The numbers never change.")] = None,
) -> None:
    """Monte Carlo over the ranges: mean and percentiles of every figure, the chance of paying back,
    net-cash histogram, cumulative-cash fan, and which uncertain input drives the variance."""
    from aigc_roi.present.samples import SAMPLE_FORMATS, missing_for

    samples_format = format_of(samples_out) if samples_out is not None else ""
    # Either CSV this command writes, the figures or the samples, takes the mark.
    language = open_command(lang, quiet, format_.value, bom, writes_csv=format_ is FigureFormat.csv or samples_format == "csv")
    chosen = parse_percentiles(percentiles, language)
    check_plot(plot, language)
    if samples_out is not None and not is_folder(samples_out):  # check_destinations calls a folder a folder
        if samples_format not in SAMPLE_FORMATS:
            fail_with("samples_out_suffix", language, path=samples_out)
        missing = missing_for(samples_format)
        if missing:
            fail_with("parquet_needs", language, missing=" ".join(missing))
    check_destinations((output,), force, inputs=[file], files=(plot, samples_out))
    loaded = load(file, set_)
    scenario = loaded.scenario

    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.present.samples import SamplesWriter
    from aigc_roi.present.simulation import SimulationPresenter
    from aigc_roi.present.tables import BOM
    from aigc_roi.whatif.threads import default_jobs

    threads = default_jobs() if jobs is None else jobs
    with stage_progress_bar(language) as stages:
        if samples_out is None:
            simulation = api.simulate(scenario, samples, seed, chosen, stage_progress=stages, jobs=threads)
        else:
            def simulate_writing(file: BinaryIO) -> Simulation:
                """The simulation, every sample's row written to ``file`` as its chunk is evaluated: the progress
                bar moves with the rows, and a streamed run holds no more of them than the chunk's."""
                if bom and samples_format == "csv":
                    file.write(BOM.encode())
                rows = SamplesWriter(file, samples_format, scenario.currency)
                found = api.simulate(scenario, samples, seed, chosen, stage_progress=stages, jobs=threads,
                                     samples_sink=rows)
                rows.close()
                return found

            simulation = save_file_while(simulate_writing, samples_out, force)
    warn_clipped(loaded, simulation.clipped)
    warn_payback_window(loaded, simulation.payback_window)
    style = NumberStyle(language, scenario.currency)
    presenter = SimulationPresenter(style, scenario)
    if plot is not None:
        save_plot(presenter, simulation, style, plot, force, sets=set_)
    deliver(presenter, simulation, format_.value, output, force, bom, sets=set_)
