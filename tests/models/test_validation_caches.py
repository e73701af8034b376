"""The record-validation fast paths (cached clock day, cached hazard keys) keep the documented answers."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import BaseModel, ValidationError

from ohsreg.models import base
from ohsreg.models.base import EventDate, HazardRef


class _Event(BaseModel):
    on: EventDate


class _Ref(BaseModel):
    hazard: HazardRef


def test_today_is_read_again_after_midnight(monkeypatch: pytest.MonkeyPatch) -> None:
    today = base._Today()
    first = today()
    assert first == dt.date.today()
    monkeypatch.setattr(base.time, "time", lambda: today.until + 1.0)  # the next day has begun
    monkeypatch.setattr(base.dt, "date", _FakeDate)
    assert today() == _FakeDate.today()


class _FakeDate(dt.date):
    @classmethod
    def today(cls) -> _FakeDate:
        return cls(2099, 1, 1)


def test_future_dates_still_refused_without_as_of() -> None:
    with pytest.raises(ValidationError, match=r"record\.future_date"):
        _Event(on=dt.date.today() + dt.timedelta(days=1))
    assert _Event(on=dt.date.today()).on == dt.date.today()
    assert _Event.model_validate({"on": "2030-01-01"}, context={"as_of": dt.date(2030, 1, 1)}).on.year == 2030


def test_hazard_keys_cached_and_errors_raised_each_time() -> None:
    assert _Ref(hazard="苯").hazard == _Ref(hazard="benzene").hazard == "C028"
    assert base._RESOLVED["苯"] == "C028"
    for _ in range(2):
        with pytest.raises(ValidationError, match=r"catalogue\.unknown"):
            _Ref(hazard="苯乙稀x")
    assert "苯乙稀x" not in base._RESOLVED
