"""Designers: the private record Finance works with, and the public profile pages.

The two are separate on purpose: a DesignerPage only holds a foreign key to the Designer, so a page
revision (and anything serialised from a page) never contains a private value.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import GalleryBlocks


class Designer(models.Model):
    """Private: contract partner data for licences, statements and payouts. Finance only."""

    class VatStatus(models.TextChoices):
        # Royalties for granting rights under German copyright law are taxed at 7 % (§ 12 (2) no. 7 c UStG).
        COPYRIGHT = "copyright", _("Copyright licensing (7 % VAT)")
        REGULAR = "regular", _("Regular VAT (19 %)")
        SMALL_BUSINESS = "small_business", _("Small business (§ 19 UStG, no VAT)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="designer",
        help_text=_("The login for the designer portal. Without it the designer cannot see statements online."),
    )
    legal_name = models.CharField(_("legal name"), max_length=200)
    public_name = models.CharField(
        _("public name"), max_length=200, blank=True,
        help_text=_("The name as published on the designer page. Outside Finance's lists the record is shown only "
                    "by this name, or by its code when empty; never by the legal name."),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True, default="Deutschland")
    email = models.EmailField(_("email"), blank=True)
    tax_number = models.CharField(_("tax number"), max_length=30, blank=True)
    vat_id = models.CharField(_("VAT ID"), max_length=20, blank=True)
    vat_status = models.CharField(
        _("VAT status"), max_length=20, choices=VatStatus.choices, default=VatStatus.COPYRIGHT
    )
    payout_iban = models.CharField(_("payout IBAN"), max_length=34, blank=True)
    artists_social_insurance = models.BooleanField(
        _("member of the artists' social insurance (KSK)"), default=False
    )

    panels = [
        FieldPanel("legal_name"),
        FieldPanel("public_name"),
        FieldPanel("user"),
        MultiFieldPanel(
            [FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city"), FieldPanel("country"),
             FieldPanel("email")],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("tax_number"), FieldPanel("vat_id"), FieldPanel("vat_status"),
             FieldPanel("payout_iban"), FieldPanel("artists_social_insurance")],
            heading=_("Tax and payout"),
        ),
    ]

    class Meta:
        verbose_name = _("designer (private record)")
        verbose_name_plural = _("designers (private records)")
        ordering = ["legal_name"]

    def __str__(self):
        # Choosers, the page editor, wagtail-localize and log entries show this to Marketing too: never the legal
        # name. Finance's lists and documents name the legal name explicitly (legal_name, designer_name).
        return self.public_name or self.code

    @property
    def code(self):
        return f"D-{self.pk:03d}" if self.pk else "D-new"


class DesignerIndexPage(Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["designers.DesignerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("designer index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["designer_pages"] = (
            DesignerPage.objects.child_of(self).live().public().select_related("portrait").order_by("title")
        )
        return context


class DesignerPage(Page):
    """The public profile. The page title is the name as published."""

    designer = models.ForeignKey(
        Designer,
        verbose_name=_("designer (private record)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
        help_text=_("Links the profile to the designer's licences, and through them to the products."),
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait_alt = models.CharField(_("portrait description"), max_length=250, blank=True)
    discipline = models.CharField(_("discipline"), max_length=120, blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    gallery = StreamField(GalleryBlocks(), verbose_name=_("gallery"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("designer"),
        MultiFieldPanel(
            [FieldPanel("portrait"), FieldPanel("portrait_alt"), FieldPanel("discipline"), FieldPanel("city"),
             FieldPanel("bio")],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("instagram_url"), FieldPanel("mastodon_url")],
            heading=_("Links"),
        ),
        FieldPanel("gallery"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("discipline"),
        index.SearchField("bio"),
        index.SearchField("city"),
    ]
    parent_page_types = ["designers.DesignerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("designer page")

    @property
    def links(self):
        return [
            (label, url)
            for label, url in ((_("Website"), self.website), ("Instagram", self.instagram_url),
                               ("Mastodon", self.mastodon_url))
            if url
        ]

    def get_context(self, request, *args, **kwargs):
        from .services import products_of

        context = super().get_context(request, *args, **kwargs)
        context["products"] = products_of(self.designer_id)
        return context
