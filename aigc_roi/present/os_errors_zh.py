"""Why the system could not read or write a file, in Chinese.

The English text of such an error is the system's own wording (``os.strerror``, or Python's for a
file name it refuses). Under ``--lang zh`` the reason is looked up by the errno whose wording it is
on this system, so the table holds meanings rather than one platform's English sentences; a reason
the table does not know stays as the system wrote it.
"""

from __future__ import annotations

import errno
import os

_BY_ERRNO: dict[int, str] = {
    errno.ENOENT: "没有该文件或目录",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许的操作",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ELOOP: "符号链接层数过多",
    errno.ENOSPC: "磁盘没有剩余空间",
    errno.EROFS: "只读文件系统",
    errno.EIO: "输入/输出错误",
    errno.EINVAL: "无效的参数",
    errno.EEXIST: "文件已存在",
    errno.EBADF: "文件描述符无效",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "系统打开的文件过多",
    errno.ENXIO: "没有这个设备或地址",
    errno.EFBIG: "文件过大",
    errno.EPIPE: "管道已断开",
    errno.EBUSY: "设备或资源忙",
    errno.ETXTBSY: "文件正被执行",
    errno.EAGAIN: "资源暂时不可用",
    **({errno.EDQUOT: "超出磁盘配额"} if hasattr(errno, "EDQUOT") else {}),
}

_PYTHON_REASONS: dict[str, str] = {
    # What Python says, without an errno, of a file name no system call can take.
    "embedded null byte": "文件名中含有空字节",
    "embedded null character in path": "文件名中含有空字符",
}


def os_reason_zh(reason: str) -> str:
    """``reason`` (the system's English for an OSError, or Python's for a refused name) in Chinese."""
    by_wording = {os.strerror(code): chinese for code, chinese in _BY_ERRNO.items()}
    return by_wording.get(reason) or _PYTHON_REASONS.get(reason, reason)
