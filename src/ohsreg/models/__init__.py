"""The public documents users build and exchange: enterprises, declarations, projects, agencies…

Every model is a frozen pydantic :class:`~ohsreg.models.base.Record`; rule checks return
:class:`~ohsreg.models.base.Finding` lists. Import the names from ``ohsreg`` or from the submodules.
"""

from ohsreg.models.authority import Authority, AuthorityKind, supervising_authority_kind
from ohsreg.models.base import Finding, HazardRef, PersonalResidentID, PersonName, Phone, Record, finding

__all__ = [
    "Authority",
    "AuthorityKind",
    "Finding",
    "HazardRef",
    "PersonName",
    "PersonalResidentID",
    "Phone",
    "Record",
    "finding",
    "supervising_authority_kind",
]
