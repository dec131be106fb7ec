"""`compare`'s Rich views: figures of several scenarios side by side, or on risk their distributions, the best per
row marked by present/compare.py's rules (present/compare.py holds their rows and JSON, which load no Rich)."""

from __future__ import annotations

from itertools import product
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from aigc_roi.model.figures import FIGURE_NAMES, FIGURES
from aigc_roi.present.blocks import table_or_blocks, vertical
from aigc_roi.present.compare import (
    CHANCES,
    best_columns,
    best_legend,
    chance_best,
    change_header,
    distribution_figures,
    figure_deltas,
    payback_chance_note,
    risk_best,
    risk_borrowing_note,
    risk_cell,
    said,
)
from aigc_roi.present.compare_basis import BASIS_LABELS, basis_cells, calendar, month_note, starts_differ
from aigc_roi.present.compare_gates import gate_names, gate_texts, gates_note
from aigc_roi.present.drivers import signed
from aigc_roi.present.labels import bracketed, label, sentences
from aigc_roi.present.layout import Column, Fitted, fixed_table
from aigc_roi.present.numbers import NumberStyle, irr_borrowing_note, never_text
from aigc_roi.present.peak_cash import figure_text, peak_cash_text
from aigc_roi.present.simulation import chance_cell

BEST_MARK = " ★"
COMPACT_FIGURES = frozenset(figure.name for figure in FIGURES if figure.unit in ("money", "users"))
"""Rows that may be shown in a compact unit when the table is narrow."""
MOST_EXTRA = 2
"""Decimals a compact row adds at most to tell its amounts apart: past that its number is as wide as in full."""


def compare_view(scenarios: list[dict[str, Any]], style: NumberStyle) -> Fitted:
    """Figures in rows, scenarios in columns; narrower layouts in present/layout.py's order."""
    lang = style.lang
    title = label("compare_title", lang) + bracketed(style.currency, lang)
    borrowing = irr_borrowing_note([scenario["figures"] for scenario in scenarios], lang)
    caption = sentences([best_legend(lang), borrowing or "", month_note(scenarios, lang) or "",
                         gates_note(scenarios, lang, False) or ""], lang)
    names = [scenario["name"] for scenario in scenarios]
    sources = [source_kept(scenario) for scenario in scenarios]
    months = [calendar(scenario) if starts_differ(scenarios) else None for scenario in scenarios]

    def cells(compact: bool) -> list[tuple[str, list[Text], list[Text] | None]]:
        """Per figure: its row label, each scenario's value, each later scenario's Δ against the first; then each
        gate's row and each basis row, which have no Δ."""
        rows: list[tuple[str, list[Text], list[Text] | None]] = []
        for name in FIGURE_NAMES:
            values = [scenario["figures"][name] for scenario in scenarios]
            ranked = said(name, scenarios)
            deltas = figure_deltas(name, scenarios, ranked)
            best = best_columns(name, ranked, [scenario["figures"] for scenario in scenarios])
            unit = style.compact_unit([*values, *deltas]) if compact and name in COMPACT_FIGURES else ""
            extra = told_apart_decimals(values, unit, style) if unit else 0
            texts = [style.with_unit(value, unit, extra) if unit
                     # Each column's never is within its own horizon, as `run` words it: the horizons may differ.
                     else figure_text(name, scenario["figures"], style,
                                      never_text(name, scenario["horizon_months"], lang), labels)
                     for value, scenario, labels in zip(values, scenarios, months, strict=True)]
            if name == "peak_cash_need":
                texts = [peak_cash_text(scenario["figures"], style, text) for scenario, text in zip(scenarios, texts, strict=True)]
            shown = [Text(text + BEST_MARK, style="bold green") if i in best else Text(text) for i, text in enumerate(texts)]
            changes = [Text(style.with_unit(delta, unit, extra, plus=True) if unit else signed(name, delta, style),
                            style="dim") for delta in deltas]
            rows.append((label(name, lang), shown, changes))
        gates = [(row_label, [Text(cell) for cell in cells], None) for row_label, cells in gate_texts(scenarios, style, False)]
        return rows + gates + [(label(row_label, lang), [Text(cell) for cell in basis_cells(key, scenarios, style)], None)
                               for key, row_label in BASIS_LABELS.items()]

    def build(width: int) -> RenderableType:
        # Full amounts and every Δ with a label broken inside a term (综合获客成 / 本) before amounts shortened
        # (327.0万) or a Δ column dropped: that loses text, a broken label only takes height. So a layout that loses
        # text keeps its labels' terms whole, and where it cannot, the blocks show everything.
        layouts = ((False, True, 2), (True, True, 1), (True, False, 1))
        # A name's word wider than a column folds only where no layout keeps it whole (present/layout.py
        # ``fixed_table``): kept whole, a scenario named in one word of 46 letters turned the table into blocks.
        for fold, (compact, with_deltas, most_squeezed) in product((False, True), layouts):
            rows = cells(compact)
            columns = [Column(label("figure", lang), [Text(row_label) for row_label, _, _ in rows], numeric=False,
                              prose=True, grows_first=True,
                              names=label_names(len(rows), gate_names(scenarios, False)))]
            for i, scenario_name in enumerate(names):
                columns.append(Column(scenario_name, [values[i] for _, values, _ in rows], folds=True,
                                      unfolded=sources[i]))
                if i and with_deltas:
                    columns.append(Column(change_header(lang), [Text() if changes is None else changes[i - 1]
                                                                for _, _, changes in rows]))
            table = fixed_table(columns, width, most_squeezed, fold, title=title, title_justify="left", caption=caption,
                                caption_justify="left")
            if table is not None:
                return table
        rows = cells(False)
        records = [(scenario_name, [(row_label, [values[i]] if not i or changes is None
                                     else [values[i], Text("Δ ") + changes[i - 1]])
                                    for row_label, values, changes in rows])
                   for i, scenario_name in enumerate(names)]
        return vertical(title, records, caption, width)

    return Fitted(build)


def source_kept(scenario: dict[str, Any]) -> list[str]:
    """The file path a column's header adds after a name two scenarios share (whatif/compare.py), which a folded header
    keeps whole: a path is never cut."""
    source = scenario.get("source")
    return [source] if source and f"({source}" in scenario["name"] else []


def label_names(rows: int, gates: list[str]) -> list[str | None]:
    """The name each of ``rows`` labels holds: the gate rows' gates, which come after the figures and before the
    basis rows; None for the others."""
    figures = rows - len(gates) - len(BASIS_LABELS)
    return [*([None] * figures), *gates, *([None] * len(BASIS_LABELS))]


def told_apart_decimals(values: list[float | None], unit: str, style: NumberStyle) -> int:
    """The decimals beyond ``unit``'s that a row of amounts needs for two different ones to read differently (11,821
    and 11,800 read 11.82k and 11.80k, not 11.8k twice), at most ``MOST_EXTRA``; 0 when the unit's own do."""
    amounts = sorted({value for value in values if value is not None})
    for extra in range(MOST_EXTRA + 1):
        texts = {style.with_unit(value, unit, extra) for value in amounts}
        if len(texts) == len(amounts):
            return extra
    return MOST_EXTRA


def distribution_view(scenarios: list[dict[str, Any]], style: NumberStyle, title: str) -> Fitted:
    """Each cell P50 (P5 .. P95) and, where the figure is not defined in every sample or reads "never" in some, that
    share, and an IRR's share of borrowing rates (present/compare.py ``risk_cell``); then each chance. ★ marks the
    best median (present/compare.py ``risk_best``) and the best chance. Laid out by present/layout.py: a label wraps
    rather than losing its end to "…", a cell wraps between its numbers."""
    lang = style.lang
    never = label("never", lang)
    labels: list[Text] = []
    cells: list[list[Text]] = [[] for _ in scenarios]
    for name in distribution_figures(scenarios):
        summaries = [scenario["distribution"]["figures"][name] for scenario in scenarios]
        best = risk_best(name, summaries)
        labels.append(Text(label(name, lang)))
        for i, scenario in enumerate(scenarios):
            text = risk_cell(name, scenario, style, never)
            cells[i].append(Text(text + BEST_MARK, style="bold green") if i in best else Text(text))
    for chance, chance_label in CHANCES.items():
        values = [scenario["distribution"]["probabilities"][chance] for scenario in scenarios]
        best = chance_best(values, [scenario["distribution"]["samples"] for scenario in scenarios])
        labels.append(Text(label(chance_label, lang)))
        for i, (scenario, value) in enumerate(zip(scenarios, values, strict=True)):
            text = chance_cell(chance, value, scenario["distribution"]["samples"], style) + (payback_chance_note(scenario, lang)
                                                           if chance == "payback_within_target" else "")
            cells[i].append(Text(text + BEST_MARK, style="bold green") if i in best else Text(text))
    for row_label, texts in gate_texts(scenarios, style, True):
        labels.append(Text(row_label))
        for column, text in zip(cells, texts, strict=True):
            column.append(Text(text))
    for key, row_label in BASIS_LABELS.items():
        labels.append(Text(label(row_label, lang)))
        for column, cell in zip(cells, basis_cells(key, scenarios, style), strict=True):
            column.append(Text(cell))
    columns = [Column(label("figure", lang), labels, numeric=False, prose=True, grows_first=True,
                      names=label_names(len(labels), gate_names(scenarios, True))),
               *(Column(scenario["name"], column, numeric=False, right_aligned=True, folds=True,
                        unfolded=source_kept(scenario)) for scenario, column in zip(scenarios, cells, strict=True))]
    borrowing = risk_borrowing_note(scenarios, lang)
    return table_or_blocks(columns, title, sentences([label("compare_risk_caption", lang), borrowing or "",
                                                      gates_note(scenarios, lang, True) or ""], lang))
