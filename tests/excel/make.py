"""Writes written-elsewhere.xlsx: a small workbook as other programs write them, for the reader's
tests (tests/import.rs). Python's zipfile, not our writer: every part deflated, each entry with
an extra field (as Info-ZIP's timestamps) and a comment, an archive comment, the first sheet not
at sheet1.xml, text in shared strings (one rich-text item with a phonetic reading), numbers as
Excel stores them. Run: python3 tests/excel/make.py"""
import pathlib, struct, zipfile

parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Xã" sheetId="1" r:id="rId3"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="x/styles" Target="styles.xml"/>'
    '<Relationship Id="rId3" Type="x/worksheet" Target="worksheets/communes.xml"/>'
    "</Relationships>",
    "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
    "<si><t>Mã xã</t></si><si><t>Tên xã</t></si><si><t>Chi phí</t></si>"
    '<si><r><t>Xã </t></r><r><rPr><b/></rPr><t>Yên Thịnh</t></r><rPh sb="0" eb="1"><t>yen</t></rPh></si>'
    "</sst>",
    "xl/worksheets/communes.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
    '<row r="2"><c r="A2"><v>6091</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>12.5</v></c></row>'
    '<row r="4"><c r="A4"><v>6094</v></c><c r="B4" t="inlineStr"><is><t>Bắc Sơn</t></is></c><c r="C4"><v>3</v></c></row>'
    "</sheetData></worksheet>",
    "xl/worksheets/sheet1.xml": '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not the first sheet</t></is></c></row></sheetData></worksheet>',
}

out = pathlib.Path(__file__).with_name("written-elsewhere.xlsx")
with zipfile.ZipFile(out, "w") as z:
    z.comment = b"written by tests/excel/make.py"
    for i, (name, text) in enumerate(parts.items()):
        info = zipfile.ZipInfo(name, date_time=(2026, 12, 2, 8, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        # An extra field of an unknown kind (id 0xCAFE), longer for later entries.
        info.extra = struct.pack("<HH", 0xCAFE, 4 + i) + bytes(4 + i)
        info.comment = f"part {i}".encode()
        z.writestr(info, text.encode("utf-8"))
print(out, out.stat().st_size, "bytes")
