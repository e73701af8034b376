"""The supervision network: tree rules, navigation, the responsible authority for a region."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from ohsreg.errors import UnknownEntry
from ohsreg.models.authority import Authority
from ohsreg.models.network import NetworkNode, SupervisionNetwork, TechnicalSupportInstitution


def auth(level: str, region: str | None = None, name: str = "卫健委") -> Authority:
    return Authority(name=name, kind="HEALTH", level=level, region=region)


def inst(level: str, region: str | None = None) -> TechnicalSupportInstitution:
    return TechnicalSupportInstitution(name="疾控中心", kind="疾控中心", level=level, region=region)


def network() -> SupervisionNetwork:
    return SupervisionNetwork(
        nodes=[
            NetworkNode(id="nhc", body=auth("NATIONAL")),
            NetworkNode(
                id="nhc-oh",
                parent="nhc",
                body=TechnicalSupportInstitution(
                    name="国家卫生健康委职业安全卫生研究中心", kind="OH_CENTRE", level="NATIONAL"
                ),
            ),
            NetworkNode(id="zj", parent="nhc", body=auth("PROVINCIAL", "330000")),
            NetworkNode(id="zj-cdc", parent="zj", body=inst("PROVINCIAL", "330000")),
            NetworkNode(id="hz", parent="zj", body=auth("MUNICIPAL", "330100")),
            NetworkNode(id="hz-sc", parent="hz", body=auth("COUNTY", "330102")),
            NetworkNode(id="js", parent="nhc", body=auth("PROVINCIAL", "320000")),
        ]
    )


def test_navigation() -> None:
    net = network()
    assert [n.id for n in net.children("zj")] == ["zj-cdc", "hz"]
    assert [n.id for n in net.support_of("nhc")] == ["nhc-oh"]
    assert [n.id for n in net.chain("hz-sc")] == ["hz-sc", "hz", "zj", "nhc"]
    assert net.responsible_for("330102").id == "hz-sc"
    assert net.responsible_for("330106").id == "hz"
    assert net.responsible_for("320506").id == "js"
    assert net.responsible_for("110101").id == "nhc"


def test_unknown_node_and_region() -> None:
    with pytest.raises(UnknownEntry) as info:
        network().node("x")
    assert info.value.rule == "network.unknown"
    local = SupervisionNetwork(nodes=[NetworkNode(id="zj", body=auth("PROVINCIAL", "330000"))])
    with pytest.raises(UnknownEntry) as info:
        local.responsible_for("110101")
    assert info.value.rule == "network.no_authority"


@pytest.mark.parametrize(
    ("nodes", "rule"),
    [
        ([("a", None, auth("NATIONAL")), ("a", None, auth("NATIONAL"))], "network.duplicate_id"),
        ([("a", "zz", auth("PROVINCIAL", "330000"))], "network.parent_unknown"),
        (
            [("c", None, inst("PROVINCIAL", "330000")), ("a", "c", auth("MUNICIPAL", "330100"))],
            "network.parent_kind",
        ),
        (
            [("p", None, auth("MUNICIPAL", "330100")), ("a", "p", auth("PROVINCIAL", "330000"))],
            "network.level_order",
        ),
        (
            [("p", None, auth("PROVINCIAL", "330000")), ("a", "p", auth("PROVINCIAL", "330000"))],
            "network.level_order",
        ),
        (
            [("p", None, auth("PROVINCIAL", "330000")), ("a", "p", auth("MUNICIPAL", "320500"))],
            "network.region_outside",
        ),
    ],
)
def test_bad_networks(nodes: list[tuple[str, str | None, Any]], rule: str) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        SupervisionNetwork(nodes=[NetworkNode(id=i, parent=p, body=b) for i, p, b in nodes])
    assert info.value.errors()[0]["type"] == rule


def test_json_round_trip_keeps_body_types() -> None:
    net = network()
    again = SupervisionNetwork.model_validate_json(net.model_dump_json())
    assert again == net
    assert isinstance(again.node("zj-cdc").body, TechnicalSupportInstitution)
    assert isinstance(again.node("zj").body, Authority)


def test_responsible_authority_by_date_across_the_2018_transfer() -> None:
    import datetime as dt

    net = SupervisionNetwork(
        nodes=[
            NetworkNode(id="nhc", body=auth("NATIONAL")),
            NetworkNode(
                id="saws",
                body=Authority(name="国家安全生产监督管理总局", kind="WORK_SAFETY", level="NATIONAL"),
            ),
            NetworkNode(id="zj", parent="nhc", body=auth("PROVINCIAL", "330000")),
            NetworkNode(
                id="zj-aj",
                parent="saws",
                body=Authority(
                    name="浙江省安全生产监督管理局", kind="WORK_SAFETY", level="PROVINCIAL", region="330000"
                ),
            ),
        ]
    )
    assert net.responsible_for("330106", as_of=dt.date(2016, 1, 1)).id == "zj-aj"
    assert net.responsible_for("330106", as_of=dt.date(2020, 1, 1)).id == "zj"
    assert net.responsible_for("110101", as_of=dt.date(2016, 1, 1)).id == "saws"
