"""Notebook display: compact HTML tables for records, check findings and assessment results.

Everything is escaped; personal data is shown as it would be exported (masked). Verdicts and
severities are highlighted (exceeds / error in red, warning in amber, complies in green). ``show(x)``
displays a record, a list of findings, or one or more assessment results; records and results also
display themselves in a notebook (``_repr_html_``), through the same tables.

>>> from ohsreg.models import finding
>>> from ohsreg.vocab import Severity
>>> show([finding("demo.late", Severity.WARNING, "示例 第1条", "late")], locale="en")
[WARNING] demo.late: late (示例 第1条)
"""

# The tables live in ohsreg._display, below the records and the assessments that display themselves
# with them; this module is their public home.
from ohsreg._display import Shown, assessment_html, findings_html, record_html, show

__all__ = ["Shown", "assessment_html", "findings_html", "record_html", "show"]
