"""Choice sets named in SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]: drf-spectacular imports
them by dotted path, which cannot reach a model's nested choices class."""

from apps.accounts.models import Invitation
from apps.catalog.importing.products.records import FORMATS
from apps.catalog.models import ImportJob, Order, Product
from apps.conversations.analytics import PERIODS
from apps.conversations.models import Conversation, Message
from apps.knowledge.models import Document, Source
from apps.onboarding.selectors import StepKey
from apps.tenants.models import Tenant
from apps.widget.models import WidgetSettings

SOURCE_KIND = Source.Kind
SOURCE_STATUS = Source.Status
DOCUMENT_STATUS = Document.Status
IMPORT_KIND = ImportJob.Kind
IMPORT_STATUS = ImportJob.Status
IMPORT_FORMATS = FORMATS
PRODUCT_STATUS = Product.Status
ORDER_STATUS = Order.Status
WIDGET_LAUNCHER_ICON = WidgetSettings.LauncherIcon
TENANT_STATUS = Tenant.Status
INVITATION_STATUS = Invitation.Status
ONBOARDING_STEP_KEY = StepKey
CONVERSATION_STATUS = Conversation.Status
CONVERSATION_CHANNEL = Conversation.Channel
MESSAGE_ROLE = Message.Role
MESSAGE_STATUS = Message.Status
MESSAGE_FEEDBACK = Message.Feedback
ANALYTICS_PERIODS = [(days, days) for days in PERIODS]  # ints: the override wants pairs
