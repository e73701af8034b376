"""Plot helpers for notebooks and reports (extra ``plot``: ``pip install 'ohsreg[plot]'``, matplotlib).

Both helpers draw on a matplotlib ``Axes`` you pass, or on a new ``Figure`` (created without pyplot, so
no GUI backend is touched); they return the ``Axes``.

- :func:`exposure_profile`: concentration over the working day as steps, with the C_TWA and the limits
  (PC-TWA, PC-STEL, MAC) as horizontal lines; accepts a ``twa()`` result directly.
- :func:`noise_by_task`: the A-weighted level of each task as a bar whose width is its duration, with
  the day's L_EX,8h and the limit (85 dB(A) by default, the value :mod:`ohsreg.assess.noise` applies) as lines; accepts a
  ``noise_exposure()`` result directly.

Labels follow ``locale`` (default: the active ohsreg locale); Chinese labels need a CJK font in
matplotlib, so pass ``locale="en"`` where none is installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ohsreg.export._io import require

__all__ = ["exposure_profile", "noise_by_task"]


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    require("matplotlib", "plot")
    from matplotlib.figure import Figure

    return Figure(figsize=(7, 3.5)).add_subplot()


def _label(en: str, zh: str, locale: str | None) -> str:
    from ohsreg.i18n import normalize_locale

    return en if normalize_locale(locale) == "en" else zh


def exposure_profile(
    segments: Any,
    *,
    twa: float | None = None,
    pc_twa: float | None = None,
    pc_stel: float | None = None,
    mac: float | None = None,
    ax: Any = None,
    locale: str | None = None,
) -> Any:
    """Concentration (mg/m³) over the day from ``(concentration, hours)`` segments, with the limits.

    ``segments`` may be a :func:`ohsreg.assess.twa` result: its segments, its C_TWA and its PC-TWA are
    used unless given.
    """
    if hasattr(segments, "segments"):
        result = segments
        twa = result.value if twa is None else twa
        if pc_twa is None and result.limit is not None:
            pc_twa = result.limit.value
        segments = result.segments
    pairs = [(float(c), float(h)) for c, h in segments]
    ax = _axes(ax)
    xs, ys, t = [0.0], [], 0.0
    for c, h in pairs:
        t += h
        xs.append(t)
        ys.append(c)
    if ys:
        ax.stairs(ys, xs, fill=True, alpha=0.35, label=_label("concentration", "浓度", locale))
    lines = [
        (twa, "C_TWA", "tab:blue", "-"),
        (pc_twa, "PC-TWA", "tab:red", "--"),
        (pc_stel, "PC-STEL", "tab:orange", ":"),
        (mac, "MAC", "tab:purple", "-."),
    ]
    for value, name, colour, style in lines:
        if value is not None:
            ax.axhline(value, color=colour, linestyle=style, label=f"{name} {value:g}")
    ax.set_xlabel(_label("time (h)", "时间（h）", locale))
    ax.set_ylabel(_label("concentration (mg/m³)", "浓度（mg/m³）", locale))
    ax.set_xlim(0, max(t, 8.0))
    ax.legend(loc="upper right", fontsize="small")
    return ax


def noise_by_task(
    tasks: Any,
    *,
    limit: float = 85.0,
    ax: Any = None,
    locale: str | None = None,
) -> Any:
    """Each task's level (dB(A)) as a bar as wide as its duration, with L_EX,8h and the limit.

    ``tasks`` is a sequence of ``(name, level dB(A), hours)`` or a
    :func:`ohsreg.assess.noise_exposure` result (tasks are then numbered).
    """
    from ohsreg.units import lex_8h

    items: Sequence[tuple[str, float, float]]
    if hasattr(tasks, "levels"):
        items = [
            (str(i + 1), lv, h) for i, (lv, h) in enumerate(zip(tasks.levels, tasks.durations_h, strict=True))
        ]
    else:
        items = [(str(n), float(lv), float(h)) for n, lv, h in tasks]
    ax = _axes(ax)
    left = 0.0
    for name, level, hours in items:
        colour = "tab:red" if level > limit else "tab:green"
        ax.bar(left, level, width=hours, align="edge", color=colour, alpha=0.6, edgecolor="black")
        ax.text(left + hours / 2, level, name, ha="center", va="bottom", fontsize="small")
        left += hours
    if items:
        day = lex_8h([lv for _, lv, _ in items], [h for _, _, h in items])
        ax.axhline(day, color="tab:blue", label=f"L_EX,8h {day:.1f} dB(A)")
    ax.axhline(
        limit, color="tab:red", linestyle="--", label=f"{_label('limit', '限值', locale)} {limit:g} dB(A)"
    )
    low = min([lv for _, lv, _ in items] + [limit]) - 15
    ax.set_ylim(bottom=max(0.0, low))
    ax.set_xlabel(_label("time (h)", "时间（h）", locale))
    ax.set_ylabel("dB(A)")
    ax.legend(loc="upper right", fontsize="small")
    return ax
