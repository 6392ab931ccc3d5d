"""In production every static file carries its content's hash in its name, pages link it by that
name, and WhiteNoise serves it compressed (Brotli, else gzip) and cached for a year: collected
here with the production storage."""

import json
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

PRODUCTION_STORAGE = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


@pytest.fixture
def collected(tmp_path):
    storages = {**settings.STORAGES, "staticfiles": PRODUCTION_STORAGE}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages, WHITENOISE_USE_FINDERS=False):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


def test_every_static_file_has_a_hashed_name_with_brotli_and_gzip_copies(collected):
    paths = json.loads((collected / "staticfiles.json").read_text())["paths"]
    assert {"css/site.css", "js/site.js", "images/favicon.ico", "css/govuk/details.css"} <= set(paths)
    for name, hashed in paths.items():
        stem, dot, suffix = name.rpartition(".")
        assert re.fullmatch(rf"{re.escape(stem)}\.[0-9a-f]{{12}}\.{suffix}", hashed), hashed
    for name in ("css/site.css", "js/site.js", "css/govuk/summary-list.css"):
        assert (collected / f"{paths[name]}.br").exists()
        assert (collected / f"{paths[name]}.gz").exists()


def test_pages_link_the_hashed_names(collected, client):
    html = client.get("/").content.decode()
    assert re.search(r'<link rel="stylesheet" href="/static/css/site\.[0-9a-f]{12}\.css">', html)
    assert re.search(r'<script type="module" src="/static/js/site\.[0-9a-f]{12}\.js"></script>', html)
    icon = client.get("/favicon.ico")["Location"]
    assert re.fullmatch(r"/static/images/favicon\.[0-9a-f]{12}\.ico", icon)


def test_hashed_files_are_served_compressed_and_cached_for_a_year(collected):
    paths = json.loads((collected / "staticfiles.json").read_text())["paths"]
    client = Client()  # a new handler, so WhiteNoise reads the collected files
    for name in ("css/site.css", "js/site.js", "css/govuk/details.css"):
        response = client.get(f"/static/{paths[name]}", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        response.close()  # WhiteNoise answers with the open file
        assert response.status_code == 200
        assert response["Content-Encoding"] == "br"
        assert "immutable" in response["Cache-Control"]
        assert int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1)) >= 365 * 24 * 60 * 60
    gzip_only = client.get(f"/static/{paths['css/site.css']}", HTTP_ACCEPT_ENCODING="gzip")
    gzip_only.close()
    assert gzip_only["Content-Encoding"] == "gzip"
