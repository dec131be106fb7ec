"""The sentences on a channel's two forms under draws (docs/allocate.md, channels given by volume): today's split is the
file as written, a split that moves a channel's budget runs it in budget form, and the budget curve runs every point in
budget form. They follow the last warning of a channel written by volume, which says what the two forms are."""

from __future__ import annotations

from aigc_roi.model.compared import told_apart
from aigc_roi.model.names import listed
from aigc_roi.model.rounding import fixed
from aigc_roi.present.allocation_labels import OBJECTIVE_LABELS, budget_name, budget_text
from aigc_roi.present.labels import label, short_label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.allocate import Allocation, AllocationWarning

VOLUME_LABELS: dict[str, str] = {
    "volume_at_drawn_cost": "allocate_warning_volume_at_drawn_cost", "drawn_volume": "allocate_warning_drawn_volume",
}
"""A moved channel written by volume under draws (docs/allocate.md, channels given by volume) -> its sentence, which
names the channel's volume and unit cost."""


def form_texts(result: Allocation, warning: AllocationWarning, style: NumberStyle) -> list[str]:
    """What follows ``warning``: after the last warning of a channel written by volume, the change of form in the gain
    and at the budget curve's point at B, each where it is one."""
    if warning is not _last_volume(result):
        return []
    return [text for text in (_form_change_text(result, style), _curve_form_text(result, style)) if text]


def _form_change_text(result: Allocation, style: NumberStyle) -> str | None:
    """Where the best split moves a channel written by volume under draws: today's split in budget form against today
    as written, and the part of the gain that change of form is (Allocation.current_in_budget_form), the objective
    written as the summary writes it, the change as "spend less" writes a loss (money, or percentage points of a
    chance)."""
    in_form = result.current_in_budget_form
    # Forms that read the same objective (a chance of payback of 100% either way) leave the gain the re-split's.
    if in_form is None or in_form == result.current_value:
        return None
    in_form_text, today_text, change_text = _figures(result, in_form, result.current_value, style)
    names = list(result.budget_form_channels)
    # The best split at today's money (B today's spend) is today's split in budget form: the gain is all the change.
    one, many = (("allocate_form_change_all", "allocate_form_change_all_many") if _all_form(result)
                 else ("allocate_form_change", "allocate_form_change_many"))
    key, extra = ((one, {}) if len(names) == 1
                  else (many, {"channels": listed(names, label("list_separator", style.lang))}))
    return label(key, style.lang).format(objective=short_label(OBJECTIVE_LABELS[result.objective], style.lang),
                                         in_form=in_form_text, today=today_text, change=change_text, **extra)


def _curve_form_text(result: Allocation, style: NumberStyle) -> str | None:
    """Where B is today's spend and the split at B leaves such a channel at today's budget, which is the file as
    written there: the budget curve's point at B runs it in budget form, as its other points do
    (CurvePoint.in_budget_form), against the same split as written, and the difference; or, where the split as
    written ranks higher there, the point reads it (CurvePoint.kept_as_written): why it stands apart."""
    kept = next((point for point in result.curve if point.kept_as_written), None)
    if kept is not None and kept.value != kept.in_form_value:
        # Today's plan as written ranks higher at B: the point reads it, an option no other budget has.
        written_text, in_form_text, _ = _figures(result, kept.value, kept.in_form_value, style)
        return label("allocate_curve_as_written", style.lang).format(
            asked=f"{budget_name(result)} = {budget_text(result, style)(kept.budget)}",
            channels=listed(list(kept.kept_as_written), label("list_separator", style.lang)),
            objective=short_label(OBJECTIVE_LABELS[result.objective], style.lang), written=written_text,
            in_form=in_form_text)
    point = next((point for point in result.curve if point.in_budget_form), None)
    if point is None or point.value == point.as_written:
        return None
    # The same two figures as the sentence on today's split: said once.
    if (point.value, point.as_written) == (result.current_in_budget_form, result.current_value):
        return None
    in_form_text, written_text, change_text = _figures(result, point.value, point.as_written, style)
    asked = f"{budget_name(result)} = {budget_text(result, style)(point.budget)}"
    return label("allocate_curve_form", style.lang).format(
        channels=listed(list(point.in_budget_form), label("list_separator", style.lang)), asked=asked,
        objective=short_label(OBJECTIVE_LABELS[result.objective], style.lang), in_form=in_form_text,
        written=written_text, change=change_text)


def best_is_current_text(result: Allocation, style: NumberStyle) -> str | None:
    """"The best split is the current one" (warning ``best_is_current``: each channel at today's money) where that
    split runs a channel written by volume under draws in budget form, as a proposal is (whatif/allocate_proposed.py):
    the gain is then not nothing but the change of form; None elsewhere, and for a fill's, a milestone's or a held
    split, whose sentences say why they are today's."""
    if (result.current_in_budget_form is None or result.current_in_budget_form == result.current_value
            or result.basis not in ("searched", "current") or result.target_roas is not None or result.reach is not None):
        return None
    return label("allocate_warning_best_is_current_form", style.lang).format(
        channels=listed(list(result.budget_form_channels), label("list_separator", style.lang)))


def _all_form(result: Allocation) -> bool:
    """Whether today's split in budget form is the best split's value: the gain is then all the change of form."""
    return result.current_in_budget_form == result.best_value


def _figures(result: Allocation, in_form: float, written: float, style: NumberStyle) -> tuple[str, str, str]:
    """The objective in budget form and as written, told apart where they read alike as the summary rounds them, and
    in_form - written as "spend less" writes a loss (money, or percentage points of a chance)."""
    change = in_form - written
    if result.objective == "payback_probability":
        change_text = f"{fixed(change, 2, separators=True, shift=2)} {label('percentage_points', style.lang)}"
    else:
        change_text = style.money(change, 0)

    def show(value: float, places: int) -> str:
        return (style.percent(value, 2 + places) if result.objective == "payback_probability"
                else style.money(value, places))

    in_form_text, written_text = told_apart(show, in_form, written, 0)
    return in_form_text, written_text, change_text


def _last_volume(result: Allocation) -> AllocationWarning | None:
    return next((w for w in reversed(result.warnings) if w.code in VOLUME_LABELS), None)
