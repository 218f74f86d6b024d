from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import sanitize, sites

        sanitize.connect_receivers()
        sites.connect_receivers()
