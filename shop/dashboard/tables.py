from django.core.exceptions import FieldError
from django_tables2 import Table
from django_tables2.utils import OrderBy
from oscar.apps.dashboard.tables import DashboardTable as OscarDashboardTable


class DashboardTable(OscarDashboardTable):
    """Oscar's dashboard table that ignores a ``?sort=`` the database cannot order by.

    django-tables2 treats every column as orderable unless told otherwise, so Oscar's checkbox column made
    ``?sort=checkbox`` order the queryset by a field that does not exist: a 500 instead of the list.
    """

    @property
    def order_by(self):
        return Table.order_by.fget(self)

    @order_by.setter
    def order_by(self, value):
        Table.order_by.fset(self, self._sortable(value))

    def _sortable(self, value):
        aliases = value.split(",") if isinstance(value, str) else list(value or ())
        queryset = getattr(self.data, "data", None)
        if not hasattr(queryset, "query"):
            return aliases
        sortable = []
        for alias in aliases:
            column = self.base_columns.get(OrderBy(alias).bare)
            if column is None:
                continue
            explicit = column.order_by
            if isinstance(explicit, str):
                explicit = (explicit,)
            fields = [str(name).lstrip("-").replace(".", "__") for name in (explicit or (column.accessor or alias,))]
            try:
                queryset.order_by(*fields)  # validates the names; runs no query
            except FieldError:
                continue
            sortable.append(alias)
        return sortable
