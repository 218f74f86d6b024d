"""RSS feed of the published campaigns under one campaign index page (so one feed per language)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed


class CampaignFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index):
        return f"{index.title} · Made in Aachen-Nord"

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.introduction

    def items(self, index):
        return index.campaigns().public()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
