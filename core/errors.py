"""Errors the core raises for the user to read (Chinese messages, never tracebacks)."""
from __future__ import annotations


class ReportError(Exception):
    """An input the user gave cannot be used. ``message`` is a one-line Chinese sentence.

    ``code`` is a stable machine tag (``unsupported``, ``empty``, ``encoding``, ``corrupt``,
    ``encrypted``, ``scanned``, ``not_found``, ``too_large``, ``database``, ``read_only``,
    ``write_failed``) so callers and tests can branch on the kind of failure without parsing the
    message.
    """

    def __init__(self, code: str, message: str, path: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:  # the message is what every caller shows
        return self.message


class Cancelled(Exception):
    """Raised from a progress callback to stop long work cooperatively."""


# errno -> what happened, in words a reviewer can act on (the OS's own text follows in brackets)
_ERRNO_TEXT = {
    "ENOSPC": "磁盘空间已满，请清理磁盘或换一个位置",
    "EDQUOT": "磁盘配额已用完，请清理空间或换一个位置",
    "EACCES": "没有权限（文件或文件夹不允许写入，或文件正被其他程序占用）",
    "EPERM": "操作不被允许（没有权限，或文件被设为只读）",
    "EEXIST": "同名文件已存在",
    "ENOENT": "找不到文件或文件夹（可能已被移动、删除，或路径中的文件夹不存在）",
    "EROFS": "所在的磁盘或文件夹是只读的",
    "ENAMETOOLONG": "文件名或路径太长，请换一个短一些的名称或位置",
    "EBUSY": "文件正被其他程序占用，请关闭后重试",
    "ETXTBSY": "文件正被其他程序占用，请关闭后重试",
    "EISDIR": "目标是一个文件夹，不是文件",
    "ENOTDIR": "路径中有一部分不是文件夹",
    "EINVAL": "文件名或路径无效（可能含有系统不允许的字符）",
    "EIO": "读写磁盘时出错（磁盘或网络存储可能有故障）",
    "EMFILE": "打开的文件太多，请关闭一些程序后重试",
    "EFBIG": "文件太大，超出了磁盘格式的限制",
    "EXDEV": "不能跨磁盘移动文件",
}
# Windows: a file open in Excel/WPS gives a sharing or lock violation (winerror 32 / 33)
_WINERROR_TEXT = {
    32: "文件正被其他程序占用（例如在 Excel/WPS 中打开），请关闭后重试",
    33: "文件的一部分被其他程序锁定（例如在 Excel/WPS 中打开），请关闭后重试",
    112: "磁盘空间已满，请清理磁盘或换一个位置",
    206: "文件名或路径太长，请换一个短一些的名称或位置",
}


def os_error_message(exc: OSError) -> str:
    """One Chinese sentence for an ``OSError``: the cause by errno, then the system's own words.

    ``PermissionError`` is not assumed to mean "open in Excel": on Windows a sharing violation
    has its own code (winerror 32), and everywhere else it is a permission or read-only problem.
    """
    import errno as errno_mod

    reason = None
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERROR_TEXT:
        reason = _WINERROR_TEXT[winerror]
    elif exc.errno is not None:
        reason = _ERRNO_TEXT.get(errno_mod.errorcode.get(exc.errno, ""))
    if reason is None:
        reason = "系统错误"
    detail = exc.strerror or str(exc) or type(exc).__name__
    return f"{reason}（系统信息：{detail}）"
