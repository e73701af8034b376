"""Spreadsheet cells: the one formula-injection neutraliser of every ohsreg writer, and its exact undo.

A spreadsheet (Excel, WPS, LibreOffice) reads a text cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula -- and so with their full-width forms ``＝＋－＠``, which Chinese input methods type and
which spreadsheets in CJK locales fold to ASCII. A leading tab or carriage return hides such a start
from a reviewer, and ``|`` starts a DDE call in old Excel. Every writer of text that may be opened in a
spreadsheet (the CSV exporter, the command line's tables) passes each text cell through
:func:`neutralise`, which prefixes ``'`` -- the spreadsheet's own "this is text" mark -- when the text
starts with one of :data:`FORMULA_TRIGGERS`.

**Restore on read (lossless).** ``'`` itself is a trigger, and so is the empty string (an empty text
cell must stay distinguishable from a null, which writers leave empty). So a cell starts with ``'``
exactly when the writer added one, and :func:`restore` removes exactly one leading ``'``:
``restore(neutralise(text)) == text`` for every string (property-tested).

>>> neutralise("=1+1"), neutralise("＋86"), neutralise("|cmd"), neutralise("正常")
("'=1+1", "'＋86", "'|cmd", '正常')
>>> restore(neutralise("'quoted")), restore(neutralise(""))
("'quoted", '')
"""

from __future__ import annotations

__all__ = ["FORMULA_TRIGGERS", "neutralise", "restore"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r", "\n", "|", "'")
"""Leading characters that get a ``'``: formula starts (ASCII and full-width), tab, carriage return and
line feed, ``|`` (DDE), and ``'`` -- the escape itself, so that :func:`restore` is exact."""

_TRIGGERS = frozenset(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: ``'`` prefixed when it could start a formula (or is empty).

    >>> neutralise("=SUM(A1)"), neutralise("-3"), neutralise("＠x"), neutralise("正常"), neutralise("")
    ("'=SUM(A1)", "'-3", "'＠x", '正常', "'")
    """
    if not text or text[0] in _TRIGGERS:
        return "'" + text
    return text


def restore(cell: str) -> str:
    """Undo :func:`neutralise` when reading a cell back: remove exactly one leading ``'``.

    >>> restore("'=SUM(A1)"), restore("''x"), restore("'"), restore("plain")
    ('=SUM(A1)', "'x", '', 'plain')
    """
    return cell[1:] if cell.startswith("'") else cell
