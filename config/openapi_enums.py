"""Choice sets named in SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]: drf-spectacular imports
them by dotted path, which cannot reach a model's nested choices class."""

from apps.catalog.models import ImportJob, Order, Product
from apps.knowledge.models import Source
from apps.widget.models import WidgetSettings

SOURCE_KIND = Source.Kind
IMPORT_KIND = ImportJob.Kind
PRODUCT_STATUS = Product.Status
ORDER_STATUS = Order.Status
WIDGET_LAUNCHER_ICON = WidgetSettings.LauncherIcon
