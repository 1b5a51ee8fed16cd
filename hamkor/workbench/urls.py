from django.urls import path

from hamkor.workbench import views

app_name = "workbench"

urlpatterns = [
    # The home page spans every domain, so it lives here, above them (decision 0006).
    path("staff/", views.home, name="home"),
    path("staff/search/", views.search, name="search"),
]
