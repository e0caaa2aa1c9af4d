"""Bad input made by code: every file is generated from the real corpus documents or from rules, never committed.

`write_bad_corpus(folder, corpus_dir)` writes one batch of every kind of bad or awkward file the build
must survive, to be built together with the real Sanming plan from the corpus. It returns, per file name, what the build must
make of it: (status, code) — `code` is the typed reason of a quarantine or skip, None for "ok".
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

#: The real document whose graph must come out of a bad batch identical to a clean build.
SANMING = "003_e073a84fa08b70e4.txt"
FUJIAN = "fujian_pollution_carbon_synergy_plan_2022_zh.txt"
SHANWEI = "004_a38210081867983d.txt"  # traditional script
JIANGSU = "jiangsu_opinions_carbon_2022_zh.txt"
MEE = "cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt"
MIIT = "cn_miit_industry_carbon_peak_plan_2022_zh.txt"
#: Sorts last, so a progress hook can delete it after the first file is done.
VANISHING = "zz-vanishing.txt"


@dataclass(frozen=True, slots=True)
class Expect:
    status: str  # "ok" | "quarantined" | "skipped"
    code: str | None = None
    note: str | None = None  # a note kind the document must carry (a documented degraded result)


def real_text(corpus_dir: Path, name: str) -> str:
    return (corpus_dir / name).read_text(encoding="utf-8")


def html_page(body: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.split("\n") if line.strip())
    return f"<!DOCTYPE html>\n<html><head>{head}<title>t</title></head><body>\n{paragraphs}</body></html>\n"


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx(inflated_bytes: int) -> bytes:
    """A .docx whose word/document.xml inflates to `inflated_bytes` (about 1000:1 compression)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * (1 << 20)
            for _ in range(inflated_bytes >> 20):
                member.write(block)
    return out.getvalue()


def traversal_docx(real: bytes) -> bytes:
    """A readable .docx with one extra member climbing out of the archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(real)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("../../etc/evil.sh", "echo owned\n")
    return out.getvalue()


def entity_docx(real: bytes) -> bytes:
    """A .docx whose document.xml declares the billion-laughs entities and uses the last one."""
    laughs = billion_laughs_dtd("w:document")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(real)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                decl_end = text.index("?>") + 2
                text = text[:decl_end] + laughs + text[decl_end:]
                text = text.replace("</w:t>", "&lol9;</w:t>", 1)
                data = text.encode("utf-8")
            dst.writestr(info, data)
    return out.getvalue()


def billion_laughs_dtd(root: str) -> str:
    lines = [f'<!DOCTYPE {root} [', '<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        lines.append(f'<!ENTITY lol{i} "{("&" + prev + ";") * 10}">')
    lines.append("]>")
    return "\n".join(lines)


def scanned_pdf() -> bytes:
    """A two-page PDF with an image and no text layer, as a scanner makes it."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, NumberObject

    writer = PdfWriter()
    for _ in range(2):
        page = writer.add_blank_page(width=595, height=842)
        image = DecodedStreamObject()
        image.set_data(random.Random(7).randbytes(64 * 64))
        image.update({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(64),
            NameObject("/Height"): NumberObject(64),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        })
        ref = writer._add_object(image)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): ref})}
        )
        content = DecodedStreamObject()
        content.set_data(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
        page[NameObject("/Contents")] = writer._add_object(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def mojibake(text: str, every: int = 2) -> str:
    """Every `every`-th paragraph garbled the classic way: UTF-8 bytes read as GBK (errors replaced)."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i % every == 1 and line.strip():
            line = line.encode("utf-8").decode("gbk", errors="replace")
        out.append(line)
    return "\n".join(out)


def broken_numbering(text: str) -> str:
    """Section (三) deleted and (五) repeated: the clause numbering has a gap and a duplicate."""
    assert "（三）" in text and "（五）" in text
    text = text.replace("（三）", "", 1)
    return text.replace("（六）", "（五）", 1)


def write_big_text(path: Path, size: int) -> None:
    """A `size`-byte UTF-8 text file, written 1 MiB at a time (never held in memory)."""
    line = "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。\n".encode()
    block = line * ((1 << 20) // len(line) + 1)
    block = block[: 1 << 20]
    with path.open("wb") as fh:
        written = 0
        while written < size:
            part = block[: size - written]
            fh.write(part)
            written += len(part)


def write_bad_corpus(folder: Path, corpus_dir: Path) -> dict[str, Expect]:
    """Writes the batch into `folder`; returns file name → what the build must make of it."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20251122)
    sanming = real_text(corpus_dir, SANMING)
    fujian = real_text(corpus_dir, FUJIAN)
    shanwei = real_text(corpus_dir, SHANWEI)
    expect: dict[str, Expect] = {}

    def put(name: str, data: bytes | str, what: Expect) -> None:
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[name] = what

    # the real document (built from its corpus path beside this folder) again under other names and encodings
    put("b-sanming-copy.txt", (corpus_dir / SANMING).read_bytes(), Expect("skipped", "duplicate"))
    put("b-sanming-utf16.txt", sanming.encode("utf-16"), Expect("skipped", "duplicate"))

    # nothing to read
    put("empty.txt", b"", Expect("quarantined", "empty_document"))
    put("blank.txt", " \r\n\t\u3000\u00a0\n  \n", Expect("quarantined", "empty_document"))
    put("blank.html", "<html><body>  <div> </div><script>var x = 1;</script></body></html>",
        Expect("quarantined", "empty_document"))

    # binary under a text name
    put("random.txt", rng.randbytes(64 * 1024), Expect("quarantined", "binary_content"))
    put("image.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096),
        Expect("quarantined", "binary_content"))
    put("program.md", b"\x7fELF\x02\x01\x01" + bytes(4096), Expect("quarantined", "binary_content"))
    put("controls.txt", ("一、总体要求\x01\x02\x03\x04\x05" * 200), Expect("quarantined", "binary_content"))
    put("scan.pdf", scanned_pdf(), Expect("quarantined", "no_text_layer"))
    put("truncated.pdf", scanned_pdf()[:300], Expect("quarantined", "malformed_file"))

    # charsets that lie, several in one file, UTF-16 without a BOM, mojibake
    put("fujian-gbk-says-utf8.html",
        html_page(fujian, '<meta charset="utf-8">').encode("gbk", errors="strict"), Expect("ok"))
    put("shanwei-big5-says-gb2312.html",
        html_page(shanwei, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode(
            "big5", errors="replace"), Expect("ok"))
    half = len(fujian) // 2
    put("mixed-utf8-gbk.txt", fujian[:half].encode("utf-8") + fujian[half:].encode("gbk"),
        Expect("quarantined", "undecodable_text"))
    put("jiangsu-utf16le-nobom.txt", real_text(corpus_dir, JIANGSU).encode("utf-16-le"), Expect("ok"))
    put("mojibake.txt", mojibake(real_text(corpus_dir, MIIT)), Expect("ok", note="mojibake"))

    # markup abuse
    put("deep.html", "<html><body>" + "<div>" * 200_000 + "一、总体要求 深度嵌套的页面。" + "</div>" * 3,
        Expect("ok", note="html_flattened"))
    put("unclosed.html", "<html><body><p>一、总体要求<p>（一）推进减污降碳协同增效。<table><tr><td>二、工作任务"
        + "<b><i><span>" * 50 + "<div", Expect("ok"))
    put("laughs.html", '<?xml version="1.0"?>\n' + billion_laughs_dtd("html")
        + "\n<html><body><p>一、总体要求 &lol9;</p></body></html>", Expect("ok"))
    put("laughs.xhtml", '<?xml version="1.0"?>\n' + billion_laughs_dtd("html")
        + '\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>二、主要目标 &lol9;</p></body></html>',
        Expect("ok"))

    # archives
    real_docx = docx_bytes(["一、总体要求", "（一）推进减污降碳协同增效。"])
    put("bomb.docx", zip_bomb_docx(96 << 20), Expect("quarantined", "unsafe_archive"))
    put("traversal.docx", traversal_docx(real_docx), Expect("quarantined", "unsafe_archive"))
    put("laughs.docx", entity_docx(real_docx), Expect("quarantined", "malformed_file"))
    put("not-a-zip.docx", b"PK\x03\x04" + rng.randbytes(2048),
        Expect("quarantined", "malformed_file"))

    # structure
    put("mee-broken-numbering.txt", broken_numbering(real_text(corpus_dir, MEE)), Expect("ok", note="numbering_gap"))

    # deleted while the batch runs (see the progress hook of the tests)
    put(VANISHING, real_text(corpus_dir, JIANGSU).replace("江苏", "江苏省", 1), Expect("quarantined", "file_vanished"))
    return expect
