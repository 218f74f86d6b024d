"""Content-Security-Policy by area (issue 12), on top of django-csp's middleware.

Public pages get the strict policy of ``CONTENT_SECURITY_POLICY`` (no inline script at all). Wagtail's admin and
Oscar's dashboard still run inline scripts of their own (Wagtail's page editor and choosers, Oscar's
``oscar.dashboard.init`` calls and TinyMCE), so ``CSP_AREA_POLICIES`` gives them a policy of their own, chosen by
path. A view decorated with django-csp's ``csp_override`` keeps its own policy.
"""

import re
from functools import cache

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


@cache
def _area_policies():
    return [(re.compile(pattern), default_config(directives)) for pattern, directives in settings.CSP_AREA_POLICIES]


def directives_for_path(path):
    """The directives of the area `path` belongs to; None for the site-wide policy."""
    for pattern, directives in _area_policies():
        if pattern.match(path):
            return directives
    return None


class AreaCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = directives_for_path(request.path_info)
        return parts
