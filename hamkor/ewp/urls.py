from django.urls import path

from hamkor.ewp import import_views, views

app_name = "ewp"

urlpatterns = [
    path("ewp/institutions/", views.InstitutionsView.as_view(), name="institutions"),
    path("ewp/ounits/", views.OunitsView.as_view(), name="ounits"),
    path("ewp/iias/index/", views.IiasIndexView.as_view(), name="iias_index"),
    path("ewp/iias/get/", views.IiasGetView.as_view(), name="iias_get"),
    path("ewp/omobilities/index/", views.OmobilitiesIndexView.as_view(), name="omobilities_index"),
    path("ewp/omobilities/get/", views.OmobilitiesGetView.as_view(), name="omobilities_get"),
    path("staff/ewp/iia-import/", import_views.IiaImportView.as_view(), name="iia_import"),
]
