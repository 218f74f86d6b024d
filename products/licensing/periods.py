"""Settlement periods: a calendar month or quarter, in the label's time zone (Europe/Berlin)."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


def add_years(day, years):
    """The same calendar day `years` later; 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def month_start(day):
    return day.replace(day=1)


def next_month(day):
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def month_end(day):
    return next_month(day) - datetime.timedelta(days=1)


def quarter_of(day):
    return (day.month - 1) // 3 + 1


def today():
    return timezone.localdate()


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @property
    def kind(self):
        if self.start.day != 1 or self.end != month_end(self.end):
            return None
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        if months == 1:
            return "month"
        if months == 3 and self.start.month in (1, 4, 7, 10):
            return "quarter"
        return None

    @property
    def label(self):
        if self.kind == "quarter":
            return f"{self.start.year}-Q{quarter_of(self.start)}"
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        return f"{self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"

    def __str__(self):
        return self.label

    def months(self):
        """First days of the months the period touches."""
        day, months = month_start(self.start), []
        while day <= self.end:
            months.append(day)
            day = next_month(day)
        return months

    def overlaps(self, start, end):
        return start <= self.end and end >= self.start


def quarter(year, number):
    start = datetime.date(year, 3 * number - 2, 1)
    return Period(start, month_end(datetime.date(year, 3 * number, 1)))


def month(year, number):
    start = datetime.date(year, number, 1)
    return Period(start, month_end(start))


def current_quarter(day=None):
    day = day or today()
    return quarter(day.year, quarter_of(day))


def previous_quarter(day=None):
    first = current_quarter(day).start - datetime.timedelta(days=1)
    return current_quarter(first)


def parse(text):
    """"2026-10" (a month) or "2026-Q3" (a quarter) into a Period; ValidationError for anything else."""
    text = (text or "").strip()
    if match := _MONTH.match(text):
        year, number = int(match[1]), int(match[2])
        if 1 <= number <= 12:
            return month(year, number)
    if match := _QUARTER.match(text):
        return quarter(int(match[1]), int(match[2]))
    raise ValidationError(_("“%(text)s” is not a period: write a month as 2026-10 or a quarter as 2026-Q3.") % {
        "text": text})


def settleable(start, end, today_=None):
    """The period from `start` to `end` if it may be settled: a whole month or quarter that has ended."""
    if start > end:
        raise ValidationError(_("The period ends before it starts (%(start)s to %(end)s).") % {
            "start": start.isoformat(), "end": end.isoformat()})
    period = Period(start, end)
    if period.kind is None:
        raise ValidationError(_("Royalties are settled for a calendar month or quarter, not for %(period)s.") % {
            "period": period.label})
    if end >= (today_ or today()):
        raise ValidationError(_("%(period)s has not ended yet: its sales are still coming in.") % {
            "period": period.label})
    return period
