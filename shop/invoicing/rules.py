"""What an invoice needs to know about the buyer (§ 14 (4) Nr. 1 UStG, § 33 UStDV)."""

from decimal import Decimal

# § 33 UStDV: an invoice whose total does not exceed 250 € gross (a Kleinbetragsrechnung) needs neither the
# buyer's name nor address; above it, § 14 (4) Nr. 1 UStG wants both.
SMALL_INVOICE_LIMIT = Decimal("250.00")


def needs_buyer_address(total_gross):
    """Whether the invoice over `total_gross` must name the buyer's postal address."""
    return total_gross is not None and Decimal(total_gross) > SMALL_INVOICE_LIMIT
