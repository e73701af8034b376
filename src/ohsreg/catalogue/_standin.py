"""Private stand-ins for ``ohsreg.units.Quantity`` and the ``ohsreg.vocab`` enums (#3).

Used only until those modules land; they have the same field names and members so that the swap is an
import change. Not public API.
"""

from __future__ import annotations

from enum import Enum

import attrs


@attrs.frozen(slots=True, repr=False)
class Quantity:
    """A magnitude in the unit the standard prints (stand-in)."""

    magnitude: float
    unit: str

    def __str__(self) -> str:
        return f"{self.magnitude:g} {self.unit}"

    def __repr__(self) -> str:
        return f"Quantity({self.magnitude!r}, {self.unit!r})"


class _Labeled(str, Enum):  # noqa: UP042  (same shape as ohsreg.vocab.LabeledEnum)
    _zh: str
    _en: str

    def __new__(cls, code: str, zh: str, en: str) -> _Labeled:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj._zh = zh
        obj._en = en
        return obj

    @property
    def code(self) -> str:
        return str(self._value_)

    @property
    def zh(self) -> str:
        return self._zh

    @property
    def en(self) -> str:
        return self._en

    def label(self, locale: str | None = None) -> str:
        return self._en if (locale or "zh_CN").startswith("en") else self._zh

    def __str__(self) -> str:
        return self.code


class HazardCategory(_Labeled):
    DUST = ("DUST", "粉尘", "dust")
    CHEMICAL = ("CHEMICAL", "化学因素", "chemical factors")
    PHYSICAL = ("PHYSICAL", "物理因素", "physical factors")
    RADIOLOGICAL = ("RADIOLOGICAL", "放射性因素", "radiological factors")
    BIOLOGICAL = ("BIOLOGICAL", "生物因素", "biological factors")
    OTHER = ("OTHER", "其他因素", "other factors")


class LimitType(_Labeled):
    MAC = ("MAC", "最高容许浓度", "maximum allowable concentration")
    PC_TWA = ("PC_TWA", "时间加权平均容许浓度", "permissible concentration, time-weighted average")
    PC_STEL = ("PC_STEL", "短时间接触容许浓度", "permissible concentration, short-term exposure limit")
    PE = ("PE", "峰接触浓度", "peak exposure")
    BIOLOGICAL = ("BIOLOGICAL", "职业接触生物限值", "biological exposure limit")


class CarcinogenClass(_Labeled):
    G1 = ("G1", "确认人类致癌物", "carcinogenic to humans")
    G2A = ("G2A", "可能人类致癌物", "probably carcinogenic to humans")
    G2B = ("G2B", "可疑人类致癌物", "possibly carcinogenic to humans")


class RiskClass(_Labeled):
    GENERAL = ("GENERAL", "一般", "general")
    RELATIVELY_SERIOUS = ("RELATIVELY_SERIOUS", "较重", "relatively serious")
    SERIOUS = ("SERIOUS", "严重", "serious")
