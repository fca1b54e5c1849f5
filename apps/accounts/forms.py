from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.tenants.validation import NAME_MAX, SLUG_MAX, name_validate, slug_validate


class StoreCreateForm(forms.Form):
    name = forms.CharField(label=_("Store name"), max_length=NAME_MAX * 2)
    slug = forms.CharField(label=_("Store address"), max_length=SLUG_MAX * 2)

    def clean_name(self) -> str:
        return self._validated(name_validate, self.cleaned_data["name"])

    def clean_slug(self) -> str:
        return self._validated(slug_validate, self.cleaned_data["slug"])

    @staticmethod
    def _validated(validate, value: str) -> str:  # type: ignore[no-untyped-def]
        try:
            return validate(value)
        except ValidationError as error:
            raise forms.ValidationError(error.messages, code=error.code) from error
