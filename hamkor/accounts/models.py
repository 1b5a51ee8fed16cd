"""Users of Hamkor and the units of the home university they belong to."""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.accounts.roles import Role
from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, RestrictedQuerySet, translated
from hamkor.core.urls_helpers import reverse_pk


class OrgUnit(BaseModel):
    """A faculty, department or office of an institution (the home university's, mostly).

    A faculty coordinator belongs to one faculty, and records scoped to a faculty are
    scoped to one of these.
    """

    class Kind(models.TextChoices):
        FACULTY = "faculty", _("Faculty")
        DEPARTMENT = "department", _("Department")
        OFFICE = "office", _("Office or centre")
        OTHER = "other", _("Other unit")

    institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="units",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FACULTY)
    code = models.SlugField(
        _("code"), max_length=40, help_text=_("A short unique code, used in imports and reports.")
    )
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # A partner's unit as Erasmus Without Paper names it: the "official" ounit-id its own
    # institution assigns (read from an imported IIA, written back in our IIAs). Our own
    # units are published under their primary key and leave it blank.
    ewp_ounit_id = models.CharField(
        _("EWP unit id"),
        max_length=64,
        blank=True,
        help_text=_("The unit's id in Erasmus Without Paper, as its institution publishes it."),
    )

    new_title = _("New unit")  # the add page's title, in the gender of each language
    history = HistoricalRecords()

    name = translated("name")

    class Meta(BaseModel.Meta):
        verbose_name = _("unit")
        verbose_name_plural = _("faculties and departments")
        ordering = ("institution", "kind", "name_uz")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "code"], name="accounts_orgunit_unique_code"
            ),
            models.UniqueConstraint(
                fields=["institution", "ewp_ounit_id"],
                condition=~models.Q(ewp_ounit_id=""),
                name="accounts_orgunit_unique_ewp_id",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot be part of itself.")})
        if self.parent_id and self.parent.institution_id != self.institution_id:
            raise ValidationError(
                {"parent": _("The unit it is part of must belong to the same institution.")}
            )


class UserManager(BaseUserManager.from_queryset(RestrictedQuerySet)):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("The e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in: staff of the office, coordinators, leadership, applicants.

    Roles are groups (see ``roles.py``); a coordinator belongs to one faculty (``org_unit``).
    """

    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the staff pages and of e-mail sent to this user."),
    )
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("faculty or unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("Django admin access"),
        default=False,
        help_text=_("Opens the low-level administration site; for administrators only."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["password", "last_login"])
    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ("full_name", "email")
        permissions = [("staff_area", _("Can open the staff area"))]
        indexes = [*column_indexes("user", ("full_name", "email"), "language", "last_login")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_absolute_url(self) -> str:
        return reverse_pk("accounts:user_detail", self.pk)

    @property
    def short_name(self) -> str:
        return (self.full_name or self.email).split(" ")[0]

    @cached_property
    def roles(self) -> frozenset[str]:
        # Iterating .all() uses a prefetch_related("groups") when the list view made one.
        return frozenset(group.name for group in self.groups.all())

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @property
    def role_labels(self) -> list[str]:
        return [str(Role(r).label) for r in Role.values if r in self.roles]

    @property
    def is_office_staff(self) -> bool:
        return self.has_perm("accounts.staff_area")
