"""``virality: 150％`` was told "write 150%", which is refused in turn (over 100%): a full-width character's ASCII
form is suggested only where it is a valid value, in a file and in an option, and otherwise the line says what is
wrong, in English and in Chinese (reader/numbers.py slip_hint)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STORY = Path(__file__).resolve().parents[2] / "examples" / "stories" / "chat-assistant-cac-rising.yaml"


def _with_virality(tmp_path: Path, written: str) -> tuple[Path, int, int]:
    """The story with ``virality: WRITTEN``: its path and the line and column of the full-width character."""
    lines = STORY.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("virality:"))
    lines[at] = f"virality: {written}"
    path = tmp_path / "slip.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 1, lines[at].index("％") + 1


@pytest.mark.parametrize(("lang", "written", "message"), [
    ("en", "150％", "virality: expected a number >= 0 and < 1, found '150％'; full-width '％' (IME input), "
                    "and 150% is over 100%"),
    ("zh", "150％", "virality: 应为 ≥ 0 且 < 1 的数字，实际为 '150％'；全角字符 '％'（输入法输入），且 150% 超过 100%"),
    ("zh", "100％", "virality: 应为 ≥ 0 且 < 1 的数字，实际为 '100％'；全角字符 '％'（输入法输入），且 100% 不低于 100%"),
    ("zh", "5％％", "virality: 应为 ≥ 0 且 < 1 的数字，实际为 '5％％'；全角字符 '％'（输入法输入），且 5%% 不是数字"),
    ("en", "5％", "virality: expected a number >= 0 and < 1, found '5％'; full-width '％' (IME input): write 5%"),
])
def test_a_full_width_percent_in_a_file(tmp_path: Path, lang: str, written: str, message: str) -> None:
    path, line, column = _with_virality(tmp_path, written)
    result = invoke(["run", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr == f"{path}:{line}:{column}: {message}\n"


@pytest.mark.parametrize(("lang", "written", "message"), [
    ("en", "150％", "expected a share in [0, 1], found '150％'; full-width '％' (IME input), and 150% is over 100%"),
    ("zh", "150％", "应为 [0, 1] 之内的比例，实际为 '150％'；全角字符 '％'（输入法输入），且 150% 超过 100%"),
    ("en", "80％", "expected a share in [0, 1], found '80％'; full-width '％' (IME input): write 80%"),
])
def test_a_full_width_percent_in_an_option(lang: str, written: str, message: str) -> None:
    result = invoke(["allocate", str(STORY), "--min-payback-probability", written, "--lang", lang])
    assert result.exit_code == 2
    # Chinese joins an option's name to its problem with the full-width colon (labels ``named_problem``).
    assert result.stderr == f"aigc-roi: --min-payback-probability{'：' if lang == 'zh' else ': '}{message}\n"
    assert result.stdout == ""
