"""The supervision network: authorities and technical-support institutions, level by level.

Supervision runs from the national to the county level (国家 / 省 / 市 / 县). At each level a health
authority (:class:`~ohsreg.models.authority.Authority`, the work-safety authority before the 2018
transfer) is backed by technical-support institutions (:class:`TechnicalSupportInstitution`: centres for
disease control, occupational-disease prevention institutes, the national occupational-health centre).
A :class:`SupervisionNetwork` holds both as :class:`NetworkNode` entries with parent links, and checks
that the links form a tree that descends level by level within the parent's region.

>>> net = SupervisionNetwork(nodes=[
...     NetworkNode(id="nhc", body=Authority(name="国家卫生健康委员会", kind="HEALTH", level="NATIONAL")),
...     NetworkNode(id="zj", parent="nhc",
...                 body=Authority(name="浙江省卫生健康委员会", kind="HEALTH", level="PROVINCIAL", region="330000")),
...     NetworkNode(id="zj-cdc", parent="zj", body=TechnicalSupportInstitution(
...         name="浙江省疾病预防控制中心", kind="CDC", level="PROVINCIAL", region="330000")),
...     NetworkNode(id="hz", parent="zj",
...                 body=Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")),
... ])
>>> [n.id for n in net.chain("hz")]
['hz', 'zj', 'nhc']
>>> [n.body.name for n in net.support_of("zj")]
['浙江省疾病预防控制中心']
>>> net.responsible_for("330102").id
'hz'
"""

from __future__ import annotations

import datetime as dt

from pydantic import field_validator

from ohsreg.errors import UnknownEntry
from ohsreg.identifiers import DivisionCode
from ohsreg.models.authority import Authority
from ohsreg.models.base import Record, Text, rule_error
from ohsreg.vocab import AdminLevel, LabeledEnum

__all__ = [
    "InstitutionKind",
    "NetworkNode",
    "SupervisionNetwork",
    "TechnicalSupportInstitution",
]

_DEPTH = {"NATIONAL": 0, "PROVINCIAL": 1, "MUNICIPAL": 2, "COUNTY": 3}


class InstitutionKind(LabeledEnum):
    """Kind of technical-support institution (labels: the institutions' usual names, *unverified*)."""

    CDC = ("CDC", "疾病预防控制中心", "centre for disease control and prevention", ("疾控中心",))
    OD_PREVENTION = (
        "OD_PREVENTION",
        "职业病防治院（所）",
        "occupational-disease prevention institute",
        ("职业病防治院", "职业病防治所", "职防院"),
    )
    OH_CENTRE = ("OH_CENTRE", "职业卫生中心", "occupational-health centre", ("职业安全卫生研究中心",))
    SUPERVISION_INSTITUTE = ("SUPERVISION_INSTITUTE", "卫生监督所", "health supervision institute")
    OTHER = ("OTHER", "其他技术支撑机构", "other technical-support institution")


class TechnicalSupportInstitution(Record):
    """A technical-support institution (技术支撑机构) at one administrative level."""

    name: Text
    kind: InstitutionKind
    level: AdminLevel
    region: DivisionCode | None = None
    """Administrative division served (None for national bodies)."""


class NetworkNode(Record):
    """One body in the network: an authority or a technical-support institution, with its parent."""

    id: Text
    parent: str | None = None
    """Id of the body above (the higher authority; for an institution, the authority it supports)."""
    body: Authority | TechnicalSupportInstitution


def _within(region: str | None, parent_region: str | None, parent_level: AdminLevel) -> bool:
    if parent_level is AdminLevel.NATIONAL or parent_region is None:
        return True
    if region is None:
        return False
    digits = {AdminLevel.PROVINCIAL: 2, AdminLevel.MUNICIPAL: 4}.get(parent_level, 6)
    return region[:digits] == parent_region[:digits]


class SupervisionNetwork(Record):
    """Authorities and technical-support institutions linked parent to child.

    Validation: ids are unique; every parent exists; there is no cycle; an authority's parent is an
    authority one level up (or more, where intermediate levels are not recorded); an institution's parent
    is an authority of the same level; a child's region lies within its parent's.
    """

    nodes: tuple[NetworkNode, ...] = ()

    @field_validator("nodes")
    @classmethod
    def _tree(cls, value: tuple[NetworkNode, ...]) -> tuple[NetworkNode, ...]:
        by_id: dict[str, NetworkNode] = {}
        for node in value:
            if node.id in by_id:
                raise rule_error(
                    "node id {id!r} appears twice", rule="network.duplicate_id", field="nodes", id=node.id
                )
            by_id[node.id] = node
        for node in value:
            if node.parent is None:
                continue
            parent = by_id.get(node.parent)
            if parent is None:
                raise rule_error(
                    "parent {parent!r} of {id!r} is not in the network",
                    rule="network.parent_unknown",
                    field="nodes",
                    id=node.id,
                    parent=node.parent,
                )
            if not isinstance(parent.body, Authority):
                raise rule_error(
                    "parent {parent!r} of {id!r} is not an authority",
                    rule="network.parent_kind",
                    field="nodes",
                    id=node.id,
                    parent=node.parent,
                )
            child_depth, parent_depth = _DEPTH[node.body.level.code], _DEPTH[parent.body.level.code]
            same_level_ok = isinstance(node.body, TechnicalSupportInstitution)
            if child_depth < parent_depth or (child_depth == parent_depth and not same_level_ok):
                raise rule_error(
                    "{id!r} ({level}) cannot sit under {parent!r} ({parent_level})",
                    rule="network.level_order",
                    field="nodes",
                    id=node.id,
                    level=node.body.level.code,
                    parent=node.parent,
                    parent_level=parent.body.level.code,
                )
            if not _within(node.body.region, parent.body.region, parent.body.level):
                raise rule_error(
                    "region {region} of {id!r} is outside region {parent_region} of {parent!r}",
                    rule="network.region_outside",
                    field="nodes",
                    id=node.id,
                    region=str(node.body.region),
                    parent=node.parent,
                    parent_region=str(parent.body.region),
                )
        return value

    def node(self, node_id: str) -> NetworkNode:
        """The node with ``node_id``; :class:`~ohsreg.errors.UnknownEntry` (``network.unknown``) otherwise."""
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise UnknownEntry(
            "no node {id!r} in the network", rule="network.unknown", field="node_id", id=node_id
        )

    def children(self, node_id: str) -> list[NetworkNode]:
        """The bodies directly under ``node_id`` (authorities and the institutions supporting it)."""
        self.node(node_id)
        return [n for n in self.nodes if n.parent == node_id]

    def support_of(self, node_id: str) -> list[NetworkNode]:
        """The technical-support institutions attached to the authority ``node_id``."""
        return [n for n in self.children(node_id) if isinstance(n.body, TechnicalSupportInstitution)]

    def chain(self, node_id: str) -> list[NetworkNode]:
        """``node_id`` and its ancestors up to the top, nearest first."""
        out = [self.node(node_id)]
        while out[-1].parent is not None:
            out.append(self.node(out[-1].parent))
        return out

    def responsible_for(self, region: str, *, as_of: dt.date | None = None) -> NetworkNode:
        """The most local authority whose region contains ``region`` (a GB/T 2260 code).

        With ``as_of``, only authorities of the kind that supervised on that date count (work-safety
        authorities before the 2018 transfer, health authorities after; both during the transfer):
        :meth:`~ohsreg.models.authority.Authority.valid_on`. :class:`~ohsreg.errors.UnknownEntry`
        (``network.no_authority``) when none does.
        """
        best: NetworkNode | None = None
        for n in self.nodes:
            body = n.body
            if not isinstance(body, Authority) or (as_of is not None and not body.valid_on(as_of)):
                continue
            covers = body.level is AdminLevel.NATIONAL or _within(region, body.region, body.level)
            if covers and (best is None or _DEPTH[body.level.code] > _DEPTH[best.body.level.code]):
                best = n
        if best is None:
            raise UnknownEntry(
                "no authority in the network covers region {region}",
                rule="network.no_authority",
                field="region",
                region=region,
            )
        return best
