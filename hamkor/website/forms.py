from hamkor.core.forms import ModelForm
from hamkor.website.models import DepartmentProfile


class DepartmentProfileForm(ModelForm):
    class Meta:
        model = DepartmentProfile
        exclude = ["institution"]
