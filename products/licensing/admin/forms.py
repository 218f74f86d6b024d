"""Forms of Finance's royalty tools in the Wagtail admin."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from .. import periods


def recent_periods(today=None, months=6, quarters=4):
    """The most recent months and quarters that have ended, newest first (quarters before months)."""
    today = today or periods.today()
    quarter = periods.previous_quarter(today)
    choices = []
    for _n in range(quarters):
        choices.append(quarter)
        quarter = periods.previous_quarter(quarter.start)
    month = periods.month_start(today) - datetime.timedelta(days=1)
    for _n in range(months):
        choices.append(periods.month(month.year, month.month))
        month = periods.month_start(month) - datetime.timedelta(days=1)
    return choices


class PeriodForm(forms.Form):
    """A month or quarter: chosen from the recent ones or typed as 2026-10 / 2026-Q3 (the text wins)."""

    choice = forms.ChoiceField(label=_("Period"), required=False)
    text = forms.CharField(
        label=_("or another period"), required=False, max_length=20,
        help_text=_("A month as 2026-10 or a quarter as 2026-Q3."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [("", "—")] + [(p.label, p.label) for p in recent_periods()]

    def clean(self):
        cleaned = super().clean()
        text = (cleaned.get("text") or "").strip() or cleaned.get("choice")
        if not text:
            raise ValidationError(_("Choose a period or type one."))
        cleaned["period"] = periods.parse(text)
        return cleaned


class MarkPaidForm(forms.Form):
    paid_on = forms.DateField(label=_("Payout date"), widget=AdminDateInput)
    reference = forms.CharField(
        label=_("Payout reference"), max_length=100, required=False,
        help_text=_("The bank transfer's reference."),
    )


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        this_year = periods.today().year
        years = sorted(set(years) | {this_year, this_year - 1}, reverse=True)
        self.fields["year"].choices = [(year, year) for year in years]
