"""`compare`: figures of several scenarios side by side. CSV/markdown rows, JSON and the presenter (the Rich views
are present/compare_view.py, loaded for the terminal only).

Best per row: by each figure's ``better`` direction (model.figures): lower
is better for CAC, peak cash need and the payback months, "never" is worst; ad
spend is a choice and the peak cash month neither good nor bad, so they have no
best (``best_legend`` words the same rules for the ★ legend). Values are ranked as the English tables write
them (``shown_best``): a row is marked only where they read differently there, and every value that reads as the best
is marked; CSV's ``best`` column follows the same rule, so every format marks the same columns. A figure that says
nothing (``says_nothing``: a paid payback without ad spend, month 1 by definition) is neither best nor a change in
any format; CSV keeps its number and says why on the row's ``note`` (``figure_notes``), as `run`'s CSV does.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.figures import BY_NAME, FIGURE_NAMES, FIGURES, rules_of, with_horizon_flag
from aigc_roi.present.compare_basis import basis_rows, calendar, compare_bases, month_note, starts_differ
from aigc_roi.present.compare_gates import gate_rows, gate_rows_json, gates_note, with_gates
from aigc_roi.present.drivers import signed
from aigc_roi.present.explain import explain_data, explain_notes, explain_rows
from aigc_roi.present.labels import label, sentences, short_label
from aigc_roi.present.language import LANGUAGES
from aigc_roi.present.name_lists import names_cell
from aigc_roi.present.numbers import (
    NONE,
    NumberStyle,
    irr_better,
    irr_borrowing_note,
    irr_kinds_differ,
    past_display_cap,
    says_nothing,
)
from aigc_roi.present.payback_window import by_horizon_note
from aigc_roi.present.peak_cash import figure_shown
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.simulation import chance_cell, defined_cell, figure_text, share_fields
from aigc_roi.present.tables import CURRENCY, figure_note, is_money, to_markdown, with_currency
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.text import markdown_text
from aigc_roi.whatif.compare import CHANGE, Comparison

if TYPE_CHECKING:
    from rich.console import RenderableType


def change_header(lang: str) -> str:
    """The terminal's header of each later column's change: ``Δ vs first``."""
    return f"{CHANGE}{label('vs_first', lang)}"


FIXED_COLUMNS = {"figure": "figure", "statistic": "compare_statistic", "best": "compare_best"}
"""The columns beside the scenarios' (figure and, on risk, statistic before them, best after): CSV's key of each, and
the label markdown heads it with."""


def fixed_headers() -> frozenset[str]:
    """Every header of compare's tables that is not a scenario's, which no scenario's column may read as
    (whatif/compare.py ``column_titles``): the keys of CSV, the terminal's, markdown's and the workbook's labels in
    every language, since a column's title is one in every format, JSON's ``name`` too, whatever ``--lang`` says."""
    from aigc_roi.present.workbook import COMPARE_SHEET_HEADERS

    labelled = {header for lang in LANGUAGES
                for header in (change_header(lang), *(label(key, lang) for key in (*COMPARE_SHEET_HEADERS, *FIXED_COLUMNS.values())))}
    return frozenset({*FIXED_COLUMNS, NOTE, CURRENCY, *labelled})


NOTE = "note"
"""CSV's column after ``best``: each scenario's machine note on the row (``figure_notes``)."""


def figure_notes(name: str, scenarios: Sequence[Mapping[str, Any]]) -> str | None:
    """CSV's ``note`` of figure ``name``: each scenario's note where it has one, as `run`'s CSV writes it on the row
    (present/tables.py ``figure_note``: ``irr_kind`` or ``irr_none_reason``, ``lower_bound``, ``no_ad_spend``), after
    its name as the workbook's Note says it (``Plan: no_ad_spend``), listed as ``best`` lists names (present/name_lists.py:
    ``"A; B: no_ad_spend"`` for a plan named ``A; B``); what the table shows in the cell instead of or beside the number
    ("no ad spend", "none: no sign change", "≥")."""
    notes = [f"{scenario['name']}: {note}" for scenario in scenarios
             if (note := figure_note(name, scenario["figures"])) is not None]
    return names_cell(notes) or None


def best_columns(name: str, values: list[float | None], figures: Sequence[Mapping[str, Any]] = ()) -> set[int]:
    """Indices of the best values of figure ``name`` (module docstring for the rules); ``figures``, each column's,
    say which way an IRR is better (``irr_better``: none where returns and borrowing rates mix)."""
    better = irr_better(figures) if name == "irr" and figures else BY_NAME[name].better
    if better is None or better == "neither" or len(values) < 2:
        return set()
    bounded = [name == "peak_cash_need" and bool(figure.get("peak_cash_at_horizon")) for figure in figures]
    if any(bounded):
        # A need still growing at the horizon is a lower bound ("≥ 13,145.34", docs/formulas.md §5): its column is
        # never known best, and the lowest need found is best only at or below every bound (that column's need may
        # be lower still): ≥ 13,145.34 was starred against 30,092.92 (QA).
        bounds = [value for value, bound in zip(values, bounded, strict=True) if bound and value is not None]
        values = [None if bound else value for value, bound in zip(values, bounded, strict=True)]
        found = [value for value in values if value is not None]
        if not found or min(found) > min(bounds, default=math.inf):
            return set()
    lower = better == "lower"
    # Undefined is worst: payback "never", roi without spend, ...
    keyed = [(-math.inf if v is None else (-v if lower else v)) for v in values]
    return shown_best(keyed, [None if v is None else NumberStyle().figure(name, v) for v in values])


def shown_best(keyed: Sequence[float], shown: Sequence[str | None]) -> set[int]:
    """The columns whose value reads as the best one does (``keyed``: higher is better, -inf for none; ``shown``,
    each as the English tables write it, None for none): 10.0000001 beside 10 reads 10.00 in both, a difference no
    reader sees and no ★ to mark; none where every value reads alike or there is no value."""
    best = max(keyed, default=-math.inf)
    if best == -math.inf:
        return set()
    top = shown[list(keyed).index(best)]
    if all(text == top for text in shown):
        return set()
    return {i for i, text in enumerate(shown) if text == top}


def best_legend(lang: str) -> str:
    """The ★ legend, from the rules ``best_columns`` ranks by: the lower-is-better figures by name, those whose none
    is "never" (the payback months) as one group, and those that are "neither"."""
    lower = [in_sentence(figure.name, lang) for figure in FIGURES if figure.better == "lower" and figure.none != "never"]
    unranked = [in_sentence(figure.name, lang) for figure in FIGURES if figure.better == "neither"]
    comma = label("list_separator", lang)
    return label("compare_caption", lang).format(lower=comma.join(lower), unranked=comma.join(unranked))


def in_sentence(name: str, lang: str) -> str:
    """A figure's short label inside a sentence: English lower-cased but for an acronym (CAC)."""
    text = short_label(name, lang)
    return text if lang == "zh" or text[:2].isupper() else text[0].lower() + text[1:]


def said(name: str, scenarios: list[dict[str, Any]]) -> list[float | None]:
    """Each scenario's value of ``name``, None where it says nothing (present/numbers.py ``says_nothing``)."""
    return [None if says_nothing(name, scenario["figures"]) else scenario["figures"][name] for scenario in scenarios]


def delta_from(value: float | None, first: float | None) -> float | None:
    return None if value is None or first is None else value - first


def figure_deltas(name: str, scenarios: Sequence[Mapping[str, Any]], values: Sequence[float | None],
                  shown: bool = True) -> list[float | None]:
    """Each later column's change in figure ``name`` against the first, of ``values`` as ranked (``said`` in a table);
    none for an IRR whose kind differs from the first's (a return less a borrowing rate is no change of anything) and,
    where ``shown`` (a table, not CSV's raw numbers), where either side reads "> 1,000%" (``past_display_cap``)."""
    first = scenarios[0]["figures"]
    return [None if (name == "irr" and irr_kinds_differ([first, scenario["figures"]]))
            or (shown and past_display_cap(name, [values[0], value])) else delta_from(value, values[0])
            for scenario, value in zip(scenarios[1:], values[1:], strict=True)]


def compare_rows(scenarios: list[dict[str, Any]], style: NumberStyle | None = None) -> Rows:
    """A figure per row, its key and raw numbers without ``style`` (CSV), with it its label and each value as `run`'s
    markdown writes it (markdown)."""
    names = [scenario["name"] for scenario in scenarios]
    header = [*_headers(style, ["figure"]), *names, *(f"{CHANGE}{name}" for name in names[1:]), *_headers(style, ["best"]),
              *([NOTE] if style is None else [])]
    rows: list[list[Any]] = []
    months = [calendar(scenario) if starts_differ(scenarios) else None for scenario in scenarios]
    for name in FIGURE_NAMES:
        values = [scenario["figures"][name] for scenario in scenarios]
        # Every format reads a moot value ("no ad spend") as no value: neither best nor a change; CSV notes why.
        ranked = said(name, scenarios)
        deltas = figure_deltas(name, scenarios, ranked, shown=style is not None)
        best = names_cell(names[i] for i in sorted(best_columns(name, ranked, [scenario["figures"] for scenario in scenarios])))
        if style is None:
            rows.append([name, *values, *deltas, best, figure_notes(name, scenarios)])
        else:
            # Each column's never is within its own horizon, as `run` words it: the horizons may differ.
            texts = [figure_shown(name, scenario["figures"], scenario["horizon_months"], style, labels)
                     for scenario, labels in zip(scenarios, months, strict=True)]
            rows.append([label(name, style.lang), *texts,
                         *(signed(name, delta, style) for delta in deltas), best])
    # Beside the scenarios' columns: each later one's change and best, and CSV's note; a gate has none of them.
    blank = len(names) + (style is None)
    return header, rows + gate_rows(scenarios, style, False, blank) + basis_rows(scenarios, style, blank)


def _headers(style: NumberStyle | None, keys: list[str]) -> list[str]:
    """Fixed columns' headers: CSV's keys without ``style``, markdown's labels in its language with it."""
    return keys if style is None else [label(FIXED_COLUMNS[key], style.lang) for key in keys]


# --- compare --samples: the same figures as distributions ----------------------------

RISK_PERCENTILES = ("p5", "p50", "p95")
"""What `compare --samples` shows of each figure; the best mark goes by the median."""
CHANCES: dict[str, str] = {
    "payback_within_target": "compare_payback_within_target",
    "roi_positive": "compare_roi_positive",
    "npv_positive": "compare_npv_positive",
}
"""Chances shown per scenario (higher is better), with their row labels."""


def chance_best(values: list[float | None], samples: Sequence[int]) -> set[int]:
    """The highest chances (each of its column's ``samples``) as they read (``shown_best``), none where all read
    alike; a chance that is none (its figure defined in no sample) is neither best nor beaten."""
    if len(values) < 2:
        return set()
    return shown_best([-math.inf if value is None else value for value in values],
                      [None if value is None else NumberStyle().chance(value, count)
                       for value, count in zip(values, samples, strict=True)])


def over_all_samples(name: str, summary: Mapping[str, Any]) -> bool:
    """Whether a figure's percentiles are over all of a scenario's samples: a payback counted in months ranks
    "never" last (but leaves out the samples where the figure it is computed over is none), every other figure
    counts only the samples where it is defined."""
    if BY_NAME[name].never_ranks_last:
        return not summary.get("undefined_share", 0.0)
    return summary["defined_share"] == 1.0


def risk_best(name: str, summaries: Sequence[Mapping[str, Any]]) -> set[int]:
    """The best medians of figure ``name`` among the columns' distributions, by its better direction. None where
    some scenario's percentiles leave samples out (``over_all_samples``): medians over different shares of the
    samples (an IRR of the 22% of draws that have one against one of 73%) compare nothing (docs/simulate.md). An
    IRR's only where each column's draws read one way: all returns (higher is better) or all borrowing rates (lower
    is)."""
    if name not in BY_NAME or not all(over_all_samples(name, summary) for summary in summaries):
        return set()
    values = [summary["p50"] for summary in summaries]
    shares = {summary.get("borrowing_share", 0.0) for summary in summaries} if name == "irr" else {0.0}
    if shares == {0.0}:
        return best_columns(name, values)
    if shares == {1.0}:
        return best_columns(name, values, [{"irr_kind": "borrowing"}] * len(values))
    return set()


def risk_borrowing_note(scenarios: Sequence[Mapping[str, Any]], lang: str) -> str | None:
    """The line under `compare --samples` when some column's draws have an IRR that is a borrowing rate."""
    if not any(scenario["distribution"]["figures"]["irr"].get("borrowing_share", 0.0) > 0 for scenario in scenarios):
        return None
    return label("irr_borrowing_in_draws", lang)


def distribution_figures(scenarios: list[dict[str, Any]]) -> list[str]:
    return list(scenarios[0]["distribution"]["figures"])


def share_note(name: str, scenario: dict[str, Any], style: NumberStyle) -> str:
    """What a compared cell leaves out or reads as never: "defined in 22.41%", "never 30.00%", ...; ``""`` where
    the figure is defined in every sample and never reads "never"."""
    distribution = scenario["distribution"]
    summary = distribution["figures"][name]
    if summary["defined_share"] == 1.0:
        return ""
    return defined_cell(name, summary["defined_share"], summary.get("undefined_share", 0.0), distribution["samples"],
                        style, worded=True)


def borrowing_note(name: str, scenario: dict[str, Any], style: NumberStyle) -> str:
    """In how many of a compared IRR's draws it is a borrowing rate ("a borrowing rate in 18.75%", a share of all
    draws as the defined share is), as run marks its one IRR; ``""`` for another figure or where none is."""
    distribution = scenario["distribution"]
    share = distribution["figures"][name].get("borrowing_share", 0.0) if name == "irr" else 0.0
    if share <= 0:
        return ""
    if share >= 1:
        return label("borrowing_in_every_draw", style.lang)
    return label("borrowing_in_share", style.lang).format(share=style.chance(share, distribution["samples"]))


def percentile_texts(name: str, summary: Mapping[str, Any], style: NumberStyle, never: str) -> list[str]:
    """P5, P50 and P95 of a compared figure; an em dash, not "never", where the figure it is computed over is none
    in every sample (a CAC payback without paid users), as simulate's table reads it."""
    if summary.get("undefined_share", 0.0) >= 1.0:
        return [NONE] * len(RISK_PERCENTILES)
    return [figure_text(name, summary[key], style, never, summary.get("none_reason")) for key in RISK_PERCENTILES]


def risk_cell(name: str, scenario: dict[str, Any], style: NumberStyle, never: str) -> str:
    """A compared figure's cell: P50 (P5 .. P95), then its share and borrowing notes. A figure none at every
    percentile (an IRR defined in no draw, a payback that never comes in nearly all) reads its none once: "none: no
    single IRR", not again twice inside the brackets; a payback never at every percentile reads its never share
    alone ("never 97.00%", as simulate's cell words it), which says "never" already, and one over a figure none in
    every draw its reason alone ("no ad spend in 100.00% of all"), not a dash before it; a note that would repeat the cell is
    left out."""
    summary = scenario["distribution"]["figures"][name]
    low, middle, high = percentile_texts(name, summary, style, never)
    text = middle if summary["p50"] is None and low == middle == high else f"{middle} ({low} .. {high})"
    notes = [note for note in (share_note(name, scenario, style), borrowing_note(name, scenario, style))
             if note and note != text]
    if text in (never, NONE) and notes and rules_of(name).none == "never":
        return " · ".join(notes)
    return " · ".join([text, *notes])


def payback_chance_note(scenario: dict[str, Any], lang: str) -> str:
    """`` (by month 6, the horizon)`` after a chance of payback counted by a horizon that ends before the target."""
    distribution = scenario["distribution"]
    within = distribution["payback_within_months"]
    return by_horizon_note(within if within < distribution["payback_target_months"] else None, lang)


def _share_values(name: str, summaries: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
    """A compared figure's shares as CSV has them: defined, undefined where another figure leaves it nothing to say
    (``Figure.undefined_for``), and an IRR's borrowing share (as simulate's CSV)."""
    keys = ["defined_share", *(["undefined_share"] if BY_NAME[name].undefined_for is not None else []),
            *(["borrowing_share"] if name == "irr" else [])]
    return [[name, key, *(summary.get(key, 0.0) for summary in summaries), ""] for key in keys]


def _share_rows(name: str, scenarios: list[dict[str, Any]], style: NumberStyle) -> list[list[Any]]:
    """A compared figure's shares as markdown has them, one row per share named by what it holds, where some
    column's cell notes it; every column has the rows some column needs."""
    rows: list[list[Any]] = []
    summaries = [scenario["distribution"]["figures"][name] for scenario in scenarios]
    if any(share_note(name, scenario, style) for scenario in scenarios):
        split = any(summary.get("undefined_share", 0.0) for summary in summaries)
        fields = [share_fields(name, summary["defined_share"], summary.get("undefined_share", 0.0),
                               scenario["distribution"]["samples"], style, split)
                  for scenario, summary in zip(scenarios, summaries, strict=True)]
        rows += [[label(name, style.lang), row_label, *(column[i][1] for column in fields), ""]
                 for i, (row_label, _) in enumerate(fields[0])]
    if any(borrowing_note(name, scenario, style) for scenario in scenarios):
        rows.append([label(name, style.lang), label("borrowing_share_row", style.lang),
                     *(style.chance(summary.get("borrowing_share", 0.0), scenario["distribution"]["samples"])
                       for scenario, summary in zip(scenarios, summaries, strict=True)), ""])
    return rows


def distribution_rows(scenarios: list[dict[str, Any]], style: NumberStyle | None = None) -> Rows:
    """figure, statistic (p5, p50, p95, the defined share, or probability), a column per scenario, and the best (by
    p50 or chance): keys without ``style`` (CSV), with it labels, each chance's as the terminal's. CSV has each
    figure's shares (``_share_values``) and each chance of payback's ``target_months`` and ``within_months``; markdown
    a row of each share ("Defined in", a payback's "Never", an IRR's "Borrowing rate in") where some scenario's cell
    notes it."""
    names = [scenario["name"] for scenario in scenarios]
    never = label("never", style.lang) if style is not None else ""
    rows: list[list[Any]] = []
    for name in distribution_figures(scenarios):
        summaries = [scenario["distribution"]["figures"][name] for scenario in scenarios]
        best = names_cell(names[i] for i in sorted(risk_best(name, summaries)))
        texts = None if style is None else [percentile_texts(name, summary, style, never) for summary in summaries]
        for i, key in enumerate(RISK_PERCENTILES):
            cells = [summary[key] for summary in summaries] if texts is None else [column[i] for column in texts]
            rows.append([name if style is None else label(name, style.lang), key if style is None else key.upper(), *cells,
                         best if key == "p50" else ""])
        rows += (_share_values(name, summaries) if style is None else _share_rows(name, scenarios, style))
    for chance in CHANCES:
        values = [scenario["distribution"]["probabilities"][chance] for scenario in scenarios]
        best = names_cell(names[i] for i in sorted(chance_best(values, [scenario["distribution"]["samples"]
                                                                      for scenario in scenarios])))
        if style is None:
            rows.append([chance, "probability", *values, best])
        else:
            notes = [payback_chance_note(scenario, style.lang) if chance == "payback_within_target" else ""
                     for scenario in scenarios]
            rows.append([label(CHANCES[chance], style.lang), label("chance", style.lang),
                         *(chance_cell(chance, value, scenario["distribution"]["samples"], style) + note
                           for scenario, value, note in zip(scenarios, values, notes, strict=True)), best])
        if chance == "payback_within_target" and style is None:
            rows += [[chance, key, *(scenario["distribution"][f"payback_{key}"] for scenario in scenarios), ""]
                     for key in ("target_months", "within_months")]
    rows += gate_rows(scenarios, style, True, 1)
    rows += [[key, "", *cells] for key, *cells in basis_rows(scenarios, style, 1)]
    return [*_headers(style, ["figure", "statistic"]), *names, *_headers(style, ["best"])], rows


def compare_columns(comparison: Comparison) -> list[dict[str, Any]]:
    """Each column as JSON's ``scenarios`` holds it: name, source, its basis (``compare_bases``), figures (with the
    horizon flag) and, on risk, the distribution; where some column has gates, each one's (present/compare_gates.py)."""
    from aigc_roi.present.simulation import distribution_json

    columns = [{"name": column.name, "source": column.source, **basis,
                "figures": with_horizon_flag(column.figures, column.horizon_months),
                **({} if column.simulation is None else {"distribution": distribution_json(column.simulation)})}
               for column, basis in zip(comparison.columns, compare_bases(comparison), strict=True)]
    return with_gates(columns, comparison)


def best_json(scenarios: list[dict[str, Any]], on_risk: bool) -> dict[str, list[str]]:
    """JSON's ``best``: each figure (on risk, by its median, and each chance) -> the names of the scenarios marked
    best, in column order, by the rules CSV's ``best`` column and the tables' ★ follow; none marked, an empty list."""
    names = [scenario["name"] for scenario in scenarios]
    if not on_risk:
        return {name: [names[i] for i in sorted(best_columns(name, said(name, scenarios),
                                                             [scenario["figures"] for scenario in scenarios]))]
                for name in FIGURE_NAMES}
    best = {name: [names[i] for i in sorted(risk_best(name, [scenario["distribution"]["figures"][name]
                                                             for scenario in scenarios]))]
            for name in distribution_figures(scenarios)}
    return best | {chance: [names[i] for i in sorted(chance_best(
        [scenario["distribution"]["probabilities"][chance] for scenario in scenarios],
        [scenario["distribution"]["samples"] for scenario in scenarios]))] for chance in CHANCES}


@dataclass(frozen=True)
class ComparePresenter(Presenter[Comparison]):
    """``compare`` in every format: figures side by side, or on risk their distributions, or with ``--explain``
    what moved each figure below them."""

    style: NumberStyle
    title: str = ""
    on_risk: bool = False

    def data(self, result: Comparison) -> dict[str, Any]:
        columns = compare_columns(result)
        data: dict[str, Any] = {"scenarios": columns, "best": best_json(columns, self.on_risk)}
        rows = gate_rows_json(columns)
        if rows is not None:
            data["gate_rows"] = rows  # which scenario's gate each row pairs (present/gate_pairs.py)
        if result.changes is not None:
            data["explain"] = explain_data(result.changes)
        return {**data, "currency": result.currency}

    def rows(self, result: Comparison) -> Rows:
        """The CSV, its ``currency`` on the rows of an amount: a money figure's, or its percentiles' on risk (not its
        shares, nor a chance); with ``--explain`` each share of a money figure's change."""
        if result.changes is not None:
            table = explain_rows(result.changes)
            return with_currency(table, result.currency, [is_money(row[0]) for row in table[1]])
        columns = compare_columns(result)
        if self.on_risk:
            table = distribution_rows(columns)
            return with_currency(table, result.currency,
                                 [is_money(row[0]) and row[1] in RISK_PERCENTILES for row in table[1]])
        table = compare_rows(columns)
        return with_currency(table, result.currency, [is_money(row[0]) for row in table[1]])

    def styled_rows(self, result: Comparison) -> Rows:
        columns = compare_columns(result)
        return distribution_rows(columns, self.style) if self.on_risk else compare_rows(columns, self.style)

    def markdown(self, result: Comparison) -> str:
        text = to_markdown(self.styled_rows(result), self.title)
        lang = self.style.lang
        columns = compare_columns(result)
        borrowing = (risk_borrowing_note(columns, lang) if self.on_risk
                     else irr_borrowing_note([column.figures for column in result.columns], lang))
        for note in (borrowing, None if self.on_risk else month_note(columns, lang), gates_note(columns, lang, self.on_risk)):
            if note is not None:
                text += f"\n_{markdown_text(note)}_\n"
        if result.changes is None:
            return text
        notes = sentences(explain_notes(result.changes, self.style), lang)
        return (text + "\n" + to_markdown(explain_rows(result.changes, self.style), label("explain_title", lang), text_columns=4)
                + f"\n_{markdown_text(notes)}_\n")

    def view(self, result: Comparison) -> list[RenderableType]:
        from aigc_roi.present.compare_view import compare_view, distribution_view  # Rich loads only for the terminal's view

        columns = compare_columns(result)
        if self.on_risk:
            return [distribution_view(columns, self.style, self.title)]
        if result.changes is None:
            return [compare_view(columns, self.style)]
        from rich.console import Group

        from aigc_roi.present.explain_view import explain_view

        return [Group(compare_view(columns, self.style), explain_view(result.changes, self.style))]

    def workbook(self, result: Comparison) -> bytes:
        from aigc_roi.present.workbook import compare_workbook_bytes

        return compare_workbook_bytes(compare_columns(result), [column.horizon_months for column in result.columns],
                                      result.currency, self.style.lang, result.changes)
