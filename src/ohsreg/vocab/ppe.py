"""Vocabularies of personal protective equipment (个体防护用品, PPE): respirators and hearing protectors.

Respirator classes and pressure modes follow the classification of GB/T 18664-2002 (过滤式: 自吸过滤式,
送风过滤式; 隔绝式: 供气式, 携气式; 正压式 / 负压式), seen in a public page quoting the standard. Facepiece
terms (半面罩, 全面罩 of that classification; 开放型面罩, 送气头罩 as the standard's other facepieces) and the
hearing-protector kinds (耳塞, 耳罩: GB 39800.1-2020 表1 TL-01/TL-02 as a public transcription gives them)
are labels; English labels are ours.
"""

from __future__ import annotations

from ohsreg.vocab._base import LabeledEnum

__all__ = ["Facepiece", "HearingProtectorKind", "PressureMode", "RespiratorClass"]


class RespiratorClass(LabeledEnum):
    """Class of respiratory protective equipment (呼吸防护用品, GB/T 18664-2002 classification)."""

    SELF_PRIMING_FILTER = (
        "SELF_PRIMING_FILTER",
        "自吸过滤式",
        "non-powered air-purifying",
        ("自吸过滤式呼吸器", "防尘口罩", "防毒面具"),
    )
    POWERED_FILTER = (
        "POWERED_FILTER",
        "送风过滤式",
        "powered air-purifying",
        ("动力送风过滤式", "电动送风过滤式", "PAPR"),
    )
    SUPPLIED_AIR = ("SUPPLIED_AIR", "供气式", "supplied-air", ("长管呼吸器", "airline"))
    SELF_CONTAINED = (
        "SELF_CONTAINED",
        "携气式",
        "self-contained breathing apparatus",
        ("空气呼吸器", "SCBA"),
    )

    @property
    def isolating(self) -> bool:
        """Whether the class isolates the wearer from the ambient air (隔绝式: 供气式, 携气式)."""
        return self in (RespiratorClass.SUPPLIED_AIR, RespiratorClass.SELF_CONTAINED)


class Facepiece(LabeledEnum):
    """The facepiece (面罩) of a respirator."""

    HALF_MASK = ("HALF_MASK", "半面罩", "half mask", ("随弃式面罩", "可更换式半面罩"))
    FULL_FACEPIECE = ("FULL_FACEPIECE", "全面罩", "full facepiece")
    LOOSE_FITTING = ("LOOSE_FITTING", "开放型面罩", "loose-fitting facepiece")
    HOOD = ("HOOD", "送气头罩", "hood or helmet")


class PressureMode(LabeledEnum):
    """Positive or negative pressure inside the facepiece (正压式 / 负压式)."""

    POSITIVE = ("POSITIVE", "正压式", "positive pressure")
    NEGATIVE = ("NEGATIVE", "负压式", "negative pressure")


class HearingProtectorKind(LabeledEnum):
    """Kind of hearing protector (护听器)."""

    EARPLUG = ("EARPLUG", "耳塞", "earplug")
    EARMUFF = ("EARMUFF", "耳罩", "earmuff")
