"""A full-width comma typed by a Chinese IME inside { } or [ ]: YAML reads it as text and fails at the next ':'.
The message points at the comma itself, on its own line, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "zh" / "starter.yaml"
POINTS = "  points: {1: 0.35, 3: 0.22, 6: 0.15, 12: 0.10}"


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "invalid YAML: full-width comma '，' (IME input) does not separate items in YAML; write an ASCII ','"),
    ("zh", "YAML 语法错误：全角逗号 '，'（输入法输入）在 YAML 中不分隔各项；请改成英文逗号 ','"),
])
def test_full_width_comma_in_a_mapping(tmp_path: Path, lang: str, message: str) -> None:
    lines = STARTER.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(POINTS))
    assert "，" in lines[at][len(POINTS):]  # the line's comment has one too: it must not be the one named
    lines[at] = lines[at].replace("0.22, 6", "0.22，6", 1)
    path = tmp_path / "comma.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    column = lines[at].index("，") + 1
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{path}:{at + 1}:{column}: {message}"]
