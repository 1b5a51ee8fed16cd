from django.urls import path

from hamkor.workbench import views

app_name = "workbench"

urlpatterns = [
    path("staff/search/", views.search, name="search"),
]
