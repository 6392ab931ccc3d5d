"""The staff zip: people's names stay readable in file names, nobody's file overwrites another's,
and an index spreadsheet lists what the zip holds."""

import csv
import datetime
import io
import zipfile

import pytest

from lms.certificates.pdf import write_certificates_zip, zip_entry_name
from lms.organisations.names import file_name_part, fold
from tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("name", "expected"), [
    ("Łucja Nguyễn", "Lucja-Nguyen"),
    ("Søren Straße", "Soren-Strasse"),
    ("Zoë O'Brien-Ní Bhriain", "Zoe-O-Brien-Ni-Bhriain"),
    ("Анна Петрова", "Анна-Петрова"),  # other scripts kept, never dropped
    ("!!!", "unnamed"),
])
def test_names_are_transliterated_never_stripped(name, expected):
    assert file_name_part(name) == expected


def test_folding_ignores_accents_case_and_spacing():
    assert fold("  ŁUCJA   Nguyễn ") == fold("lucja nguyen") == "lucja nguyen"


def zip_of(certificates) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    assert write_certificates_zip(certificates, buffer) == len(certificates)
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


def test_the_zip_keeps_lucja_and_people_of_the_same_name_do_not_overwrite_each_other():
    lucja = CertificateFactory(holder_name="Łucja Nguyễn", module=None, module_title="Stalking")
    twin_a = CertificateFactory(holder_name="Sam Lee", module=None, module_title="Stalking")
    twin_b = CertificateFactory(holder_name="Sam Lee", module=None, module_title="Stalking")
    archive = zip_of([lucja, twin_a, twin_b])
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert len(pdfs) == len(set(pdfs)) == 3
    assert zip_entry_name(lucja).startswith("lucja-nguyen-certificate-stalking-")
    assert any(name.startswith("lucja-nguyen-") for name in pdfs)
    assert not any(name.startswith("ucja") for name in pdfs)
    for name in pdfs:
        assert archive.read(name).startswith(b"%PDF")


def test_two_certificates_with_the_same_entry_name_are_both_kept():
    first = CertificateFactory(holder_name="Sam Lee", module=None, module_title="Stalking")
    archive = zip_of([first, first])  # the same entry name twice, as a clash would give
    assert len([name for name in archive.namelist() if name.endswith(".pdf")]) == 2


def test_the_index_lists_name_module_code_issued_and_expires_and_opens_in_excel():
    lucja = CertificateFactory(holder_name="Łucja Nguyễn", module=None, module_title="Stalking",
                               issued_on=datetime.date(2026, 3, 1), expires_on=datetime.date(2028, 3, 1))
    archive = zip_of([lucja])
    raw = archive.read("index.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["Name", "Module", "Code", "Issued", "Expires", "File"]
    assert rows[1][:5] == ["Łucja Nguyễn", "Stalking", lucja.code, "2026-03-01", "2028-03-01"]
    assert rows[1][5] in archive.namelist()
