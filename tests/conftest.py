"""Project-wide test settings.

Hypothesis runs without per-example deadlines (CI machines are shared and timing is not what these
tests check: speed is measured by ``benchmarks/``), and derandomized under CI so a red run can be
reproduced exactly.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ohsreg", deadline=None)
settings.register_profile("ohsreg-ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ohsreg-ci" if os.environ.get("CI") else "ohsreg")
