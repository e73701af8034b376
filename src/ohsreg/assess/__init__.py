"""Exposure assessment: the rules of GBZ 2.1 / GBZ 2.2 / GBZ/T 229 / EN 689 as pure, explainable functions.

Every rule takes plain values (numbers in the standard's unit, or quantities/strings with units) and an
explicit limit (a number, an :class:`AppliedLimit`, or a catalogue limit object), and returns an
:class:`Assessment`: the value, the limit with its source and edition, a verdict, the clause applied,
whether that clause is verified, and :meth:`Assessment.explain` in zh or en.

``Assessment.value`` is always a plain ``float`` in ``Assessment.unit``, the unit the standard states
the limit in (mg/m³, dB(A), ℃, or ``"1"`` for ratios and grades), so ``value`` and ``limit.value``
compare directly; :meth:`Assessment.to_quantity` gives it as a typed
:class:`~ohsreg.units.Quantity` (or :class:`~ohsreg.units.SoundLevel` for dB) to convert further.

>>> import ohsreg.assess as oa
>>> r = oa.twa([(4.5, 3), (1.2, 5)], limit=6.0)
>>> r.verdict.name, r.clause
('COMPLIES', 'GBZ 2.1-2019, PC-TWA (8 h working day)')

Importing this package loads neither numpy nor the catalogue; the vectorized forms import numpy on
first call and the ``hazard=`` look-ups import the catalogue on first use.
"""

from __future__ import annotations

from ohsreg.assess._base import AppliedLimit, Assessment, AssessmentError, ChemicalLimitLike, Message
from ohsreg.assess.columnar import (
    SAMPLE_COLUMNS,
    SHIFT_COLUMNS,
    ShiftTable,
    samples_schema,
    shift_table,
    shifts_schema,
)
from ohsreg.assess.dust import dust_twa, silica_limit
from ohsreg.assess.exposure_level import ExposureClass, ExposureLevelAssessment, exposure_level
from ohsreg.assess.grading import Grade, GradingAssessment, chemical_grade, dust_grade, noise_grade
from ohsreg.assess.heat import (
    HeatAssessment,
    WorkIntensityIndex,
    exposure_time_ratio,
    heat,
    max_exposure_time_ratio,
    wbgt,
    wbgt_limit,
    wbgt_twa,
    work_intensity,
    work_intensity_index,
)
from ohsreg.assess.long_shift import LongShiftAssessment, daily_factor, reduction_factor, weekly_factor
from ohsreg.assess.mac import MacAssessment, mac
from ohsreg.assess.mixture import MixtureAssessment, mixture
from ohsreg.assess.noise import (
    NoiseAssessment,
    allowed_hours,
    impulse_noise,
    noise_exposure,
    noise_exposure_week,
)
from ohsreg.assess.peak import Excursion, PeakAssessment, excursion, peak
from ohsreg.assess.ppe import (
    HearingProtectionAssessment,
    RespiratorAssessment,
    RespiratorSelection,
    hazard_ratio,
    hearing_protection,
    respirator_protection,
    select_respirators,
)
from ohsreg.assess.sampling import (
    NonDetect,
    concentration,
    dust_concentration,
    sample_volume,
    standard_volume,
)
from ohsreg.assess.statistics import En689Assessment, en689, exceedance_fraction, geometric_stats
from ohsreg.assess.stel import StelAssessment, stel
from ohsreg.assess.twa import TwaAssessment, twa
from ohsreg.assess.vectorized import ArrayAssessment, lex_8h_array, stel_array, twa_array, wbgt_array

__all__ = [
    "SAMPLE_COLUMNS",
    "SHIFT_COLUMNS",
    "AppliedLimit",
    "ArrayAssessment",
    "Assessment",
    "AssessmentError",
    "ChemicalLimitLike",
    "En689Assessment",
    "Excursion",
    "ExposureClass",
    "ExposureLevelAssessment",
    "Grade",
    "GradingAssessment",
    "HearingProtectionAssessment",
    "HeatAssessment",
    "LongShiftAssessment",
    "MacAssessment",
    "Message",
    "MixtureAssessment",
    "NoiseAssessment",
    "NonDetect",
    "PeakAssessment",
    "RespiratorAssessment",
    "RespiratorSelection",
    "ShiftTable",
    "StelAssessment",
    "TwaAssessment",
    "WorkIntensityIndex",
    "allowed_hours",
    "chemical_grade",
    "concentration",
    "daily_factor",
    "dust_concentration",
    "dust_grade",
    "dust_twa",
    "en689",
    "exceedance_fraction",
    "excursion",
    "exposure_level",
    "exposure_time_ratio",
    "geometric_stats",
    "hazard_ratio",
    "hearing_protection",
    "heat",
    "impulse_noise",
    "lex_8h_array",
    "mac",
    "max_exposure_time_ratio",
    "mixture",
    "noise_exposure",
    "noise_exposure_week",
    "noise_grade",
    "peak",
    "reduction_factor",
    "respirator_protection",
    "sample_volume",
    "samples_schema",
    "select_respirators",
    "shift_table",
    "shifts_schema",
    "silica_limit",
    "standard_volume",
    "stel",
    "stel_array",
    "twa",
    "twa_array",
    "wbgt",
    "wbgt_array",
    "wbgt_limit",
    "wbgt_twa",
    "weekly_factor",
    "work_intensity",
    "work_intensity_index",
]
