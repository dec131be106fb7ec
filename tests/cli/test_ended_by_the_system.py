"""A run the system ends (out of memory, a worker killed by its out-of-memory killer) is said as such, in the
invocation's language, exit 2: no "internal error, please report it", which is for bugs."""

from __future__ import annotations

import signal
from typing import NoReturn

import pytest

from aigc_roi.cli import app as app_module
from aigc_roi.cli import streams
from aigc_roi.whatif.forked import WorkerEnded


@pytest.mark.parametrize(("raised", "lang", "said"), [
    (MemoryError(), "en", "aigc-roi: not enough memory to finish: fewer --samples (where the command draws them) or "
                          "fewer --jobs need less"),
    (MemoryError(), "zh", "aigc-roi: 内存不足，无法完成：减少 --samples（命令抽样时）或 --jobs 可少用内存"),
    (WorkerEnded(4242, signal.SIGKILL, None), "en",
     "aigc-roi: simulate's worker process 4242 ended before its samples were done (killed by SIGKILL); "
     "run it again, with fewer --samples or --jobs 1"),
    (WorkerEnded(4242, signal.SIGKILL, None), "zh",
     "aigc-roi: simulate 的工作进程 4242 在样本算完之前结束（被 SIGKILL 终止）；请重新运行，减少 --samples 或用 --jobs 1"),
    (WorkerEnded(4242, signal.SIGKILL, None, "check"), "en",
     "aigc-roi: check's worker process 4242 ended before its files were checked (killed by SIGKILL); "
     "run it again, with fewer --samples or --jobs 1"),
    (WorkerEnded(4242, signal.SIGKILL, None, "check"), "zh",
     "aigc-roi: check 的工作进程 4242 在文件检查完之前结束（被 SIGKILL 终止）；请重新运行，减少 --samples 或用 --jobs 1"),
    (WorkerEnded(4242, signal.SIGKILL, None, "validate"), "en",
     "aigc-roi: validate's worker process 4242 ended before its files were checked (killed by SIGKILL); "
     "run it again, with --jobs 1"),
    (WorkerEnded(4242, signal.SIGKILL, None, "validate"), "zh",
     "aigc-roi: validate 的工作进程 4242 在文件检查完之前结束（被 SIGKILL 终止）；请重新运行，用 --jobs 1"),
    (WorkerEnded(4242, None, 3), "zh",
     "aigc-roi: simulate 的工作进程 4242 在样本算完之前结束（退出状态 3）；请重新运行，减少 --samples 或用 --jobs 1"),
])
def test_the_system_ending_a_run_is_no_internal_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                                      raised: BaseException, lang: str, said: str) -> None:
    def run() -> NoReturn:
        streams.resolve_lang(lang)
        raise raised

    monkeypatch.setattr(app_module, "app", run)
    with pytest.raises(SystemExit) as ended:
        app_module.main()
    assert ended.value.code == 2
    assert capsys.readouterr().err.splitlines() == [said]
