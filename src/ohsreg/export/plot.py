"""Plot helpers for notebooks and reports (extra ``plot``: ``pip install 'ohsreg[plot]'``, matplotlib).

Both helpers draw on a matplotlib ``Axes`` you pass, or on a new ``Figure`` (created without pyplot, so
no GUI backend is touched); they return the ``Axes``.

- :func:`exposure_profile`: concentration over the working day as steps, with the C_TWA and the limits
  (PC-TWA, PC-STEL, MAC) as horizontal lines; accepts a ``twa()`` result directly.
- :func:`noise_by_task`: the A-weighted level of each task as a bar whose width is its duration, with
  the day's L_EX,8h and the limit (85 dB(A) by default, the value :mod:`ohsreg.assess.noise` applies) as lines; accepts a
  ``noise_exposure()`` result directly.

Labels follow ``locale`` (default: the active ohsreg locale). **Chinese labels need a CJK font**;
matplotlib's own fonts have none (the labels would render as boxes). For a Chinese chart the helpers
use ``font=`` (a font family name or the path of a font file) or else the first installed font of
:data:`CJK_FONTS` (Noto Sans CJK SC, Source Han Sans SC, WenQuanYi, SimHei, Microsoft YaHei, PingFang
SC…), set on the chart's own texts only (never in matplotlib's global ``rcParams``). When none is
installed they warn and draw English labels instead: install one (Debian/Ubuntu ``apt install
fonts-noto-cjk``; Windows and macOS ship Microsoft YaHei / PingFang SC) or pass ``font=``. No font is
bundled (a CJK font adds 10-20 MB to the wheel).

Legend values are rounded for reading (3 significant digits for concentrations, 0.1 dB(A) for levels).
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ohsreg.export._io import require

__all__ = ["CJK_FONTS", "cjk_font", "exposure_profile", "noise_by_task"]

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Hiragino Sans GB",
    "Sarasa Gothic SC",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)
"""Font families with simplified-Chinese glyphs, in the order :func:`cjk_font` tries them."""


@functools.cache
def cjk_font() -> str | None:
    """The first installed font family of :data:`CJK_FONTS` known to matplotlib, or ``None``."""
    require("matplotlib", "plot")
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


class _Style:
    """The language and font of one chart: Chinese only with a CJK font, else English (with a warning)."""

    def __init__(self, locale: str | None, font: str | os.PathLike[str] | None) -> None:
        from ohsreg.i18n import normalize_locale

        self.en = normalize_locale(locale) == "en"
        self.font: Any = None
        if self.en:
            return
        require("matplotlib", "plot")
        from matplotlib.font_manager import FontProperties

        if font is not None:
            path = os.fspath(font)
            self.font = FontProperties(fname=path) if Path(path).is_file() else FontProperties(family=path)
            return
        family = cjk_font()
        if family is None:
            warnings.warn(
                "no CJK font is installed for matplotlib: the chart is labelled in English "
                "(install one, e.g. apt install fonts-noto-cjk, or pass font=)",
                UserWarning,
                stacklevel=3,
            )
            self.en = True
        else:
            self.font = FontProperties(family=family)

    def text(self, en: str, zh: str) -> str:
        return en if self.en else zh

    def kw(self) -> dict[str, Any]:
        """Keyword arguments that put the chart's font on one text (none for English)."""
        return {} if self.font is None else {"fontproperties": self.font}

    def legend(self, ax: Any, loc: str = "upper right") -> None:
        if self.font is None:
            ax.legend(loc=loc, fontsize="small")
            return
        prop = self.font.copy()
        prop.set_size("small")
        ax.legend(loc=loc, prop=prop)


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    require("matplotlib", "plot")
    from matplotlib.figure import Figure

    return Figure(figsize=(7, 3.5)).add_subplot()


def _round(value: float) -> str:
    """A legend value for reading: 3 significant digits (``2.4375`` -> ``2.44``, ``6.0`` -> ``6``)."""
    return f"{value:.3g}"


def exposure_profile(
    segments: Any,
    *,
    twa: float | None = None,
    pc_twa: float | None = None,
    pc_stel: float | None = None,
    mac: float | None = None,
    ax: Any = None,
    locale: str | None = None,
    font: str | os.PathLike[str] | None = None,
) -> Any:
    """Concentration (mg/m³) over the day from ``(concentration, hours)`` segments, with the limits.

    ``segments`` may be a :func:`ohsreg.assess.twa` result: its segments, its C_TWA and its PC-TWA are
    used unless given. ``font``: a CJK font family or file for Chinese labels (see the module).
    """
    if hasattr(segments, "segments"):
        result = segments
        twa = result.value if twa is None else twa
        if pc_twa is None and result.limit is not None:
            pc_twa = result.limit.value
        segments = result.segments
    pairs = [(float(c), float(h)) for c, h in segments]
    style = _Style(locale, font)
    ax = _axes(ax)
    xs, ys, t = [0.0], [], 0.0
    for c, h in pairs:
        t += h
        xs.append(t)
        ys.append(c)
    if ys:
        ax.stairs(ys, xs, fill=True, alpha=0.35, label=style.text("concentration", "浓度"))
    lines = [
        (twa, "C_TWA", "tab:blue", "-"),
        (pc_twa, "PC-TWA", "tab:red", "--"),
        (pc_stel, "PC-STEL", "tab:orange", ":"),
        (mac, "MAC", "tab:purple", "-."),
    ]
    for value, name, colour, dash in lines:
        if value is not None:
            ax.axhline(value, color=colour, linestyle=dash, label=f"{name} {_round(value)} mg/m³")
    ax.set_xlabel(style.text("time (h)", "时间（h）"), **style.kw())
    ax.set_ylabel(style.text("concentration (mg/m³)", "浓度（mg/m³）"), **style.kw())
    ax.set_xlim(0, max(t, 8.0))
    style.legend(ax)
    return ax


def noise_by_task(
    tasks: Any,
    *,
    limit: float = 85.0,
    ax: Any = None,
    locale: str | None = None,
    font: str | os.PathLike[str] | None = None,
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
    style = _Style(locale, font)
    ax = _axes(ax)
    left = 0.0
    for name, level, hours in items:
        colour = "tab:red" if level > limit else "tab:green"
        ax.bar(left, level, width=hours, align="edge", color=colour, alpha=0.6, edgecolor="black")
        ax.text(left + hours / 2, level, name, ha="center", va="bottom", fontsize="small", **style.kw())
        left += hours
    if items:
        day = lex_8h([lv for _, lv, _ in items], [h for _, _, h in items])
        ax.axhline(day, color="tab:blue", label=f"L_EX,8h {day:.1f} dB(A)")
    ax.axhline(
        limit, color="tab:red", linestyle="--", label=f"{style.text('limit', '限值')} {limit:.1f} dB(A)"
    )
    low = min([lv for _, lv, _ in items] + [limit]) - 15
    ax.set_ylim(bottom=max(0.0, low))
    ax.set_xlabel(style.text("time (h)", "时间（h）"), **style.kw())
    ax.set_ylabel("dB(A)")
    style.legend(ax)
    return ax
