"""The report's tables, each in a box of its own that scrolls sideways where the screen is narrower than the table
(a phone): the page itself then never does, and a table's columns stay aligned instead of being squeezed."""

from __future__ import annotations


def html_table(head: str, body: str, *, css_class: str = "", columns: str = "") -> str:
    """A table of ``head`` (the rows of its ``thead``) and ``body`` (those of its ``tbody``), its ``colgroup``
    ``columns`` where given."""
    opened = f'<table class="{css_class}">' if css_class else "<table>"
    return f'<div class="wide">{opened}{columns}<thead>{head}</thead><tbody>{body}</tbody></table></div>'
