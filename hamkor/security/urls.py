from hamkor.core.urls_helpers import model_paths
from hamkor.security import views

app_name = "security"

urlpatterns = [
    *model_paths("staff/security-log", "securityevent", list=views.SecurityEventListView),
]
