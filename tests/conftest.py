"""Project-wide test settings.

Hypothesis runs without per-example deadlines (CI machines are shared and timing is not what these
tests check: speed is measured by ``benchmarks/``), and derandomized under CI so a red run can be
reproduced exactly.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from ohsreg.errors import OhsregError
from ohsreg.models import Enterprise

settings.register_profile("ohsreg", deadline=None)
settings.register_profile("ohsreg-ci", deadline=None, derandomize=True, print_blob=True)
# ``scripts/dev.py fuzz``: many examples, no shrinking or example database (one long run, reported once)
settings.register_profile(
    "ohsreg-fuzz",
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
_PROFILE = (
    "ohsreg-fuzz" if os.environ.get("OHSREG_FUZZ") else "ohsreg-ci" if os.environ.get("CI") else "ohsreg"
)
settings.load_profile(_PROFILE)


@pytest.fixture(scope="session")
def wood_furniture() -> Enterprise:
    """The wood-furniture workshop of ``examples/enterprise_checks.py`` (loaded by path: it is a script)."""
    path = Path(__file__).resolve().parent.parent / "examples" / "enterprise_checks.py"
    spec = importlib.util.spec_from_file_location("ohsreg_example_enterprises", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_wood_furniture_workshop()  # type: ignore[no-any-return]


RunCli = Callable[[list[str]], tuple[int, str, str]]


def _run_cli(argv: list[str]) -> tuple[int, str, str]:
    from ohsreg import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def run_cli() -> RunCli:
    """Run the command line in-process: ``(exit code, stdout, stderr)``."""
    return _run_cli


Refused = Callable[..., OhsregError]


def _refused(call: Callable[..., object], *args: object, **kwargs: object) -> OhsregError:
    with pytest.raises(OhsregError) as info:
        call(*args, **kwargs)
    return info.value


@pytest.fixture
def refused() -> Refused:
    """``refused(call, *args, **kwargs)``: the :class:`OhsregError` the call raises (the test fails if none)."""
    return _refused
