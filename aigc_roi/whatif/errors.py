"""What a what-if refuses to do: problems of the request, not bugs.

The CLI turns a ``WhatIfError`` into one line and exit 2; any other
exception is a bug and must not be dressed up as a usage error.
"""


class WhatIfError(ValueError):
    """A what-if asked of a scenario that cannot answer it (the message says why)."""


def amount_text(value: float) -> str:
    """An amount of money in a message, as the other messages write one: thousands separated, cents only
    when there are any (20,000; 1,234.50), never an exponent that drops digits (1.23457e+06); under zh,
    present/messages_zh.py shows it in 万 or 亿 as the tables do."""
    return f"{value:,.2f}".removesuffix(".00")
