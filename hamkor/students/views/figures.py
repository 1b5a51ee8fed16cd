"""The foreign students' statistics page: by country, level and faculty."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from hamkor.core.views import generic
from hamkor.students.figures import student_figures
from hamkor.students.models import ForeignStudent


class StudentFiguresView(generic.ObjectPermissionMixin, View):
    """Counts of the students the user may read (a coordinator: their faculty's)."""

    queryset = ForeignStudent.objects.all()

    def get(self, request):
        current = request.GET.get("all") != "1"
        figures = student_figures(students=self.get_queryset(), current=current)
        context = self.base_context(figures=figures, current=current)
        return render(request, "students/figures.html", context)
