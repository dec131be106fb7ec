"""What a break-even cell is, where it is not a plain crossing: a gate's jump (docs/formulas.md §10) and a saturating
channel's average max bid (§6). The table, markdown and report mark the cell and say what the mark means under it;
shared by present/breakeven.py, present/breakeven_view.py and the report page."""

from __future__ import annotations

from aigc_roi.present.drivers import bound_value, driver_label, driver_value
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.breakeven import THRESHOLDS, BreakEven, BreakEvenTable, ChannelAlone
from aigc_roi.whatif.breakeven_jumps import GateJump, Side

JUMP_CHANGES: dict[str, str] = {"roi_zero": "breakeven_jump_roi", "payback_target": "breakeven_jump_payback"}
"""Each threshold's figure as it jumps across it."""
CONDITIONS: dict[tuple[str, bool], str] = {
    ("roi_zero", True): "roi_zero_limit", ("roi_zero", False): "roi_zero_goal",
    ("payback_target", True): "payback_target_limit", ("payback_target", False): "payback_target_goal",
}
"""(threshold, met now) -> the condition a headroom names: the limit it may not cross, or the goal it must reach."""


def break_even_value(row: BreakEven, threshold: str, value: float | None, style: NumberStyle) -> str:
    """A break-even of ``threshold`` as shown: rounded toward the side where the threshold is met (a price up, a cost
    down, or the digit just past it where a run there met it), so that a run at the value shown meets it too
    (docs/formulas.md §10)."""
    return bound_value(row.driver, value, style, up=threshold not in row.good_below, held=row.held.get(threshold, ()))


def threshold_text(row: BreakEven, threshold: str, style: NumberStyle) -> str:
    """A threshold's value, marked "jump" where the figure jumps across the threshold there (never meeting it)."""
    text = break_even_value(row, threshold, getattr(row, threshold), style)
    return f"{text} {label('breakeven_jump_marker', style.lang)}" if threshold in row.jumps else text


def own_max_text(row: BreakEven, style: NumberStyle) -> str:
    """A channel's own max unit cost, marked "avg" where it saturates, as ``run`` marks it (present/channel_notes.py)."""
    alone = row.channel
    if alone is None:
        return driver_value(row.driver, None, style)
    # A ceiling: rounded down, as a bid above it loses money.
    text = bound_value(row.driver, alone.ceiling, style, up=False)
    return f"{text} {label('average_marker', style.lang)}" if _average(alone) else text


def _average(alone: ChannelAlone | None) -> bool:
    """Whether the channel's own max, a unit cost or a factor on every month's, is an average one (it saturates): the
    cell is marked and the note said by this alone, so neither goes without the other."""
    return alone is not None and alone.saturating and alone.ceiling is not None


def room_marked(row: BreakEven, threshold: str, text: str, lang: str) -> str:
    """A room cell, marked "flip" where a gate flips within it (``BreakEven.flips``); likewise the reason a threshold
    has no break-even ("always holds", "out of reach"), where a gate flips anywhere in the domain."""
    return f"{text} {label('breakeven_flip_marker', lang)}" if threshold in row.flips else text


def jump_notes(table: BreakEvenTable, style: NumberStyle) -> list[str]:
    """What "jump" means, once, then each jump: the gates that decide otherwise past it and the figures either side
    (one sentence for a driver's two thresholds at one jump); then likewise each flip of the gates within a room, and
    each beside a threshold without a break-even, whose mark means a flip anywhere (what each mark means said once
    where it is shown: "always holds" read alone would let an analyst cut a price below a gate's test)."""
    notes, flips = [], []
    kinds = {"breakeven_flip_anywhere_note" if getattr(row, threshold) is None else "breakeven_flip_note"
             for row in table.rows for threshold in row.flips}
    for row in table.rows:
        values: dict[float, list[str]] = {}
        for threshold in THRESHOLDS:
            if threshold in row.jumps:
                values.setdefault(getattr(row, threshold), []).append(threshold)
        notes += [_jump_sentence(table, row, row.jumps[thresholds[0]], value,
                                 break_even_value(row, thresholds[0], value, style), thresholds, style)
                  for value, thresholds in values.items()]
        within: dict[float, list[str]] = {}
        for threshold, flip in row.flips.items():
            within.setdefault(flip.value, []).append(threshold)
        # Rounded toward the current value: at the value shown the gates still decide as they do now.
        flips += [_jump_sentence(table, row, row.flips[thresholds[0]].sides, value,
                                 bound_value(row.driver, value, style, up=row.driver.current > value), thresholds, style)
                  for value, thresholds in within.items()]
    meanings = [label(kind, style.lang) for kind in ("breakeven_flip_note", "breakeven_flip_anywhere_note") if kind in kinds]
    return ([label("breakeven_jump_note", style.lang), *notes] if notes else []) + ([*meanings, *flips] if flips else [])


def saturating_notes(table: BreakEvenTable, lang: str) -> list[str]:
    """The note on an average max bid, where a channel's is marked."""
    return [label("saturating_caption", lang)] if any(_average(row.channel) for row in table.rows) else []


def _jump_sentence(table: BreakEvenTable, row: BreakEven, jump: GateJump, value: float, shown: str,
                   thresholds: list[str], style: NumberStyle) -> str:
    """The gates that decide otherwise past ``jump`` at ``value`` (shown as ``shown``), read from the current value,
    and the figures of ``thresholds`` either side of it."""
    lang = style.lang
    changes = []
    here, past = _sides(row, value, jump)
    for threshold in thresholds:
        if threshold == "roi_zero":
            before, after = style.percent(here.roi), style.percent(past.roi)
        else:
            never = label("never", lang)
            before, after = style.month(here.payback_month, never), style.month(past.payback_month, never)
        changes.append(label(JUMP_CHANGES[threshold], lang).format(before=before, after=after))
    gates = label("list_separator", lang).join(
        label("breakeven_gate_passes" if past.gates_passed[g] else "breakeven_gate_fails", lang).format(gate=table.gates[g])
        for g in jump.flipped)
    return label("breakeven_jump", lang).format(driver=driver_label(row.driver, lang), value=shown, gates=gates,
                                                changes=label("notes_separator", lang).join(changes))


def _sides(row: BreakEven, value: float, jump: GateJump) -> tuple[Side, Side]:
    """The jump's sides read from the current value across it: its own side first."""
    return (jump.below, jump.above) if row.driver.current <= value else (jump.above, jump.below)


WRONG_SIDE_SPANS: dict[tuple[bool, bool], str] = {
    (True, True): "wrong_side_span_above", (True, False): "wrong_side_span_below",
    (False, True): "wrong_side_from_down", (False, False): "wrong_side_from_up"}
"""(missed now, met below the break-even) -> the words of the values that meet the threshold: missed now, the current
value is on the good side, so they lie between it and the break-even; met now, past the break-even away from it."""


def wrong_side_notes(table: BreakEvenTable, style: NumberStyle) -> list[str]:
    """What "—" beside a break-even means, once, then each such cell's good side (``BreakEven.wrong_side``): the
    figure jumps at the current value, so the cell names no move, and without these the values that do meet the
    threshold (a free channel's costs in (0, 600]) were said nowhere (docs/formulas.md §10, **Headroom**)."""
    lang = style.lang
    notes = []
    for row in table.rows:
        for threshold in THRESHOLDS:
            value = getattr(row, threshold)
            if value is None or threshold not in row.wrong_side:
                continue
            condition = label(CONDITIONS[threshold, False], lang).format(months=table.payback_window.months)
            current = driver_value(row.driver, row.driver.current, style)
            shown = break_even_value(row, threshold, value, style)
            # Missed now though on the good side: the good side but the current value; met now though on the bad
            # side: the current value alone, and the good side past the break-even.
            missed = not table.met_now(threshold)
            span = label(WRONG_SIDE_SPANS[missed, threshold in row.good_below], lang).format(current=current, value=shown)
            notes.append(label("wrong_side_missed" if missed else "wrong_side_met", lang).format(
                driver=driver_label(row.driver, lang), condition=condition, span=span, current=current))
    return [label("wrong_side_note", lang), *notes] if notes else []
