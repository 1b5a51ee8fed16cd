from django.urls import path

from hamkor.accounts import two_factor_views, views
from hamkor.core.urls_helpers import model_paths

app_name = "accounts"

urlpatterns = [
    path("account/login/", views.LoginView.as_view(), name="login"),
    path("account/logout/", views.LogoutView.as_view(), name="logout"),
    path("account/language/", views.set_language, name="set_language"),
    path("account/profile/", views.profile, name="profile"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("account/password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "account/password/reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("account/two-factor/", two_factor_views.two_factor, name="two_factor"),
    path("account/two-factor/setup/", two_factor_views.two_factor_setup, name="two_factor_setup"),
    path(
        "account/two-factor/verify/", two_factor_views.two_factor_verify, name="two_factor_verify"
    ),
    path(
        "account/two-factor/recovery-codes/",
        two_factor_views.recovery_codes,
        name="recovery_codes",
    ),
    path(
        "account/two-factor/disable/",
        two_factor_views.two_factor_disable,
        name="two_factor_disable",
    ),
    path(
        "staff/users/<int:pk>/two-factor-reset/",
        two_factor_views.UserTwoFactorResetView.as_view(),
        name="user_two_factor_reset",
    ),
]

urlpatterns += [
    *model_paths(
        "staff/units",
        "orgunit",
        list=views.OrgUnitListView,
        add=views.OrgUnitEditView,
        import_=views.OrgUnitImportView,
        detail=views.OrgUnitDetailView,
        edit=views.OrgUnitEditView,
        delete=views.OrgUnitDeleteView,
        history=views.OrgUnitHistoryView,
    ),
    *model_paths(
        "staff/users",
        "user",
        list=views.UserListView,
        add=views.UserInviteView,
        detail=views.UserDetailView,
        edit=views.UserEditView,
        history=views.UserHistoryView,
    ),
]
