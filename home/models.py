from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ContentPageBlocks


class HomePage(Page):
    hero_heading = models.CharField(_("hero heading"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero link label"), max_length=60, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured = StreamField(ContentPageBlocks(), verbose_name=_("featured content"), blank=True)
    featured_products_count = models.PositiveSmallIntegerField(
        _("number of new products shown"), default=4, help_text=_("0 hides the product row.")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                PageChooserPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("featured"),
        FieldPanel("featured_products_count"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("intro"),
    ]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .services import new_products

        context = super().get_context(request, *args, **kwargs)
        context["new_products"] = new_products(self.featured_products_count)
        return context


class ContentPage(Page):
    """About, legal pages and any other plain page built from blocks."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentPageBlocks(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("content page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs the site: used by the footer, the Impressum and invoices. Bank details are in PaymentSettings."""

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    legal_form = models.CharField(_("legal form"), max_length=120, blank=True)
    represented_by = models.CharField(_("represented by"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True, default="Deutschland")
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    register_entry = models.CharField(_("register entry"), max_length=200, blank=True)
    vat_id = models.CharField(_("VAT ID"), max_length=20, blank=True)
    content_responsible = models.CharField(
        _("responsible for content (§ 18 MStV)"), max_length=200, blank=True
    )
    instagram_url = models.URLField(_("Instagram"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)

    imprint_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Impressum page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("privacy page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("terms page (AGB)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    withdrawal_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("withdrawal page (Widerrufsbelehrung)"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    shipping_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("shipping and payment page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Linked from every price (“plus shipping”)."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("accessibility statement page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("legal_form"),
                FieldPanel("represented_by"),
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("country"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("register_entry"),
                FieldPanel("vat_id"),
                FieldPanel("content_responsible"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("instagram_url"), FieldPanel("facebook_url"), FieldPanel("mastodon_url")],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("terms_page"),
                PageChooserPanel("withdrawal_page"),
                PageChooserPanel("shipping_page"),
                PageChooserPanel("accessibility_page"),
            ],
            heading=_("Legal pages (linked in every footer)"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        # Every page's footer reads the settings; the furniture cache (shared by all processes) saves that query
        # and is renewed whenever settings are saved.
        from .furniture import site_settings

        return site_settings(site, lambda: super(SiteSettings, cls).for_site(site))

    @property
    def legal_page_ids(self):
        return [
            page_id
            for page_id in (
                self.imprint_page_id,
                self.privacy_page_id,
                self.terms_page_id,
                self.withdrawal_page_id,
                self.shipping_page_id,
                self.accessibility_page_id,
            )
            if page_id
        ]

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("Instagram", self.instagram_url),
                ("Facebook", self.facebook_url),
                ("Mastodon", self.mastodon_url),
            )
            if url
        ]


@register_setting(icon="form")
class PaymentSettings(BaseSiteSetting):
    """The account customers pay into, printed in order confirmations and invoices.

    Apart from SiteSettings because Marketing edits those: only Finance (and superusers) hold
    home.change_paymentsettings (accounts/roles.py). A site setting like SiteSettings, because the account
    belongs to the seller the site's SiteSettings name. Every change is logged by Wagtail's edit action
    ("wagtail.edit" in the admin's history of the setting).
    """

    bank_account_holder = models.CharField(
        _("account holder"), max_length=200, blank=True, help_text=_("Empty: the organisation name.")
    )
    bank_name = models.CharField(_("bank"), max_length=200, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("bank_account_holder"), FieldPanel("bank_name"), FieldPanel("iban"), FieldPanel("bic")],
            heading=_("Bank details for prepayment (shown in order confirmations and invoices)"),
        ),
    ]

    class Meta:
        verbose_name = _("bank details")
        verbose_name_plural = _("bank details")
