"""The generated legal texts: shipping and payment, the Widerrufsbelehrung (Anlage 1 EGBGB), the
Muster-Widerrufsformular (Anlage 2 EGBGB), the Art. 246c EGBGB information, and their PDFs.

Why generated: these texts state facts the code decides (prices, delivery countries, payment methods, the seller's
address). Read from the modules that decide them, they can never disagree with the checkout, and a change of the
settings changes every page, e-mail and PDF at once.

The statutory texts are German law's model texts and are shown in German; their sentences are still marked for
translation (German source strings) so that an English page can carry a courtesy translation.
"""

import unicodedata
from dataclasses import dataclass, field
from types import SimpleNamespace

from babel import Locale as BabelLocale
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from core.pdf import render_pdf

WITHDRAWAL_PERIOD_DAYS = 14
# Model texts as amended by the law that brought the withdrawal button (§ 356a BGB, in force since 2026-06-19).
MODEL_TEXT_VERSION = "Anlage 1 und 2 zu Art. 246a EGBGB, Fassung ab 19.06.2026"
WITHDRAWAL_FORM_FILENAME = "Muster-Widerrufsformular.pdf"
TERMS_FILENAME = "AGB.pdf"


def postal_address(address, with_country=True):
    """An Oscar address written the German way: street, "postcode city", country."""
    if address is None:
        return ""
    country = getattr(address.country, "printable_name", "") if with_country and address.country_id else ""
    parts = [address.line1, address.line2, address.line3, f"{address.postcode} {address.line4}".strip(), country]
    return ", ".join(part for part in parts if part)


# --- Shipping and payment ---------------------------------------------------------------------------------------

def country_names(codes, language=None):
    """Country names in the visitor's language (CLDR data from babel), in that language's order."""
    language = (language or translation.get_language() or "de").split("-")[0]
    territories = BabelLocale.parse(language).territories
    return sorted((territories.get(code, code) for code in codes), key=_collation_key)


def _collation_key(name):
    # Dictionary order for the page: "Österreich" among the O's, not after "Zypern".
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


@dataclass
class DeliveryOption:
    name: str
    price: object
    free_from: object
    countries: list


@dataclass
class PickUpPoint:
    name: str
    address: str
    opening_hours: str


@dataclass
class PaymentOption:
    name: str
    description: str
    pickup_only: bool


@dataclass
class ShippingAndPayment:
    delivery: list = field(default_factory=list)
    pickup_points: list = field(default_factory=list)
    payment: list = field(default_factory=list)

    @property
    def all_countries(self):
        return [name for option in self.delivery for name in option.countries]


def shipping_and_payment():
    """What the shop delivers where, for how much, and how one pays: read from the checkout's own methods."""
    from shop.checkout.payment_methods import all_methods
    from shop.shipping.repository import delivery_countries, delivery_methods, pickup_methods

    countries = delivery_countries()
    delivery = [
        DeliveryOption(
            name=str(method.name), price=method.standard_gross, free_from=method.free_from,
            countries=country_names(countries.get(method.code, [])),
        )
        for method in delivery_methods()
    ]
    pickups = pickup_methods()
    prefetch_related_objects([method.partner for method in pickups], "addresses__country")
    pickup_points = []
    for method in pickups:
        address = method.partner.primary_address
        pickup_points.append(
            PickUpPoint(
                name=method.partner.name,
                address=postal_address(address, with_country=False),
                opening_hours=method.partner.opening_hours,
            )
        )
    parcel = delivery_methods("DE")[0] if delivery_methods("DE") else None
    pickup = pickups[0] if pickups else SimpleNamespace(is_pickup=True)
    payment = []
    for method in all_methods():
        for_parcel = parcel is not None and method.is_available(parcel)
        for_pickup = bool(pickups) and method.is_available(pickup)
        if for_parcel or for_pickup:
            payment.append(PaymentOption(str(method.name), str(method.description), for_pickup and not for_parcel))
    return ShippingAndPayment(delivery, pickup_points, payment)


# --- The seller, as the withdrawal texts name them ----------------------------------------------------------------

def seller_settings(site=None):
    from home.models import SiteSettings

    if site is not None:
        return SiteSettings.for_site(site)
    return SiteSettings.objects.select_related("site").order_by("pk").first()


def seller_lines(seller):
    """Name, postal address, phone and e-mail of the seller, as Anlage 1 note 2 asks for them."""
    if seller is None:
        return []
    lines = [seller.organisation_name, seller.street, f"{seller.postcode} {seller.city}".strip(), seller.country]
    if seller.phone:
        lines.append(_("Telefon: %(phone)s") % {"phone": seller.phone})
    if seller.email:
        lines.append(_("E-Mail: %(email)s") % {"email": seller.email})
    return [line for line in lines if line]


def return_address(seller):
    """Where goods go back: the social workshop (it makes and ships them), else the seller's own address."""
    Partner = get_model("partner", "Partner")
    workshop = Partner.objects.filter(kind=Partner.Kind.WORKSHOP, is_active=True).order_by("pk").first()
    address = workshop.primary_address if workshop else None
    if address is not None:
        name = seller.organisation_name if seller else ""
        return ", ".join([f"{name} – {workshop.name}" if name else workshop.name, postal_address(address)])
    if seller is None:
        return ""
    return ", ".join(
        part for part in (seller.organisation_name, seller.street, f"{seller.postcode} {seller.city}".strip()) if part
    )


# --- Widerrufsbelehrung (Anlage 1 EGBGB) ---------------------------------------------------------------------------

@dataclass
class Section:
    heading: str
    paragraphs: list


def withdrawal_policy(seller):
    """The Widerrufsbelehrung for the sale of goods, the model's notes filled in for this shop:
    note 1 (goods: possession; variant (a), since an order leaves in one parcel or is handed over at once),
    2 (name, address, phone, e-mail), 3 (the electronic withdrawal function),
    4 (retention of the refund), 5 (return address, deadline, direct costs of return borne by the consumer,
    compensation for loss of value). Note 6 (services) does not apply."""
    seller_text = ", ".join(seller_lines(seller))
    return [
        Section(_("Widerrufsrecht"), [
            _("Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen."),
            _("Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie oder ein von Ihnen benannter Dritter, "
              "der nicht der Beförderer ist, die Waren in Besitz genommen haben bzw. hat."),
            _("Um Ihr Widerrufsrecht auszuüben, müssen Sie uns (%(seller)s) mittels einer eindeutigen Erklärung "
              "(z. B. ein mit der Post versandter Brief oder eine E-Mail) über Ihren Entschluss, diesen Vertrag zu "
              "widerrufen, informieren. Sie können dafür das beigefügte Muster-Widerrufsformular verwenden, das "
              "jedoch nicht vorgeschrieben ist.") % {"seller": seller_text},
            _("Sie können Ihren Widerruf auch über die Schaltfläche „Vertrag widerrufen“ erklären. Sie finden sie auf "
              "der Seite Ihrer Bestellung, die Sie über den Link in Ihrer Bestellbestätigung erreichen, auch wenn "
              "Sie als Gast bestellt haben. Machen Sie von dieser Möglichkeit Gebrauch, so werden wir "
              "Ihnen unverzüglich (z. B. per E-Mail) eine Bestätigung über den Eingang eines solchen Widerrufs mit "
              "seinem Inhalt sowie Datum und Uhrzeit des Eingangs übermitteln."),
            _("Zur Wahrung der Widerrufsfrist reicht es aus, dass Sie die Mitteilung über die Ausübung des "
              "Widerrufsrechts vor Ablauf der Widerrufsfrist absenden."),
        ]),
        Section(_("Folgen des Widerrufs"), [
            _("Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen erhalten "
              "haben, einschließlich der Lieferkosten (mit Ausnahme der zusätzlichen Kosten, die sich daraus "
              "ergeben, dass Sie eine andere Art der Lieferung als die von uns angebotene, günstigste "
              "Standardlieferung gewählt haben), unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag "
              "zurückzuzahlen, an dem die Mitteilung über Ihren Widerruf dieses Vertrags bei uns eingegangen ist. "
              "Für diese Rückzahlung verwenden wir dasselbe Zahlungsmittel, das Sie bei der ursprünglichen "
              "Transaktion eingesetzt haben, es sei denn, mit Ihnen wurde ausdrücklich etwas anderes vereinbart; "
              "in keinem Fall werden Ihnen wegen dieser Rückzahlung Entgelte berechnet."),
            _("Wir können die Rückzahlung verweigern, bis wir die Waren wieder zurückerhalten haben oder bis Sie "
              "den Nachweis erbracht haben, dass Sie die Waren zurückgesandt haben, je nachdem, welches der frühere "
              "Zeitpunkt ist."),
            _("Sie haben die Waren unverzüglich und in jedem Fall spätestens binnen vierzehn Tagen ab dem Tag, an "
              "dem Sie uns über den Widerruf dieses Vertrags unterrichten, an uns (%(address)s) zurückzusenden oder "
              "zu übergeben. Die Frist ist gewahrt, wenn Sie die Waren vor Ablauf der Frist von vierzehn Tagen "
              "absenden.") % {"address": return_address(seller)},
            _("Sie tragen die unmittelbaren Kosten der Rücksendung der Waren."),
            _("Sie müssen für einen etwaigen Wertverlust der Waren nur aufkommen, wenn dieser Wertverlust auf einen "
              "zur Prüfung der Beschaffenheit, Eigenschaften und Funktionsweise der Waren nicht notwendigen Umgang "
              "mit ihnen zurückzuführen ist."),
        ]),
    ]


# --- Muster-Widerrufsformular (Anlage 2 EGBGB) ---------------------------------------------------------------------

@dataclass
class WithdrawalForm:
    title: str
    intro: str
    addressee: str
    lines: list
    footnote: str


def withdrawal_form(seller):
    """Anlage 2 with the seller's name, postal address and e-mail filled in, as its note asks."""
    addressee = ", ".join(
        part for part in (
            seller.organisation_name, seller.street, f"{seller.postcode} {seller.city}".strip(), seller.email
        ) if part
    ) if seller else ""
    return WithdrawalForm(
        title=_("Muster-Widerrufsformular"),
        intro=_("(Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und senden Sie "
                "es zurück.)"),
        addressee=_("An %(seller)s:") % {"seller": addressee},
        lines=[
            _("Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag über den Kauf der "
              "folgenden Waren (*)/die Erbringung der folgenden Dienstleistung (*)"),
            _("Bestellt am (*)/erhalten am (*)"),
            _("Name des/der Verbraucher(s)"),
            _("Anschrift des/der Verbraucher(s)"),
            _("Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)"),
            _("Datum"),
        ],
        footnote=_("(*) Unzutreffendes streichen."),
    )


# --- Art. 246c EGBGB: how the contract comes about -----------------------------------------------------------------

def contract_information():
    """The information on contracts in electronic commerce (Art. 246c EGBGB), for the AGB and the checkout."""
    return [
        Section(_("How the contract comes about"), [
            _("Choose products and put them in the basket. In the checkout you sign in or continue as a guest, "
              "choose delivery or pick-up and the payment method, and see all details of your order on the last "
              "page. By clicking “%(button)s” you make a binding offer to buy the goods in the basket. "
              "We confirm receipt of your order by e-mail at once; this confirmation also accepts your offer, "
              "so the contract is concluded with it.") % {"button": _("Place order and pay")},
        ]),
        Section(_("Correcting your input"), [
            _("Until you click “%(button)s” you can correct every entry: change quantities or remove "
              "products in the basket, and change the address, delivery and payment with the “Change” links on "
              "the last page, or go back with your browser.") % {"button": _("Place order and pay")},
        ]),
        Section(_("Storage of the contract text"), [
            _("We store the contract text (your order with its details) and send it to you with our terms and "
              "conditions and the withdrawal information by e-mail. You can view your order at any time on its "
              "order page (in your customer account or, as a guest, through the link in the confirmation). Our "
              "terms and conditions are always available on this website."),
        ]),
        Section(_("Contract language"), [
            _("The contract language is German."),
        ]),
    ]


# --- PDFs ------------------------------------------------------------------------------------------------------------

def withdrawal_form_pdf(seller):
    with translation.override("de"):
        html = render_to_string(
            "home/legal/withdrawal_form_pdf.html",
            {"form": withdrawal_form(seller), "seller": seller},
        )
    return render_pdf(html)


def withdrawal_form_attachment(site_id=None):
    """Outbox attachment builder: the Muster-Widerrufsformular as a PDF."""
    from wagtail.models import Site

    site = Site.objects.filter(pk=site_id).first() if site_id else None
    return WITHDRAWAL_FORM_FILENAME, withdrawal_form_pdf(seller_settings(site)), "application/pdf"


def terms_pdf(seller):
    """The terms page (SiteSettings.terms_page) in German, the contract language, as a PDF."""
    page = seller.terms_page if seller else None
    if page is None:
        raise LookupError("No terms page (AGB) is chosen in the site settings.")
    page = page.specific
    with translation.override("de"):
        html = render_to_string("home/legal/terms_pdf.html", {"page": page, "seller": seller})
    return render_pdf(html)


def terms_attachment(site_id):
    """Outbox attachment builder: the AGB as a PDF, rendered when the mail is sent."""
    from wagtail.models import Site

    return TERMS_FILENAME, terms_pdf(seller_settings(Site.objects.get(pk=site_id))), "application/pdf"


# --- Cookies (privacy notice) ---------------------------------------------------------------------------------------

@dataclass
class Cookie:
    name: str
    purpose: str
    lifetime: str


def cookies():
    """Every cookie the site can set, named as the settings name them: all strictly necessary (§ 25 (2) TDDDG)."""
    from django.conf import settings
    from django.utils.translation import ngettext

    def days(seconds):
        count = int(seconds // 86400)
        return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}

    def lifetime(seconds, at_browser_close=False):
        return _("until you close the browser") if at_browser_close or not seconds else days(seconds)

    return [
        Cookie(settings.SESSION_COOKIE_NAME,
               _("Session: keeps you signed in and carries the checkout's steps and notices."),
               lifetime(settings.SESSION_COOKIE_AGE, settings.SESSION_EXPIRE_AT_BROWSER_CLOSE)),
        Cookie(settings.CSRF_COOKIE_NAME,
               _("Security: protects forms against cross-site request forgery."),
               lifetime(settings.CSRF_COOKIE_AGE)),
        Cookie(settings.OSCAR_BASKET_COOKIE_OPEN,
               _("Basket: remembers your basket when you are not signed in."),
               days(settings.OSCAR_BASKET_COOKIE_LIFETIME)),
        Cookie(settings.LANGUAGE_COOKIE_NAME,
               _("Language: set only if you choose a language with the form at /i18n/setlang/; "
                 "the site's language links keep the language in the address instead."),
               lifetime(settings.LANGUAGE_COOKIE_AGE)),
    ]
