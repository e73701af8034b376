"""Deprecated: the PPE survey checks moved to :mod:`ohsreg.checks.ppe` (the checks layer).

Names imported from here still resolve, with a :class:`DeprecationWarning`; this alias will be removed
in a later minor release. (A package rather than a ``.py`` file, so that version control sees the module
as moved.)
"""

from ohsreg._deprecated import moved
from ohsreg.checks import ppe as _new

__getattr__ = moved(__name__, _new)
