"""One scanner of flow text outside quotes (aigc_roi/reader/flow_scan.py) for re-forecasts and --variant."""

from __future__ import annotations

from aigc_roi.cli.whatif import parse_variant
from aigc_roi.reader.flow_scan import outside_quotes
from aigc_roi.reader.reforecast import closing


def test_quoted_brackets_and_an_escaped_quote_are_text() -> None:
    text = '{name: "a \\" ] }", b: [1, 2]} tail'
    # The flow mapping closes at the last brace, not inside the quoted name (where \\" is no closing quote).
    assert closing(text, 0) == text.index("} tail")
    assert [char for _, char, _ in outside_quotes(text) if char in "[]{}"] == ["{", "[", "]", "}"]
    assert [depth for _, char, depth in outside_quotes(text) if char in "[]{}"] == [1, 2, 1, 0]


def test_a_variant_splits_only_outside_brackets_and_quotes() -> None:
    # The comma after an escaped quote is inside the quoted name: no third change.
    label, sets = parse_variant('cheaper: acquisition[Feed ads, CN].bid=25, monetization.plans[0].name="a \\", b"')
    assert label == "cheaper"
    assert sets == ["acquisition[Feed ads, CN].bid=25", 'monetization.plans[0].name="a \\", b"']
