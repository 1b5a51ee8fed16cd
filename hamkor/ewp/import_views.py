"""The office's page to import a partner's IIA: check the file, see the changes, apply."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from hamkor.agreements.models import Agreement
from hamkor.core.countries import CldrCountries
from hamkor.core.views.generic.base import ObjectPermissionMixin
from hamkor.ewp import importing
from hamkor.ewp.parsing import MAX_BYTES, XmlProblem, XmlRefused

SALT = "hamkor.ewp.iia_import"


# Where a checked file waits for the office's "apply": the file storage every app server
# shares (MEDIA_ROOT or the bucket), since the apply may reach another server.
STAGING = "ewp-uploads/"


class IiaImportView(ObjectPermissionMixin, View):
    """Step one reads and checks the uploaded file (nothing is written); step two applies
    the same file, kept on the server under a signed name, once the office has seen what
    changes and named any unknown institution."""

    queryset = Agreement.objects.all()
    action = "import"  # agreements.import_agreement
    template_name = "ewp/iia_import.html"

    def get(self, request):
        return render(request, self.template_name, {})

    def post(self, request):
        if "token" in request.POST:
            return self.apply(request)
        upload = request.FILES.get("file")
        if upload is None:
            return self.refused(request, [XmlProblem(_("Choose a file."))])
        if upload.size > MAX_BYTES:
            return self.refused(request, [XmlProblem(_("The file is larger than 5 MB."))])
        data = upload.read()
        try:
            plans = importing.read(data)
        except XmlRefused as refusal:
            return self.refused(request, refusal.problems)
        name = default_storage.save(f"{STAGING}{uuid.uuid4().hex}.xml", ContentFile(data))
        context = {
            "plans": plans,
            "token": signing.dumps(name, salt=SALT),
            "countries": [(country.code, country.name) for country in CldrCountries()],
        }
        return render(request, self.template_name, context)

    def apply(self, request):
        try:
            signed = signing.loads(request.POST["token"], salt=SALT, max_age=3600)
            name = STAGING + Path(signed).name
            if not default_storage.exists(name):
                raise FileNotFoundError(name)
            with default_storage.open(name, "rb") as handle:
                data = handle.read()
        except (signing.BadSignature, FileNotFoundError):
            return self.refused(request, [XmlProblem(_("Upload the file again."))])
        try:
            plans = importing.read(data)
            created = {
                plan.partner_hei: {
                    "name": request.POST.get(f"name-{plan.partner_hei}", "").strip(),
                    "country": request.POST.get(f"country-{plan.partner_hei}", ""),
                }
                for plan in plans
                if plan.partner is None and request.POST.get(f"create-{plan.partner_hei}")
            }
            agreements = importing.apply(plans, actor=request.user, new_institutions=created)
        except XmlRefused as refusal:
            return self.refused(request, refusal.problems)
        except ValidationError as error:
            return self.refused(request, [XmlProblem(message) for message in error.messages])
        default_storage.delete(name)
        count = len(agreements)
        messages.success(
            request,
            ngettext("Imported %(count)d agreement.", "Imported %(count)d agreements.", count)
            % {"count": count},
        )
        return redirect(agreements[0].get_absolute_url())

    def refused(self, request, problems):
        return render(request, self.template_name, {"problems": problems}, status=400)
