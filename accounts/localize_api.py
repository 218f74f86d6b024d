"""wagtail-localize's snippet API, with the permission check it lacks.

wagtail-localize serves /admin/localize/api/snippets/<app>/<model>/ (the snippet chooser of its translation editor)
to anyone with admin access: every snippet's title, e.g. the designers' legal names, to Marketing. config/urls.py
routes those two URLs here first; this is the same view, refusing (403) a user who could not open the snippet's
listing in Wagtail's admin.
"""

from rest_framework.permissions import BasePermission
from wagtail.admin.auth import require_admin_access
from wagtail_localize.views.snippets_api import SnippetViewSet

# Wagtail's snippet listing opens for any of these (IndexView.any_permission_required).
LISTING_ACTIONS = ["add", "change", "delete", "view"]


class CanListSnippet(BasePermission):
    def has_permission(self, request, view):
        policy = view.get_model().snippet_viewset.permission_policy
        return policy.user_has_any_permission(request.user, LISTING_ACTIONS)


class PermissionCheckedSnippetViewSet(SnippetViewSet):
    permission_classes = [CanListSnippet]


snippet_listing = require_admin_access(PermissionCheckedSnippetViewSet.as_view({"get": "list"}))
snippet_detail = require_admin_access(PermissionCheckedSnippetViewSet.as_view({"get": "retrieve"}))
