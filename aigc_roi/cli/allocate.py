"""`aigc-roi allocate FILE --budget B`: the split of B across the channels, phase by phase, that maximises an objective."""

from __future__ import annotations

import math
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aigc_roi import api
from aigc_roi.cli.clip_warnings import warn_clipped, warn_payback_window
from aigc_roi.cli.options import (
    MAX_SAMPLES,
    MAX_SEED,
    ONE_NUMBER,
    BomOption,
    FigureFormat,
    FileArgument,
    FileToWrite,
    ForceOption,
    FormatOption,
    LangOption,
    Number,
    OutputOption,
    QuietOption,
    SetOption,
    WholeNumber,
)
from aigc_roi.cli.output import check_destinations, check_plot, deliver, given, open_command, refuse_idle, save_plot
from aigc_roi.cli.streams import CommandLineProblem, Localized, fail, fail_with, load, warn_loaded
from aigc_roi.model.arguments import SHARE, amount_fault
from aigc_roi.model.ime_marks import BRACKETS, EQUALS, ime_slip
from aigc_roi.model.limits import ALLOCATE_SAMPLES
from aigc_roi.model.names import did_you_mean
from aigc_roi.model.paths import (
    ChannelReader,
    RefusedName,
    channel_called,
    channel_references,
    names_something,
    references_like,
)
from aigc_roi.present.errors import message_in
from aigc_roi.present.labels import label
from aigc_roi.reader.dated_months import date_hint
from aigc_roi.reader.numbers import NotFinite, ValueProblem, parse_number_text, slip_hint, whole_number

if TYPE_CHECKING:
    from collections.abc import Sequence

    from aigc_roi.model.scenario import Milestone, Scenario
    from aigc_roi.reader.load import LoadedScenario


Bound = tuple[str, str, float]
"""A --min or --max as given (``Feed ads=20万``), its channel's name and its amount."""


class AllocateObjective(StrEnum):
    """whatif.allocate.OBJECTIVES, spelled out here so `--help` does not import numpy."""

    npv = "npv"
    net_cash = "net_cash"
    p10_npv = "p10_npv"
    payback_probability = "payback_probability"


class AllocateTable(StrEnum):
    channels = "channels"
    curve = "curve"


def check_amount(text: str | None, option: str) -> None:
    """``parse_amount`` as the command line is read, before the plan: a comma before three digits (``1,500``,
    ``1,500k``) is refused once the plan's currency says whether it may be a decimal comma."""
    from aigc_roi.reader.numbers import comma_group

    if text is not None and comma_group(text.strip()) is None:
        parse_amount(text, option)


def parse_amount(text: str, option: str, loaded: LoadedScenario | None = None, signed: bool = False) -> float:
    """A money amount (or a count: ``--reach``) in the file's number grammar (``100万``, ``1m``, ``1_000_000``), >= 0
    or, ``signed``, of either sign (a cumulative-cash milestone), without a % sign; exit 2 otherwise. In the currency
    of the plan ``loaded`` where its locales write a decimal comma (``DECIMAL_COMMA``), a dot before three digits
    (``150.000``) is warned of as in the file, and a comma before three digits (``1,500``) is told both readings
    (reader/dot_group_warning.py, numbers.py ``slip_hint``). Every message quotes ``text`` as typed, its sign too:
    ``-1.000`` is no ``1.000``."""
    from aigc_roi.reader.currency_signs import DECIMAL_COMMA
    from aigc_roi.reader.percent_warnings import written_in_percent  # its module loads PyYAML, which --help need not

    currency = loaded.scenario.currency if loaded is not None else None
    decimal_comma = currency if currency in DECIMAL_COMMA else None
    positive = option in ("--budget", "--total", "--allocate")
    if written_in_percent(text):
        # A file's percent on an amount is warned of at the number (reader/amount_warning.py); an option has no place to
        # be warned at, and `--budget 5%` is a budget of 0.05 (docs/formulas.md §12).
        expected = "an amount" if signed else amount_fault(math.nan, positive)
        fail([f"{option}: expected {expected}, found {text!r}; a percentage is no amount or count"])
    try:
        value = parse_number_text(text)
    except NotFinite:
        # Past a float's range (1e400): a number too large, which the size limit below words as it does a file's.
        value = math.copysign(math.inf, -1.0 if text.strip().startswith("-") else 1.0)
    except ValueProblem:
        # No amount option reads a range (low..high): a range typed is told so, not that form.
        slip = slip_hint(text, decimal_comma=decimal_comma, no_range=ONE_NUMBER)
        # Not the file's "a number (suffixes ..., %)": an option's amount takes no % (above), so its hint lists none.
        fail([f"{option}: expected a number (suffixes k, m, 万, 亿), found {text!r}" + (f"; {slip[1]}" if slip else "")])
    fault = amount_fault(abs(value) if signed else value, positive)
    if fault is not None:
        fail([f"{option}: expected {fault}, found {text!r}"])
    if loaded is not None and decimal_comma is not None:
        from aigc_roi.model.errors import ScenarioError
        from aigc_roi.reader.dot_group_warning import dot_group_message

        message = dot_group_message(text, decimal_comma)
        if message is not None:
            warn_loaded(loaded.path, [ScenarioError(option, 0, 0, "", message)])
    return value


def parse_bounds(items: list[str], option: str, read: ChannelReader, names: Sequence[str],
                 loaded: LoadedScenario) -> list[Bound]:
    """``["Feed ads=20万", ...]`` -> [("Feed ads=20万", "Feed ads", 200000.0), ...]; the last ``=`` splits, as amounts
    never hold one. Told of an input method's ``＝`` or brackets where only with them as ASCII does NAME name a channel
    (``read``; the channels' ``names`` keep their own)."""
    bounds: list[Bound] = []
    for item in items:
        name, equals, amount = item.rpartition("=")
        slip = ime_slip(item, EQUALS + BRACKETS,
                        lambda text: (split := text.rpartition("="))[1] == "=" and names_something(read, split[0].strip()),
                        names)
        if not equals or not name.strip() or slip:
            fail([f"{option}: expected NAME=AMOUNT, such as 'Feed ads=20万', found {item!r}" + (f"; {slip}" if slip else "")])
        bounds.append((item, name.strip(), parse_amount(amount.strip(), f"{option} {name.strip()}", loaded)))
    return bounds


def one_bound_each(option: str, bounds: Sequence[Bound], read: ChannelReader, names: Sequence[str],
                   lang: str) -> dict[str, float]:
    """Each bound by its channel's name as written; two that name one channel (a name twice, or a name and its path,
    as ``read`` reads them) with different amounts exit 2 naming both: the last was kept and the other dropped
    unsaid. The same amount twice is one bound, as --lock twice is one lock."""
    first: dict[int, tuple[str, float]] = {}
    for item, name, amount in bounds:
        index = read(name)
        assert index is not None, name  # check_channel_names refused a name of no channel
        earlier, kept = first.setdefault(index, (item, amount))
        if kept != amount:
            fail_with("allocate_bound_twice", lang, option=option, first=earlier, second=item,
                      channel=channel_called(names, index))
    return {name: amount for _, name, amount in bounds}


def parse_reach(text: str, horizon_months: int, start: tuple[int, int] | None = None,
                loaded: LoadedScenario | None = None) -> Milestone:
    """``subscribers@6=1000`` -> the milestone (docs/formulas.md §19); exit 2 with one line otherwise. A month written
    as a date is told which month of the plan it is, counted from ``start``, as the file's months are; its value is
    read in the currency of the plan ``loaded`` (``parse_amount``)."""
    from aigc_roi.model.scenario import MILESTONE_KEYS, Milestone
    from aigc_roi.reader.kinds import suggest_word

    head, _, amount = text.partition("=")
    key, at, month = head.strip().partition("@")
    if not _reads_as_milestone(text):
        slip = ime_slip(text, "＠" + EQUALS, _reads_as_milestone)
        meant = slip or (suggest_word(key.strip(), MILESTONE_KEYS) if at else "")
        fail([f"--reach: expected KEY@MONTH=VALUE with KEY one of {', '.join(MILESTONE_KEYS)}, such as "
              f"'subscribers@6=1000', found {text!r}" + (f"; {meant}" if meant else "")])
    # A month as a file's milestone month or key reads (reader/numbers.py whole_number): full-width digits too.
    number = whole_number(month.strip())
    if number is None or not 1 <= number <= horizon_months:
        dated = date_hint(month.strip(), start, horizon_months)
        fail([f"--reach: expected a month from 1 to {horizon_months} (the horizon), found {month.strip()!r}"
              + (f"; {dated}" if dated else "")])
    # A cumulative cash may be below 0: a loss no deeper than this by then.
    value = parse_amount(amount.strip(), "--reach", loaded, signed=key == "cumulative_cash")
    return Milestone(number, key, value)


def _reads_as_milestone(text: str) -> bool:
    """Whether ``text`` has ``--reach``'s shape, KEY@MONTH=VALUE with a milestone's KEY (its month and value read on)."""
    from aigc_roi.model.scenario import MILESTONE_KEYS

    head, equals, _ = text.partition("=")
    key, at, _ = head.strip().partition("@")
    return bool(equals and at) and key in MILESTONE_KEYS


def channels_of(scenario: Scenario) -> ChannelReader:
    """--lock's, --min's and --max's channel, read as --set reads a path's channel part (reader/overrides.py
    ``channel_at``)."""
    from aigc_roi.reader.overrides import channel_reader
    from aigc_roi.reader.written_tree import scenario_tree

    return channel_reader(scenario_tree(scenario), "--lock")


def check_channel_names(scenario: Scenario, names: dict[str, list[str]], read: ChannelReader, lang: str) -> None:
    """A channel in --lock/--min/--max (``read``: ``channels_of``) that names no channel or that --set refuses: one
    line, exit 2, the first suggesting the channels it resembles (model/paths.py ``references_like``), else listing
    the channels each by a reference these options take as it (``channel_references``), or telling the brackets an
    input method typed (model/ime_marks.py)."""
    known = [channel.name for channel in scenario.acquisition]
    for option, named in names.items():
        for name in named:
            try:
                found = read(name)
            except RefusedName as refused:
                fail([CommandLineProblem(f"{option} {name}: {refused}")])
            slip = ime_slip(name, BRACKETS, partial(names_something, read), known) if found is None else None
            near = references_like(name, known, read) if found is None and not slip else []
            if slip or near:
                fail_with("allocate_unknown_channel_typed", lang, option=option, name=name,
                          hint=Localized(partial(message_in, slip or did_you_mean(near))))
            if found is None:
                fail_with("allocate_unknown_channel", lang, option=option, name=name,
                          names=Localized(lambda lang: label("list_separator", lang).join(
                              repr(reference) for reference in channel_references(known, read))))


def allocate(
    file: FileArgument,
    budget: Annotated[str | None, typer.Option(
        "--budget", "-b", metavar="B",
        help="Monthly budget, spent in every month in which a movable channel runs, split among the channels "
             "running then, e.g. 100万, 1m or 1_000_000.", show_default=False)] = None,
    total: Annotated[str | None, typer.Option(
        "--total", metavar="T", help="Instead of --budget: money to spend over the horizon, split across phases and "
        "channels (early phases may get more).", show_default=False)] = None,
    target_roas: Annotated[float | None, typer.Option(
        "--target-roas", metavar="X", click_type=Number("a positive number", 0, min_open=True),
        help="Instead of --budget: spend in each channel until its marginal ROAS falls to X, e.g. 1.5 or 150%.",
        show_default=False)] = None,
    reach: Annotated[str | None, typer.Option(
        "--reach", metavar="KEY@MONTH=VALUE",
        help="Instead of --budget: the least monthly budget whose best split reaches a milestone KEY@MONTH=VALUE "
        "(KEY: subscribers, gross_revenue, new_users, active_users, cumulative_cash), e.g. subscribers@6=1000.",
        show_default=False)] = None,
    max_cash_need: Annotated[str | None, typer.Option(
        "--max-cash-need", metavar="C", help="Keep the peak cash need (median values) at most C.",
        show_default=False)] = None,
    min_payback_probability: Annotated[float | None, typer.Option(
        "--min-payback-probability", metavar="P", click_type=Number(SHARE, 0, 1),
        help="Keep the chance of payback within targets.max_payback_months (default 12) at least P, e.g. 80% or 0.8, "
        "over --samples draws.", show_default=False)] = None,
    objective: Annotated[AllocateObjective, typer.Option(
        "--objective", help="What the split maximises; p10_npv and payback_probability are simulated.")]
    = AllocateObjective.npv,
    lock: Annotated[list[str] | None, typer.Option(
        "--lock", metavar="NAME", help="Keep this channel's spend as in the file, outside B (repeatable).")] = None,
    minimum: Annotated[list[str] | None, typer.Option(
        "--min", metavar="NAME=X", help="Lowest monthly budget of a channel, e.g. 'Feed ads=20万' (repeatable).")] = None,
    maximum: Annotated[list[str] | None, typer.Option(
        "--max", metavar="NAME=Y", help="Highest monthly budget of a channel (repeatable).")] = None,
    set_: SetOption = None,
    samples: Annotated[int, typer.Option(
        "--samples", metavar="N", click_type=WholeNumber(1, MAX_SAMPLES),
        help="Monte Carlo samples of the risk objectives.")] = ALLOCATE_SAMPLES,
    seed: Annotated[int, typer.Option(
        "--seed", metavar="SEED", click_type=WholeNumber(0, MAX_SEED), help="Random seed: the same seed gives the same split.")] = 0,
    format_: FormatOption = FigureFormat.table,
    table: Annotated[AllocateTable, typer.Option("--table", help="Which table --format csv writes.")]
    = AllocateTable.channels,
    output: OutputOption = None,
    force: ForceOption = False,
    plot: Annotated[Path | None, typer.Option(
        "--plot", metavar="FILE.svg|FILE.png", click_type=FileToWrite(), help="Also save the budget curve as an image.")] = None,
    bom: BomOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Split a budget across channels to maximise NPV (or net cash, P10 NPV, chance of payback), phase by phase:
    whether to spend less, current vs best split, what decides (ROAS, CAC, contribution per user) and the budget
    curve from 0 to 2B."""
    from aigc_roi.whatif.allocate_result import RISK_OBJECTIVES

    language = open_command(lang, quiet, format_.value, bom)
    # Only a risk objective or the chance constraint draws samples: elsewhere --samples and --seed change nothing.
    simulated = objective.value in RISK_OBJECTIVES or min_payback_probability is not None
    risk_options = "--objective p10_npv / --objective payback_probability / --min-payback-probability"
    # The table given is named, as run names it (where --table cohorts, which every format takes, is not refused).
    refuse_idle([(f"--table {table.value}", "csv", given("table") and format_ is not FigureFormat.csv),
                 ("--samples", risk_options, given("samples") and not simulated),
                 ("--seed", risk_options, given("seed") and not simulated)], format_.value, language)
    budgets = [option for option, value in (("--budget", budget), ("--total", total), ("--target-roas", target_roas),
                                            ("--reach", reach)) if value is not None]
    if len(budgets) != 1:
        fail_with("allocate_one_budget", language, of_command_line=True,
                  given=Localized(lambda lang: label("list_separator", lang).join(budgets) or label("none", lang)))
    for option, text in (("--total", total), ("--budget", budget), ("--max-cash-need", max_cash_need)):
        check_amount(text, option)
    locks = list(dict.fromkeys(lock or []))
    check_plot(plot, language)
    # Refused before the search, so a refused file never costs the wait.
    check_destinations((output,), force, inputs=[file], files=(plot,))
    loaded = load(file, set_)
    scenario = loaded.scenario
    # Read again in the plan's currency, which says what a dot or a comma before three digits may be.
    amount = (parse_amount(total, "--total", loaded) if total is not None
              else parse_amount(budget, "--budget", loaded) if budget is not None else 0.0)
    cash_cap = None if max_cash_need is None else parse_amount(max_cash_need, "--max-cash-need", loaded)
    read = channels_of(scenario)
    # Read on the file, which tells a channel's own full-width mark from one an input method typed for the syntax's.
    channels = [channel.name for channel in scenario.acquisition]
    lows = parse_bounds(minimum or [], "--min", read, channels, loaded)
    highs = parse_bounds(maximum or [], "--max", read, channels, loaded)
    milestone = None if reach is None else parse_reach(reach, scenario.horizon_months, scenario.start, loaded)
    check_channel_names(scenario, {"--lock": locks, "--min": [name for _, name, _ in lows],
                                   "--max": [name for _, name, _ in highs]}, read, language)
    minimums = one_bound_each("--min", lows, read, channels, language)
    maximums = one_bound_each("--max", highs, read, channels, language)

    from aigc_roi.cli.progress import progress_bar
    from aigc_roi.cli.shell_words import shell_word
    from aigc_roi.present.allocation import AllocationPresenter
    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.whatif.allocate import AllocationError
    from aigc_roi.whatif.allocate_result import AllocationArgumentError, MustLock, NoDiminishingReturns

    if milestone is not None and (cash_cap is not None or min_payback_probability is not None):
        # The library refuses it too, naming its arguments; here it names the options.
        fail([CommandLineProblem("--reach finds the least budget for a milestone alone: it cannot be combined with "
                                 "--max-cash-need or --min-payback-probability")])
    try:
        with progress_bar(language, "allocating") as progress:
            # --samples and --seed, refused above without a draw to make, are then left to the call's defaults.
            result = api.allocate(scenario, amount, objective.value, locks, minimums, maximums,
                                  samples if simulated else None, seed if simulated else None,
                                  total=total is not None, max_cash_need=cash_cap,
                                  min_payback_probability=min_payback_probability, target_roas=target_roas,
                                  progress=progress, reach=milestone)
    except NoDiminishingReturns as refused:
        fail([CommandLineProblem(refused.worded("a --max"))])
    except MustLock as refused:
        fail([CommandLineProblem(refused.worded(f"lock it with --lock {shell_word(refused.channel)}"))])
    except AllocationArgumentError as refused:
        # The call names its argument as a script gives it (locks[0]), which the command line never wrote: what is
        # left to refuse of a --lock, --min or --max once check_channel_names took their names (a channel whose spend
        # never moves, a bound of a locked one) is told by itself.
        fail([CommandLineProblem(refused.problem)])
    except AllocationError as refused:
        fail([CommandLineProblem(problem) for problem in refused.problems])
    warn_clipped(loaded, result.clipped)
    if result.counts_payback:
        warn_payback_window(loaded, result.payback_window, asked=result.asks_payback_chance)
    style = NumberStyle(language, scenario.currency)
    presenter = AllocationPresenter(style, table.value)
    if plot is not None:
        save_plot(presenter, result, style, plot, force, sets=set_)
    deliver(presenter, result, format_.value, output, force, bom, sets=set_)
