"""Encodings, file formats and the typed errors, on files made in the test from the real documents."""

from __future__ import annotations

import html
import io
import time
import zipfile
from pathlib import Path

import pytest

from policykg.errors import (
    BinaryContent,
    EmptyDocument,
    FileVanished,
    MalformedFile,
    NoTextLayer,
    TooLarge,
    UnsafeArchive,
    UnsupportedFormat,
)
from policykg.ingest import ingest_file, read_raw
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.raw import DOCX, HTML, PDF, TEXT
from policykg.settings import Settings

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SHANWEI = "shanwei-carbon-peak-plan-2023"


def ids(doc: NormalisedDocument) -> list[str]:
    return [c.id.split("~")[1] for c in doc.walk()]


# --- encodings --------------------------------------------------------------------------------------
def test_gbk_file_decodes_right(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested[SANMING]
    path = tmp_path / "sanming-gbk.txt"
    path.write_bytes(ref.original.encode("gbk"))
    doc = ingest_file(path)
    assert doc.encoding == "gb18030" and doc.encoding_confidence > 0.8
    assert doc.original == ref.original and doc.text == ref.text
    assert ids(doc) == ids(ref)


def test_big5_file_decodes_right(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested[SHANWEI]
    path = tmp_path / "shanwei-big5.txt"
    path.write_bytes(ref.original.encode("big5"))
    doc = ingest_file(path)
    assert doc.encoding == "big5"
    assert doc.original == ref.original and doc.text == ref.text
    assert "汕尾市碳达峰实施方案" in doc.text and ids(doc) == ids(ref)


def test_utf16_with_and_without_bom(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested["central-opinions-carbon-peak-2021-en"]
    with_bom = tmp_path / "opinions-bom.txt"
    with_bom.write_bytes(ref.original.encode("utf-16"))
    doc = ingest_file(with_bom)
    assert doc.encoding in ("utf-16-le", "utf-16-be") and doc.text == ref.text
    bare = tmp_path / "opinions-le.txt"
    bare.write_bytes(ref.original.encode("utf-16-le"))
    assert ingest_file(bare).text == ref.text


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested[SANMING]
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ref.original.encode("utf-8"))
    doc = ingest_file(path)
    assert doc.encoding == "utf-8-sig" and doc.original == ref.original


def test_crlf_line_ends(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested[SANMING]
    path = tmp_path / "crlf.txt"
    path.write_bytes(ref.original.replace("\n", "\r\n").encode("utf-8"))
    doc = ingest_file(path)
    assert doc.text == ref.text and ids(doc) == ids(ref)
    item = next(c for c in doc.walk() if c.id.endswith("s3.i1"))
    assert doc.quote(item.span).startswith("(一)强化生态环境分区管控。")


# --- refused inputs ---------------------------------------------------------------------------------
@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "\u3000\u3000\n".encode()])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(EmptyDocument) as info:
        ingest_file(path)
    assert info.value.code == "empty_document"


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary\x00" * 200,
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        bytes(range(1, 32)) * 300,
    ],
)
def test_binary_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    with pytest.raises(BinaryContent) as info:
        ingest_file(path)
    assert info.value.code == "binary_content"


def test_size_limits_and_missing_files(tmp_path: Path, corpus_dir: Path) -> None:
    source = corpus_dir / "003_e073a84fa08b70e4.txt"
    with pytest.raises(TooLarge):
        read_raw(source, Settings(max_file_bytes=1000))
    with pytest.raises(TooLarge):
        ingest_file(source, settings=Settings(max_text_chars=1000))
    with pytest.raises(FileVanished):
        read_raw(tmp_path / "gone.txt", Settings())
    odd = tmp_path / "plan.xyz"
    odd.write_bytes(source.read_bytes())
    with pytest.raises(UnsupportedFormat):
        ingest_file(odd)


# --- Word -------------------------------------------------------------------------------------------
def _docx_bytes(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_loads_paragraphs_and_tables(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested[SANMING]
    lines = ref.original.split("\n")
    path = tmp_path / "sanming.docx"
    path.write_bytes(_docx_bytes(lines[:20], [["责任单位", "市生态环境局"], ["完成时限", "2025年"]]))
    raw = read_raw(path, Settings())
    assert raw.media_type == DOCX
    doc = ingest_file(path)
    assert [c.number for c in doc.clauses] == ["一", "二", "三"]
    assert [c.title for c in doc.clauses[2].children] == [
        "强化生态环境分区管控",
        "严把生态环境准入关",
        "推动能源绿色低碳转型",
        "加快形成绿色生活方式",
    ]
    assert doc.metadata.title == "三明市减污降碳协同增效实施方案" and doc.metadata.issued == "2022-12-13"
    assert "责任单位\t市生态环境局" in doc.original
    item = doc.clauses[2].children[0]
    assert doc.quote(item.span).startswith("(一)强化生态环境分区管控。")


def test_docx_archive_limits(tmp_path: Path) -> None:
    real = _docx_bytes(["一、总体要求", "以习近平新时代中国特色社会主义思想为指导。"])
    path = tmp_path / "members.docx"
    path.write_bytes(real)
    with pytest.raises(UnsafeArchive):
        ingest_file(path, settings=Settings(max_zip_members=3))

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/zeros.bin", b"\0" * 5_000_000)
    assert len(bomb.getvalue()) < 50_000
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb.getvalue())
    with pytest.raises(UnsafeArchive):
        ingest_file(path, settings=Settings(max_unzipped_bytes=1_000_000))

    climb = io.BytesIO()
    with zipfile.ZipFile(climb, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("../../etc/evil.txt", "x")
    path = tmp_path / "climb.docx"
    path.write_bytes(climb.getvalue())
    with pytest.raises(UnsafeArchive):
        ingest_file(path)

    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip at all, just text pretending")
    with pytest.raises(MalformedFile):
        ingest_file(path)


# --- HTML -------------------------------------------------------------------------------------------
def _page(body_lines: list[str], charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in body_lines if line.strip())
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>政策文件</title>'
        "<script>document.write('一、假的標題');</script><style>p { margin: 0 }</style></head><body>"
        '<nav>首頁 &gt; 政策文件</nav><div class="breadcrumb">當前位置：首頁</div>'
        f'<div class="article">{paragraphs}</div>'
        "<div>掃一掃在手機上查看當前頁面</div><div>[ BACK ]</div>"
        "<footer>版權所有 2023 汕尾市人民政府</footer></body></html>"
    )


def test_html_page_in_big5(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested[SHANWEI]
    body = ref.original.split("\n")[:77]  # the plan, without the encyclopedia footer
    path = tmp_path / "shanwei.html"
    path.write_bytes(_page(body, "big5").encode("big5"))
    raw = read_raw(path, Settings())
    assert raw.media_type == HTML
    doc = ingest_file(path)
    assert doc.encoding == "big5"
    assert ids(doc) == ids(ref)
    for furniture in ("假的标题", "首页", "当前位置", "扫一扫", "BACK", "版权所有", "document.write"):
        assert furniture not in doc.text
    assert "推动产业结构优化升级" in doc.text
    i = doc.text.index("推动产业结构优化升级")
    assert doc.quote(doc.span(i + 6, i + 8)) == "最佳化"
    assert doc.metadata.title == "汕尾市碳達峰實施方案" and doc.metadata.region == "CN-GD-Shanwei"


def test_html_entities_are_not_expanded(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    page = (
        f'<!DOCTYPE html [<!ENTITY l0 "碳达峰">{laughs}]><html><body>'
        "<p>一、总体要求</p><p>&l9;&l9;&amp;&lt;实现碳达峰碳中和。</p></body></html>"
    )
    path = tmp_path / "laughs.html"
    path.write_text(page, encoding="utf-8")
    start = time.perf_counter()
    doc = ingest_file(path)
    assert time.perf_counter() - start < 2
    assert "&<实现碳达峰碳中和。" in doc.text
    assert doc.text.count("碳达峰") < 10
    assert [c.title for c in doc.clauses] == ["总体要求"]


def test_deep_html_is_flattened_not_walked(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested[SANMING]
    lines = [line for line in ref.original.split("\n")[10:20] if line]
    depth = 60_000
    page = (
        "<html><body>"
        + "<div>" * depth
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</div>" * depth
        + "</body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    start = time.perf_counter()
    doc = ingest_file(path)
    assert time.perf_counter() - start < 5
    assert any(n.kind == "html_flattened" for n in doc.notes)
    assert [c.title for c in doc.clauses] == ["总体要求", "主要目标", "加强源头防控,优化绿色发展整体格局"]
    assert [c.title for c in doc.clauses[2].children] == [
        "强化生态环境分区管控",
        "严把生态环境准入关",
        "推动能源绿色低碳转型",
        "加快形成绿色生活方式",
    ]


# --- PDF --------------------------------------------------------------------------------------------
def _pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text layer, written by hand."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 10 Tf 12 TL 40 760 Td " + " ".join(f"({esc(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_text_layer(tmp_path: Path, ingested: dict[str, NormalisedDocument]) -> None:
    ref = ingested["central-opinions-beautiful-china-2023-en"]
    paragraphs = [p for p in ref.original.split("\n") if p.startswith(("(1) ", "(2) "))]
    lines = [
        "Opinions of the Central Committee of the Communist Party of China and the State Council",
        "(December 27, 2023)",
        paragraphs[0][:110],
        paragraphs[1][:110],
    ]
    path = tmp_path / "beautiful-china.pdf"
    path.write_bytes(_pdf_bytes(lines))
    assert read_raw(path, Settings()).media_type == PDF
    doc = ingest_file(path)
    assert doc.encoding == "pdf-text-layer"
    assert [c.number for c in doc.clauses] == ["1", "2"]
    assert doc.clauses[0].title == "Optimize the pattern of national spatial development and protection"
    assert doc.metadata.issued == "2023-12-27" and doc.metadata.language == "en"


def test_pdf_without_text_layer_and_broken_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scanned = io.BytesIO()
    writer.write(scanned)
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned.getvalue())
    with pytest.raises(NoTextLayer) as info:
        ingest_file(path)
    assert info.value.code == "no_text_layer"
    path = tmp_path / "broken.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
    )
    with pytest.raises((MalformedFile, NoTextLayer)):
        ingest_file(path)


def test_signature_beats_a_wrong_suffix(tmp_path: Path) -> None:
    path = tmp_path / "actually-a-pdf.txt"
    path.write_bytes(_pdf_bytes(["(1) Strengthen organizational leadership."]))
    assert read_raw(path, Settings()).media_type == PDF
    path = tmp_path / "notes.txt"
    path.write_text("一、总体要求", encoding="utf-8")
    assert read_raw(path, Settings()).media_type == TEXT
