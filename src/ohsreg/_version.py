"""The single source of the package version (read by hatchling and by ``ohsreg.__version__``)."""

__version__ = "0.1.0"
"""The installed version of ohsreg (PEP 440)."""
