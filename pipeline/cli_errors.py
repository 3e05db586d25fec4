"""Any error as one line of Vietnamese for the terminal (the traceback is for --debug)."""
from __future__ import annotations

import errno
import sqlite3

from pipeline.store.db import DatabaseRefused


def one_line(e: BaseException) -> str:
    """What went wrong, in one line of Vietnamese (the traceback is for --debug)."""
    if isinstance(e, DatabaseRefused) or type(e).__name__ == "UsageError":
        return str(e)
    text = str(e).splitlines()[0] if str(e) else ""
    if isinstance(e, sqlite3.DatabaseError):
        low = text.lower()
        if "readonly" in low or "read-only" in low:
            return f"không ghi được vào cơ sở dữ liệu (tệp hoặc hệ thống tệp chỉ đọc): {text}"
        if "disk is full" in low or "disk i/o" in low:
            return f"hết chỗ trên đĩa khi ghi cơ sở dữ liệu; dữ liệu đã ghi trước đó vẫn nguyên: {text}"
        if "not a database" in low or "malformed" in low:
            return f"tệp này không phải là cơ sở dữ liệu SQLite dùng được (hoặc đã hỏng): {text}"
        if "unable to open" in low:
            return f"không mở được cơ sở dữ liệu (thư mục chỉ đọc, không có quyền, hoặc không tồn tại?): {text}"
        return f"lỗi cơ sở dữ liệu: {text}"
    if isinstance(e, OSError):
        where = f" ({e.filename})" if getattr(e, "filename", None) else ""
        if e.errno == errno.ENOSPC:
            return f"hết chỗ trên đĩa{where}; dữ liệu đã ghi trước đó vẫn nguyên"
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return f"không ghi được{where}: hệ thống tệp chỉ đọc hoặc không có quyền"
        return f"lỗi tệp{where}: {e.strerror or text}"
    if isinstance(e, MemoryError):
        return "không đủ bộ nhớ"
    if isinstance(e, RecursionError):
        return "dữ liệu lồng nhau quá sâu"
    return f"lỗi không lường trước: {type(e).__name__}: {text}"
