"""The 2012 hazard-declaration form as a workbook (re-exported by :mod:`ohsreg.export.xlsx`)."""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Any

from ohsreg.export._io import context, require
from ohsreg.export._xlsx_common import CREATED

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["FORM_TITLE", "declaration_form"]


FORM_TITLE = "职业病危害项目申报表(2012年版)"
"""Title of the form annexed to 《职业病危害项目申报办法》 (安监总局令第48号, 2012), annex 1."""

_FORM_CLASSES = (
    ("粉尘类", ("DUST",)),
    ("化学物质类", ("CHEMICAL",)),
    ("物理因素类", ("PHYSICAL",)),
    ("放射性物质类", ("RADIOLOGICAL",)),
    ("其他", ("BIOLOGICAL", "OTHER")),
)
_SIZES = (("LARGE", "大"), ("MEDIUM", "中"), ("SMALL", "小"), ("MICRO", "微"))


def _radio(selected: bool) -> str:
    return "●" if selected else "○"


def _hazard_info(key: str) -> tuple[str, str | None]:
    """Chinese name and category code of a hazard key, from the reference catalogue."""
    from ohsreg import catalogue

    found = catalogue.get(key)
    if found is None:
        return key, None
    return found.name_zh, found.category.code


def _industry(code: Any) -> str | None:
    """``C2110 木质家具制造``: the code with its GB/T 4754 name when the code is known."""
    if not isinstance(code, str):
        return None
    from ohsreg.identifiers import industry

    found = industry.get(code)
    return code if found is None else f"{code} {found.name_zh}"


def declaration_form(
    declaration: BaseModel,
    dest: str | os.PathLike[str] | IO[bytes],
    *,
    enterprise: BaseModel | None = None,
    unmask: bool = False,
) -> None:
    """Write one hazard declaration as a workbook laid out like the official 2012 declaration form.

    The layout follows 职业病危害项目申报表(2012年版), annex 1 of 《职业病危害项目申报办法》
    (安监总局令第48号; verified against a public copy of the order): the employer block (申报类别,
    变更原因, addresses, 企业规模, 行业分类, 注册类型, 法定代表人, 职业卫生管理机构 and staff, 劳动者总人数,
    职业病累计人数), the five classes of hazard factors (粉尘类, 化学物质类, 物理因素类, 放射性物质类,
    其他 -- biological factors of the 2015 catalogue are counted under 其他, the form predating that
    category) and the distribution table by workplace (作业场所名称, 职业病危害因素名称, 接触人数 可重复 /
    不重复, 合计).

    ``declaration`` is read through its canonical JSON (fields ``kind``, ``event``, ``enterprise_name``,
    ``filed_on``, ``items[].hazard/category/distribution/exposed_workers``) and ``enterprise`` likewise
    (``address``, ``size``, ``industry``, ``economic_type``, ``legal_representative``,
    ``oh_organisation``, ``oh_managers[].role``, ``workers_total``, ``workers_exposed``); cells the
    records cannot fill are left blank -- never guessed: per-class and de-duplicated exposure counts are
    filled only where one item makes them exact. Personal data is masked unless ``unmask=True``.
    """
    xlsxwriter = require("xlsxwriter", "excel")
    ctx = context(unmask)
    d: dict[str, Any] = declaration.model_dump(mode="json", context=ctx)
    e: dict[str, Any] = enterprise.model_dump(mode="json", context=ctx) if enterprise is not None else {}
    items: list[dict[str, Any]] = list(d.get("items") or [])

    wb = xlsxwriter.Workbook(dest, {"strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"created": CREATED})  # byte-identical output for identical input
    try:
        ws = wb.add_worksheet("申报表")
        title = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
        head = wb.add_format(
            {"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True}
        )
        cell = wb.add_format({"border": 1, "valign": "vcenter", "text_wrap": True})
        plain = wb.add_format({"valign": "vcenter"})
        ws.set_column(0, 0, 16)
        ws.set_column(1, 5, 18)

        def put(row: int, first: int, last: int, value: Any, fmt: Any = cell) -> None:
            text = "" if value is None else value
            if first == last:
                if isinstance(text, int | float) and not isinstance(text, bool):
                    ws.write_number(row, first, text, fmt)
                else:
                    ws.write_string(row, first, str(text), fmt)
            else:
                ws.merge_range(row, first, row, last, "", fmt)
                if isinstance(text, int | float) and not isinstance(text, bool):
                    ws.write_number(row, first, text, fmt)
                else:
                    ws.write_string(row, first, str(text), fmt)

        ws.merge_range(0, 0, 0, 5, FORM_TITLE, title)
        ws.set_row(0, 30)
        put(1, 0, 1, f"单位:(盖章) {d.get('enterprise_name') or ''}", plain)
        put(1, 2, 3, "主要负责人:(签字)", plain)
        put(1, 4, 5, f"日期: {d.get('filed_on') or ''}", plain)

        kind = d.get("kind")
        put(2, 0, 0, "申报类别", head)
        put(2, 1, 2, f"初次申报{_radio(kind == 'INITIAL')} 变更申报{_radio(kind == 'CHANGE')}")
        put(2, 3, 3, "变更原因", head)
        event: Any = getattr(declaration, "event", None)
        label = getattr(event, "label", None)
        reason = label("zh_CN") if callable(label) else d.get("event")
        put(2, 4, 5, reason if kind == "CHANGE" else None)
        put(3, 0, 0, "单位注册地址", head)
        put(3, 1, 2, e.get("address"))
        put(3, 3, 3, "工作场所地址", head)
        put(3, 4, 5, None)
        size = e.get("size")
        put(4, 0, 0, "企业规模", head)
        put(4, 1, 2, " ".join(f"{zh}{_radio(size == code)}" for code, zh in _SIZES))
        put(4, 3, 3, "行业分类", head)
        put(4, 4, 5, _industry(e.get("industry")))
        economic = e.get("economic_type")
        term: Any = getattr(enterprise, "economic_type", None)
        if callable(getattr(term, "label", None)):
            economic = term.label("zh_CN")
        elif isinstance(economic, dict):
            economic = economic.get("custom")
        put(5, 0, 0, "注册类型", head)
        put(5, 1, 1, economic)
        put(5, 2, 2, "法定代表人", head)
        put(5, 3, 3, e.get("legal_representative"))
        put(5, 4, 4, "联系电话", head)
        principal = e.get("principal")
        put(5, 5, 5, principal.get("phone") if isinstance(principal, dict) else None)
        managers = e.get("oh_managers") or []
        has_org = e.get("oh_organisation") if enterprise is not None else None
        put(6, 0, 0, "职业卫生管理机构", head)
        put(6, 1, 1, "" if enterprise is None else f"有{_radio(bool(has_org))} 无{_radio(not has_org)}")
        put(6, 2, 2, "职业卫生管理人员数", head)
        full = sum(1 for m in managers if m.get("role") == "FULL_TIME")
        part = sum(1 for m in managers if m.get("role") == "PART_TIME")
        put(6, 3, 3, f"专职 {full}" if enterprise is not None else "专职")
        put(6, 4, 5, f"兼职 {part}" if enterprise is not None else "兼职")
        put(7, 0, 0, "劳动者总人数", head)
        put(7, 1, 2, e.get("workers_total"))
        put(7, 3, 3, "职业病累计人数", head)
        put(7, 4, 5, None)

        resolved = []
        for item in items:
            name, category = _hazard_info(str(item.get("hazard")))
            resolved.append((item, name, item.get("category") or category))
        top = 8
        ws.merge_range(top, 0, top + len(_FORM_CLASSES) - 1, 0, "职业病危害因素种类", head)
        total = e.get("workers_exposed")
        ws.merge_range(top, 4, top + len(_FORM_CLASSES) - 1, 5, "", cell)
        ws.write_string(top, 4, f"接触职业病危害总人数: {'' if total is None else total}", cell)
        for i, (label, codes) in enumerate(_FORM_CLASSES):
            members = [it for it, _, cat in resolved if cat in codes]
            known = all(cat is not None for _, _, cat in resolved)
            present = bool(members) if known or members else None
            mark = f"{label} 有{_radio(present is True)} 无{_radio(present is False)}"
            put(top + i, 1, 1, mark)
            put(top + i, 2, 2, "接触人数", head)
            put(top + i, 3, 3, members[0].get("exposed_workers") if len(members) == 1 else None)

        row = top + len(_FORM_CLASSES)
        ws.merge_range(row, 0, row + max(len(items), 1) + 1, 0, "职业病危害因素分布情况", head)
        put(row, 1, 1, "作业场所名称", head)
        put(row, 2, 3, "职业病危害因素名称", head)
        put(row, 4, 4, "接触人数(可重复)", head)
        put(row, 5, 5, "接触人数(不重复)", head)
        row += 1
        by_place: dict[str, list[tuple[dict[str, Any], str]]] = {}
        for item, name, _ in resolved:
            by_place.setdefault(str(item.get("distribution") or ""), []).append((item, name))
        repeated = 0
        for place, members_of in by_place.items():
            for k, (item, name) in enumerate(members_of):
                count = item.get("exposed_workers")
                repeated += int(count or 0)
                put(row, 1, 1, place if k == 0 else "")
                put(row, 2, 3, name)
                put(row, 4, 4, count)
                put(row, 5, 5, count if len(members_of) == 1 else None)
                row += 1
        if not items:
            put(row, 1, 5, None)
            row += 1
        put(row, 1, 3, "合计", head)
        put(row, 4, 4, repeated)
        put(row, 5, 5, None)
    finally:
        wb.close()
