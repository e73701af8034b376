"""Example: a PPE-use survey of a paint shop, judged before and after benzene's amendment (GBZ 2.1-2019 No. 1).

All identifiers are synthetic. Run as a script: the survey's findings in 2021 and in 2024, the findings
that flip between the two dates, the respirators that suit the exposure, and what the amendment changed.
"""

from __future__ import annotations

import datetime as dt

import ohsreg
from ohsreg.models import HearingProtectorIssue, PPEObservation, PPEUseSurvey, RespiratorIssue

BEFORE, AFTER = dt.date(2021, 6, 1), dt.date(2024, 6, 1)


def build_survey() -> PPEUseSurvey:
    """Three posts of a paint shop: spraying (benzene), mixing (benzene, nothing issued), grinding (noise)."""
    half_mask = RespiratorIssue(
        respirator_class="自吸过滤式", facepiece="半面罩", product_standard="GB 2890-2009", workers=6
    )
    plugs = HearingProtectorIssue(kind="耳塞", snr=12, workers=4)
    return PPEUseSurvey(
        uscc="91330523MA2B7QK00K",
        enterprise_name="安吉示例家具有限公司",
        surveyed_on=BEFORE,
        surveyor="安吉县卫生健康局",
        observations=[
            PPEObservation(
                post_code="SPRAY",
                post_name="喷漆",
                hazard="苯",
                workers_exposed=6,
                concentration=36.0,
                respirators=[half_mask],
                workers_wearing=5,
            ),
            PPEObservation(
                post_code="MIX", post_name="调漆", hazard="苯", workers_exposed=2, concentration=4.5
            ),
            PPEObservation(
                post_code="GRIND",
                post_name="打磨",
                hazard="噪声",
                workers_exposed=4,
                l_a=94,
                l_c=99,
                hearing_protectors=[plugs],
            ),
        ],
    )


def main() -> None:
    survey = build_survey()
    for day in (BEFORE, AFTER):
        print(f"== findings on {day}")
        for f in survey.check(day):
            print(f"  {f.rule}: {f.message('en')}")
    print("== flips", BEFORE, "->", AFTER)
    for flip in ohsreg.flips([survey], BEFORE, AFTER):
        print(" ", flip.explain("en"))
    print("==", ohsreg.select_respirators((36.0, 3.0)).explain("en"))
    d = ohsreg.diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG1")
    print("==", d.explain("en"))
    for cell in d.cells():
        print(f"  {cell['key']} {cell['field']}: {cell['before']} -> {cell['after']}")


if __name__ == "__main__":
    main()
