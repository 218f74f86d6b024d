"""Test data for the designer portal: designers with logins, outlet sales, statements in either lifecycle state."""

import datetime
import itertools
from decimal import Decimal

from django.contrib.auth import get_user_model

from accounts.roles import DESIGNERS, assign_role
from products.licensing.models import Statement, StatementLine
from products.licensing.periods import previous_quarter
from tests.factories import DesignerFactory

PASSWORD = "portal-test-pass-123"
_numbers = itertools.count(900001)


def designer_with_login(email, **designer_fields):
    user = get_user_model().objects.create_user(email=email, password=PASSWORD)
    assign_role(user, DESIGNERS)
    return DesignerFactory(user=user, **designer_fields)


def quarters_back(count):
    """The last `count` ended quarters, newest first."""
    periods, day = [], None
    for _ in range(count):
        period = previous_quarter(day)
        periods.append(period)
        day = period.start
    return periods


def statement(designer, period, status, lines=(), payout="10.00", pdf=b"%PDF-1.4 test"):
    """A statement row built directly (no run): for access sweeps and query budgets."""
    issued = status != Statement.Status.DRAFT
    number = f"GS-{next(_numbers):06d}" if issued else None
    result = Statement.objects.create(
        designer=designer, period_start=period.start, period_end=period.end, status=status, number=number,
        issued_at=datetime.datetime.combine(period.end + datetime.timedelta(days=3), datetime.time(9),
                                            tzinfo=datetime.UTC) if issued else None,
        paid_on=period.end + datetime.timedelta(days=10) if status == Statement.Status.PAID else None,
        vat_status="copyright", vat_rate=Decimal("7.00"), payout_amount=Decimal(payout),
        pdf=pdf if issued else None, designer_name=designer.legal_name,
    )
    StatementLine.objects.bulk_create(
        StatementLine(statement=result, position=position, **line) for position, line in enumerate(lines, 1)
    )
    return result


def royalty_line(month, channel="online", channel_name="Online-Shop", amount="1.00", title="Becher", units=1):
    return {
        "kind": StatementLine.Kind.ROYALTY, "product_title": title, "product_upc": f"UPC-{title}",
        "channel": channel, "channel_name": channel_name, "sales_month": month, "units": units,
        "net_revenue": Decimal(amount) * 10, "royalty_percentage": Decimal("10.00"), "amount": Decimal(amount),
        "contract_number": "L-TEST",
    }
