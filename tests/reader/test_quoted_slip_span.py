"""A slip inside a quoted value is highlighted over its characters, not the closing quote: ``fee: "3~6万"`` was
reported at col 12 to endColumn 15, its ``"`` included, where ``fee: 3~6万`` gave 11 to 13. Columns counted by
hand: in ``    fee: "3~6万"`` the quote is column 10, ``3`` 11, ``~`` 12, ``万`` 14, the closing quote 15."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

PLAN = """name: x
retention: {monthly_churn: 0.5}
acquisition:
  - name: K
    type: kol
    posts: 1
    views: 1000
    view_to_user: 0.01
    fee: FEE
"""


@pytest.mark.parametrize(("fee", "span"), [
    ('3~6万', (9, 11, 9, 13)),                # plain: ~ at 11, 万 at 13
    ('"3~6万"', (9, 12, 9, 14)),              # the quote at 10 and 15 left out
    ("'3~6万'", (9, 12, 9, 14)),
    ('"\\u0033~6万"', (9, 17, 9, 19)),        # \u0033 is columns 11-16
    ('"3~6\\u4e07"', (9, 12, 9, 19)),         # the last character an escape: its six columns, 14-19, the quote at 20
])
def test_the_span_ends_at_the_texts_last_character(fee: str, span: tuple[int, int, int, int]) -> None:
    with pytest.raises(ScenarioInvalid) as refused:
        load_text(PLAN.replace("FEE", fee), "s.yaml")
    (error,) = refused.value.errors
    assert (error.line, error.column, error.end_line, error.end_column) == span
