"""Nothing that is not strictly necessary runs before consent (issue 13, § 25 TDDDG, Art. 6 GDPR).

Oscar's analytics app records, per logged-in user, every product viewed, every search and the money spent
(UserProductView, UserSearch, UserRecord) and counts views per product. The shop asks for no consent for that, so
it does not record it: this AppConfig keeps Oscar's analytics app (its models and migrations, which Oscar's
dashboard reports read) but does not import its receivers, which is where Oscar connects the recording. Oscar's
recently-viewed cookie is switched off in shop.customer.history.
"""

from oscar.apps.analytics import apps


class AnalyticsConfig(apps.AnalyticsConfig):
    def ready(self):
        """Oscar's ready() only imports oscar.apps.analytics.receivers; not importing it connects nothing."""
