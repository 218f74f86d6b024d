from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import ContentBlocks


class District(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    description = models.TextField(_("short description"), blank=True, max_length=500)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Funder(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    url = models.URLField(_("link"), blank=True)
    notice = models.TextField(
        _("funding notice"), help_text=_("The text the programme requires, e.g. “Gefördert durch …”.")
    )

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("url"), FieldPanel("notice")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CampaignPageTag(TaggedItemBase):
    content_object = ParentalKey("campaigns.CampaignPage", on_delete=models.CASCADE, related_name="tagged_items")


class CampaignIndexPage(RoutablePageMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("campaigns per page"), default=12)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("per_page")]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaign index page")

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import CampaignFeed

        return CampaignFeed(self)(request)

    def campaigns(self):
        # .public(): a password- or login-protected campaign is not announced in lists, feeds or teasers.
        return CampaignPage.objects.child_of(self).live().public().order_by("-start_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        from .forms import CampaignFilterForm
        from .services import campaign_status, filter_campaigns, local_today

        context = super().get_context(request, *args, **kwargs)
        form = CampaignFilterForm(request.GET or None, locale=self.locale)
        campaigns = self.campaigns()
        if form.is_valid():
            campaigns = filter_campaigns(
                campaigns,
                district=form.cleaned_data.get("district"),
                status=form.cleaned_data.get("status"),
                year=form.cleaned_data.get("year"),
            )
        images = get_image_model().objects.prefetch_renditions()
        campaigns = campaigns.prefetch_related(
            Prefetch("hero_image", queryset=images), "districts"
        )
        paginator = Paginator(campaigns, self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        today = local_today()
        localized = {d.translation_key: d for d in form.fields["district"].queryset}
        for campaign in page_obj.object_list:
            campaign.current_status = campaign_status(campaign.start_date, campaign.end_date, today)
            campaign.shown_districts = [localized.get(d.translation_key, d) for d in campaign.districts.all()]
        query = request.GET.copy()
        query.pop("page", None)
        context.update(filter_form=form, page_obj=page_obj, filter_query=query.urlencode())
        return context


class CampaignPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer districts and funders in the page's language only (translations are separate snippet rows).
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        for name in ("districts", "funders"):
            if name in self.fields and locale_id:
                self.fields[name].queryset = self.fields[name].queryset.filter(locale_id=locale_id)


class CampaignPage(Page):
    teaser = models.TextField(_("teaser"), max_length=400)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("hero image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Set the focal point in the image editor: crops keep it in view."),
    )
    hero_alt = models.CharField(
        _("hero image alt text"), max_length=250, blank=True,
        help_text=_("Leave empty if the image only decorates the page."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    districts = ParentalManyToManyField("campaigns.District", verbose_name=_("districts"), blank=True)
    funders = ParentalManyToManyField("campaigns.Funder", verbose_name=_("funders"), blank=True)
    tags = ClusterTaggableManager(through=CampaignPageTag, verbose_name=_("tags"), blank=True)
    sharing_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("social sharing image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown when the page is shared; the hero image is used if empty."),
    )
    body = StreamField(ContentBlocks(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
        FieldPanel("funders"),
        FieldPanel("tags"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("sharing_image")]
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("body")]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    base_form_class = CampaignPageForm

    class Meta:
        verbose_name = _("campaign page")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must not be before the start date.")})

    @property
    def share_image(self):
        return self.sharing_image or self.hero_image

    @property
    def status(self):
        from .services import campaign_status

        return campaign_status(self.start_date, self.end_date)

    def get_context(self, request, *args, **kwargs):
        from .services import load_products_for_stream

        context = super().get_context(request, *args, **kwargs)
        context["stream_products"] = load_products_for_stream(self.body)
        context["page_funders"] = localized(self.funders, Funder, self.locale_id, "logo")
        context["page_districts"] = localized(self.districts, District, self.locale_id)
        return context


def localized(relation, model, locale_id, *select_related):
    """The related snippets in the page's language where translated (one query on a published page).

    Translations of a page share the source's synchronised relations, which point at source-language rows.
    """
    related = relation.all()
    if isinstance(related, models.QuerySet):
        keys, pks = related.values("translation_key"), related.values("pk")
    else:  # a preview: the relation is held in memory
        keys, pks = [row.translation_key for row in related], [row.pk for row in related]
    rows = model.objects.filter(translation_key__in=keys).filter(Q(locale_id=locale_id) | Q(pk__in=pks))
    chosen = {}
    for row in rows.select_related(*select_related):
        if row.translation_key not in chosen or row.locale_id == locale_id:
            chosen[row.translation_key] = row
    return sorted(chosen.values(), key=lambda row: row.name)
