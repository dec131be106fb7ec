"""What ``--help`` keeps together on a line, in English and in Chinese: a note in brackets, a label with its value,
a bound written as a sum. English help reads them in cli/help_frame.py ``wrap_words``, Chinese in present/wrap.py
``_notes_kept``; here, away from both, so that English help loads neither Rich nor the Chinese line breaking."""

from __future__ import annotations

import re

NOTE = re.compile(r"\[[^\[\]]*\]")
"""A bracketed note: Typer's ``[default: table]``, ``[default: 0; 0<=x<=2^128 - 1]``, ``[required]``, and the
Chinese ``[默认：0；范围 0 到 2^128 - 1]``. Kept on one line where it fits one."""
LABEL = r"[(\[（][^\s()\[\]（）:：]+[:：] *|\[[^\s\[\]:：]+ +(?=[^\s\]])"
"""An opening bracket and the label after it, up to its value: ``[default: table]``, ``(default: months)``,
``（默认：最多 4 个）``, ``（KEY：subscribers、...）``, and a note's first word without a colon (``[范围 1 到 10]``):
the label never ends a line its value does not. A pattern, compiled where it is used alone (Chinese help): English
help reads it only inside ``TIGHT``, and compiling it too was half a millisecond of its start-up."""
SUM = re.compile(r"(?<=\d) [-+] (?=\d)")
"""The sign of a bound written as a sum (``2^128 - 1``): one number, never broken at its spaces."""
TIGHT = re.compile(f"{LABEL}|{SUM.pattern}")
"""A label with the spaces before its value, or a sum's sign with its spaces: found in one pass (English help)."""
