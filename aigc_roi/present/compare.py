"""`compare`: figures of several scenarios side by side. Rich view and CSV/markdown rows.

Best per row: by each figure's ``better`` direction (model.figures): lower
is better for CAC and the payback months, "never" is worst; ad spend is a
choice, not an outcome, so it has no best. A row is marked only when its
values differ.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from aigc_roi.model.figures import BY_NAME, FIGURE_NAMES, FIGURES
from aigc_roi.present.drivers import signed, signed_in
from aigc_roi.present.explain import explain_data, explain_rows, explain_view
from aigc_roi.present.labels import label
from aigc_roi.present.layout import Column, Fitted, fixed_table, table_or_blocks, vertical
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.peak_cash import peak_cash_text, with_horizon_flag
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.simulation import figure_text
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.tables import to_markdown
from aigc_roi.whatif.compare import Comparison

BEST_MARK = " ★"
COMPACT_FIGURES = frozenset(figure.name for figure in FIGURES if figure.unit in ("money", "users"))
"""Rows that may be shown in a compact unit when the table is narrow."""


def best_columns(name: str, values: list[float | None]) -> set[int]:
    """Indices of the best values of figure ``name`` (module docstring for the rules)."""
    if BY_NAME[name].better == "neither" or len(values) < 2:
        return set()
    lower = BY_NAME[name].better == "lower"
    # Undefined is worst: payback "never", roi without spend, ...
    keyed = [(-math.inf if v is None else (-v if lower else v)) for v in values]
    best = max(keyed)
    if best == -math.inf or all(k == best for k in keyed):
        return set()
    return {i for i, k in enumerate(keyed) if k == best}


def _delta(value: float | None, first: float | None) -> float | None:
    return None if value is None or first is None else value - first


def compare_view(scenarios: list[dict[str, Any]], style: NumberStyle) -> Fitted:
    """Figures in rows, scenarios in columns; narrower layouts in present/layout.py's order."""
    lang = style.lang
    title = f"{label('compare_title', lang)} ({style.currency})"
    caption = label("compare_caption", lang)
    never = label("never", lang)
    names = [scenario["name"] for scenario in scenarios]

    def cells(compact: bool) -> list[tuple[str, list[Text], list[Text]]]:
        """Per figure: its row label, each scenario's value, each later scenario's Δ against the first."""
        rows = []
        for name in FIGURE_NAMES:
            values = [scenario["figures"][name] for scenario in scenarios]
            deltas = [_delta(value, values[0]) for value in values[1:]]
            best = best_columns(name, values)
            unit = style.compact_unit([*values, *deltas]) if compact and name in COMPACT_FIGURES else ""
            texts = [style.in_unit(value, unit) if unit else style.figure(name, value, never, scenario["figures"].get("irr_none_reason"))
                     for value, scenario in zip(values, scenarios, strict=True)]
            if name == "peak_cash_need":
                texts = [peak_cash_text(scenario["figures"], style, text) for scenario, text in zip(scenarios, texts, strict=True)]
            shown = [Text(text + BEST_MARK, style="bold green") if i in best else Text(text) for i, text in enumerate(texts)]
            changes = [Text(signed_in(delta, unit, style) if unit else signed(name, delta, style), style="dim")
                       for delta in deltas]
            rows.append((label(name, lang) + (f" ({unit})" if unit else ""), shown, changes))
        return rows

    def build(width: int) -> RenderableType:
        for compact, with_deltas in ((False, True), (True, True), (True, False)):
            rows = cells(compact)
            columns = [Column(label("figure", lang), [Text(row_label) for row_label, _, _ in rows], numeric=False,
                              prose=True, grows_first=True)]
            for i, scenario_name in enumerate(names):
                columns.append(Column(scenario_name, [values[i] for _, values, _ in rows]))
                if i and with_deltas:
                    columns.append(Column(f"Δ {label('vs_first', lang)}", [changes[i - 1] for _, _, changes in rows]))
            table = fixed_table(columns, width, title=title, title_justify="left", caption=caption, caption_justify="left")
            if table is not None:
                return table
        rows = cells(False)
        records = [(scenario_name, [(row_label, [values[i]] if not i else [values[i], Text("Δ ") + changes[i - 1]])
                                    for row_label, values, changes in rows])
                   for i, scenario_name in enumerate(names)]
        return vertical(title, records, caption, width)

    return Fitted(build)


def compare_rows(scenarios: list[dict[str, Any]], style: NumberStyle | None = None) -> Rows:
    names = [scenario["name"] for scenario in scenarios]
    header = ["figure", *names, *(f"Δ {name}" for name in names[1:]), "best"]
    rows: list[list[Any]] = []
    for name in FIGURE_NAMES:
        values = [scenario["figures"][name] for scenario in scenarios]
        deltas = [_delta(value, values[0]) for value in values[1:]]
        best = "; ".join(names[i] for i in sorted(best_columns(name, values)))
        if style is None:
            rows.append([name, *values, *deltas, best])
        else:
            never = label("never", style.lang)
            texts = [peak_cash_text(scenario["figures"], style) if name == "peak_cash_need"
                     else style.figure(name, value, never, scenario["figures"].get("irr_none_reason"))
                     for scenario, value in zip(scenarios, values, strict=True)]
            rows.append([name, *texts,
                         *(signed(name, delta, style) for delta in deltas), best])
    return header, rows


# --- compare --samples: the same figures as distributions ----------------------------

RISK_PERCENTILES = ("p5", "p50", "p95")
"""What `compare --samples` shows of each figure; the best mark goes by the median."""
CHANCES: dict[str, str] = {
    "payback_within_target": "compare_payback_within_target",
    "roi_positive": "compare_roi_positive",
    "npv_positive": "compare_npv_positive",
}
"""Chances shown per scenario (higher is better), with their row labels."""


def _chance_best(values: list[float]) -> set[int]:
    if len(values) < 2 or all(value == values[0] for value in values):
        return set()
    return {i for i, value in enumerate(values) if value == max(values)}


def _distribution_figures(scenarios: list[dict[str, Any]]) -> list[str]:
    return list(scenarios[0]["distribution"]["figures"])


def distribution_view(scenarios: list[dict[str, Any]], style: NumberStyle, title: str) -> Fitted:
    """Each cell P50 (P5 .. P95); then each chance. ★ marks the best median and the best chance. Laid out by
    present/layout.py: a label wraps rather than losing its end to "…", a cell wraps between its numbers."""
    lang = style.lang
    never = label("never", lang)
    labels: list[Text] = []
    cells: list[list[Text]] = [[] for _ in scenarios]
    for name in _distribution_figures(scenarios):
        summaries = [scenario["distribution"]["figures"][name] for scenario in scenarios]
        best = best_columns(name, [summary["p50"] for summary in summaries]) if name in BY_NAME else set()
        labels.append(Text(label(name, lang)))
        for i, summary in enumerate(summaries):
            low, middle, high = (figure_text(name, summary[key], style, never) for key in RISK_PERCENTILES)
            text = f"{middle} ({low} .. {high})"
            cells[i].append(Text(text + BEST_MARK, style="bold green") if i in best else Text(text))
    for chance, chance_label in CHANCES.items():
        values = [scenario["distribution"]["probabilities"][chance] for scenario in scenarios]
        best = _chance_best(values)
        labels.append(Text(label(chance_label, lang)))
        for i, value in enumerate(values):
            cells[i].append(Text(style.percent(value) + BEST_MARK, style="bold green") if i in best
                            else Text(style.percent(value)))
    columns = [Column(label("figure", lang), labels, numeric=False, prose=True),
               *(Column(scenario["name"], column, numeric=False, right_aligned=True)
                 for scenario, column in zip(scenarios, cells, strict=True))]
    return table_or_blocks(columns, title, label("compare_risk_caption", lang))


def distribution_rows(scenarios: list[dict[str, Any]], style: NumberStyle | None = None) -> Rows:
    """figure, statistic (p5, p50, p95 or probability), a column per scenario, and the best (by p50 or chance)."""
    names = [scenario["name"] for scenario in scenarios]
    never = label("never", style.lang) if style is not None else ""
    rows: list[list[Any]] = []
    for name in _distribution_figures(scenarios):
        for key in RISK_PERCENTILES:
            values = [scenario["distribution"]["figures"][name][key] for scenario in scenarios]
            best = best_columns(name, values) if key == "p50" and name in BY_NAME else set()
            cells = values if style is None else [figure_text(name, value, style, never) for value in values]
            rows.append([name, key if style is None else key.upper(), *cells, "; ".join(names[i] for i in sorted(best))])
    for chance in CHANCES:
        values = [scenario["distribution"]["probabilities"][chance] for scenario in scenarios]
        cells = values if style is None else [style.percent(value) for value in values]
        statistic = "probability" if style is None else label("chance", style.lang)
        rows.append([chance, statistic, *cells, "; ".join(names[i] for i in sorted(_chance_best(values)))])
    return ["figure", "statistic", *names, "best"], rows


def compare_columns(comparison: Comparison) -> list[dict[str, Any]]:
    """Each column as JSON's ``scenarios`` holds it: name, source, figures (with the horizon flag) and, on risk,
    the distribution."""
    from aigc_roi.present.simulation import distribution_json

    return [{"name": column.name, "source": column.source,
             "figures": with_horizon_flag(column.figures, column.horizon_months),
             **({} if column.simulation is None else {"distribution": distribution_json(column.simulation)})}
            for column in comparison.columns]


@dataclass(frozen=True)
class ComparePresenter(Presenter[Comparison]):
    """``compare`` in every format: figures side by side, or on risk their distributions, or with ``--explain``
    what moved each figure below them."""

    style: NumberStyle
    title: str = ""
    on_risk: bool = False

    def data(self, result: Comparison) -> dict[str, Any]:
        data: dict[str, Any] = {"scenarios": compare_columns(result)}
        if result.changes is not None:
            data["explain"] = explain_data(result.changes)
        return data

    def rows(self, result: Comparison) -> Rows:
        if result.changes is not None:
            return explain_rows(result.changes)
        columns = compare_columns(result)
        return distribution_rows(columns) if self.on_risk else compare_rows(columns)

    def styled_rows(self, result: Comparison) -> Rows:
        columns = compare_columns(result)
        return distribution_rows(columns, self.style) if self.on_risk else compare_rows(columns, self.style)

    def markdown(self, result: Comparison) -> str:
        text = to_markdown(self.styled_rows(result), self.title)
        if result.changes is None:
            return text
        return text + "\n" + to_markdown(explain_rows(result.changes, self.style), label("explain_title", self.style.lang),
                                         text_columns=4)

    def view(self, result: Comparison) -> list[RenderableType]:
        columns = compare_columns(result)
        if self.on_risk:
            return [distribution_view(columns, self.style, self.title)]
        if result.changes is None:
            return [compare_view(columns, self.style)]
        return [Group(compare_view(columns, self.style), explain_view(result.changes, self.style))]

    def workbook(self, result: Comparison) -> bytes:
        from aigc_roi.present.workbook import compare_workbook_bytes

        return compare_workbook_bytes(compare_columns(result), result.currency, self.style.lang,
                                      None if result.changes is None else explain_rows(result.changes))
