"""A synthetic scale corpus, recombined from the real documents of corpus/documents/.

    python bench/generate.py --size 1000 --seed 7 --out DIR

Every document is built the way the real ones are: a covering notice with its 文号, issuers and date,
the title line, a preamble that cites the plans it implements by 《title》(文号), then numbered sections
and items. The items are real items of the bundled simplified-Chinese documents (their targets, unit
lists and phrasing), renumbered, with the region names of their source replaced by the new document's
region and their percentages varied. The hierarchy is known: central plans (cite the real State
Council plan and the CPC opinions), provincial plans for the 31 province-level regions (cite central
plans), and city plans for the cities of ontology/units.toml (cite their province's plan of the same
topic, and a central plan), so there are links to find between every two levels.

One provincial or city plan in six is written in traditional script (OpenCC s2t, or s2tw for the
Taiwan word variants), and one provincial plan in six in English (sentences of the English seed
translations recombined). Same seed, same size → the same bytes. Files only: a manifest.toml in the corpus format is written beside them; the
store is never touched.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "corpus" / "documents"
MANIFEST = ROOT / "corpus" / "manifest.toml"
UNITS = ROOT / "ontology" / "units.toml"

_CN_NUMERALS = "一二三四五六七八九十"
_ITEM = re.compile(r"^[(（]([一二三四五六七八九十]{1,3})[)）](.{30,})$")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)(%|％)")
_EN_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")

#: Topics: the title stem, the sections the items are spread over, and words that choose items.
TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("carbon-peak", "碳达峰实施方案", ("碳达峰", "能源", "低碳", "节能")),
    ("synergy", "减污降碳协同增效实施方案", ("协同", "污染", "减污", "生态环境")),
    ("industry", "工业领域碳达峰实施方案", ("工业", "钢铁", "产业", "制造")),
    ("energy", "能源绿色低碳转型实施方案", ("能源", "煤", "可再生", "电力", "光伏")),
    ("building", "城乡建设领域碳达峰实施方案", ("建筑", "城乡", "城镇", "住房")),
    ("transport", "交通运输领域绿色低碳发展实施方案", ("交通", "运输", "车辆", "港口")),
)
SECTIONS = ("总体要求", "主要目标", "重点任务", "重点工程", "保障措施")
EN_SECTIONS = ("General requirements", "Main objectives", "Key tasks", "Safeguards")

#: The real central documents every generated plan may cite (title, 文号).
REAL_CENTRAL = (
    ("中共中央、国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", "中发〔2021〕36号"),
    ("2030年前碳达峰行动方案", "国发〔2021〕23号"),
)
CENTRAL_ISSUERS = ("国务院", "国家发展和改革委员会", "生态环境部", "工业和信息化部", "住房和城乡建设部", "交通运输部", "国家能源局")
CENTRAL_PREFIX = {"国务院": "国发", "国家发展和改革委员会": "发改环资", "生态环境部": "环综合",
                  "工业和信息化部": "工信部节", "住房和城乡建设部": "建标", "交通运输部": "交规划",
                  "国家能源局": "国能发"}


@dataclass
class Region:
    id: str
    zh: str
    short: str
    abbr: str
    en: str
    level: str
    parent: str | None


@dataclass
class Doc:
    index: int
    level: str  # central | provincial | municipal
    region: Region | None
    topic: int
    year: int
    issuer: str
    title: str
    number: str
    script: str  # zh-Hans | zh-Hant | en
    cites: list[tuple[str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"gen-{self.index:05d}"


def load_regions() -> tuple[list[Region], dict[str, list[Region]]]:
    data = tomllib.loads(UNITS.read_text(encoding="utf-8"))
    provinces: list[Region] = []
    cities: dict[str, list[Region]] = {}
    for raw in data["region"]:
        short = (raw.get("short") or [raw["zh"]])[0]
        region = Region(raw["id"], raw["zh"], short, raw.get("abbr", short[:1]), raw.get("en", raw["id"]),
                        raw["level"], raw.get("parent"))
        if region.level in ("province", "municipality"):
            provinces.append(region)
        elif region.level == "city" and region.parent:
            cities.setdefault(region.parent, []).append(region)
    provinces.sort(key=lambda r: r.id)
    return provinces, {k: sorted(v, key=lambda r: r.id) for k, v in sorted(cities.items())}


def load_pools() -> tuple[list[str], list[str], list[str]]:
    """(items of the simplified documents, English sentences, names of the source regions)."""
    entries = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["document"]
    items: list[str] = []
    english: list[str] = []
    for entry in sorted(entries, key=lambda e: e["file"]):
        text = (MANIFEST.parent / entry["file"]).read_text(encoding="utf-8")
        if entry["script"] == "zh-Hans":
            for line in text.splitlines():
                match = _ITEM.match(line.strip())
                if match and len(match.group(2)) <= 1200:
                    items.append(match.group(2))
        elif entry["script"] == "en":
            for line in text.splitlines():
                line = line.strip()
                if line.startswith("(") and len(line) > 80:
                    body = re.sub(r"^\([^)]{1,4}\)", "", line)
                    english += [s for s in _EN_SENTENCE.split(body) if 40 <= len(s) <= 400]
    return items, english, ["三明市", "三明", "福建省", "福建", "江苏省", "江苏", "汕尾市", "汕尾"]


def localise(text: str, region: Region | None, province: Region | None, sources: list[str]) -> str:
    """Replace the source document's region names (longest first) with the new document's."""
    if region is None:
        return text
    prov = province or region
    local = region if region.level == "city" else prov
    for name in sources:
        if name.startswith(("三明", "汕尾")):
            text = text.replace(name, local.zh if name.endswith("市") else local.short)
        else:
            text = text.replace(name, prov.zh if name.endswith("省") else prov.short)
    return text


def vary(text: str, rng: random.Random) -> str:
    """Percentages moved by up to ±20 %, as targets differ from one region to the next."""
    def one(m: re.Match[str]) -> str:
        value = float(m.group(1)) * rng.uniform(0.8, 1.2)
        return f"{value:.1f}{m.group(2)}" if "." in m.group(1) or value < 10 else f"{round(value)}{m.group(2)}"
    return _PERCENT.sub(one, text)


def numeral(n: int) -> str:
    if n <= 10:
        return _CN_NUMERALS[n - 1]
    if n < 20:
        return "十" + (_CN_NUMERALS[n - 11] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return _CN_NUMERALS[tens - 1] + "十" + (_CN_NUMERALS[ones - 1] if ones else "")


def plan(size: int, rng: random.Random, provinces: list[Region], cities: dict[str, list[Region]]) -> list[Doc]:
    """Who issues what: ~2 % central, ~25 % provincial, the rest municipal, cited upward."""
    n_central = max(2, size // 50)
    n_prov = max(1, size // 4)
    docs: list[Doc] = []
    central: list[Doc] = []
    for i in range(n_central):
        topic = i % len(TOPICS)
        issuer = CENTRAL_ISSUERS[i % len(CENTRAL_ISSUERS)]
        year = 2021 + (i // len(TOPICS)) % 4
        stem = TOPICS[topic][1]
        title = "全国" + stem + ("" if i < len(TOPICS) * 4 else f"(第{i // (len(TOPICS) * 4) + 1}批)")
        number = f"{CENTRAL_PREFIX[issuer]}〔{year}〕{100 + i}号"
        d = Doc(len(docs), "central", None, topic, year, issuer, title, number, "zh-Hans", list(REAL_CENTRAL))
        docs.append(d)
        central.append(d)
    by_prov: dict[tuple[str, int], Doc] = {}
    for i in range(n_prov):
        prov = provinces[i % len(provinces)]
        topic = (i // len(provinces)) % len(TOPICS)
        round_ = i // (len(provinces) * len(TOPICS))
        year = 2022 + round_ % 3
        title = prov.zh + TOPICS[topic][1] + (f"({year}年修订)" if round_ else "")
        number = f"{prov.abbr}政发〔{year}〕{10 + i // len(provinces)}号"
        parent = next((c for c in central if c.topic == topic), central[0])
        cites = [(parent.title, parent.number), REAL_CENTRAL[1]]
        d = Doc(len(docs), "provincial", prov, topic, year, prov.zh + "人民政府", title, number, "zh-Hans", cites)
        docs.append(d)
        by_prov.setdefault((prov.id, topic), d)
    all_cities = [c for prov_id in sorted(cities) for c in cities[prov_id]]
    prov_of = {p.id: p for p in provinces}
    for i in range(size - len(docs)):
        city = all_cities[i % len(all_cities)]
        topic = (i // len(all_cities)) % len(TOPICS)
        round_ = i // (len(all_cities) * len(TOPICS))
        year = 2022 + round_ % 3
        prov = prov_of[city.parent or ""]
        title = city.zh + TOPICS[topic][1] + (f"({year}年修订)" if round_ else "")
        number = f"{city.short}政〔{year}〕{20 + i // len(all_cities)}号"
        parent_doc = by_prov.get((prov.id, topic)) or by_prov.get((prov.id, 0))
        central_doc = next((c for c in central if c.topic == topic), central[0])
        cites = ([(parent_doc.title, parent_doc.number)] if parent_doc else []) + [(central_doc.title, central_doc.number)]
        docs.append(Doc(len(docs), "municipal", city, topic, year, city.zh + "人民政府", title, number, "zh-Hans", cites))
    for d in docs:  # one in six traditional, one in six English (never the central plans)
        roll = rng.random()
        if d.level != "central" and roll < 1 / 6:
            d.script = "zh-Hant"
        elif d.level == "provincial" and roll < 2 / 6:
            d.script = "en"
    return docs


def pick_items(pool: list[str], topic: int, n: int, rng: random.Random) -> list[str]:
    words = TOPICS[topic][2]
    matching = [i for i, t in enumerate(pool) if any(w in t[:60] for w in words)]
    chosen: list[int] = []
    for _ in range(n):
        source = matching if matching and rng.random() < 0.7 else range(len(pool))
        chosen.append(rng.choice(list(source)))
    return [pool[i] for i in chosen]


def render_zh(d: Doc, items: list[str], provinces: dict[str, Region], sources: list[str], rng: random.Random) -> str:
    province = provinces.get(d.region.parent or "") if d.region else None
    date = f"{d.year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    lower = "各市、县(区)人民政府,省直各部门" if d.level == "provincial" else (
        "各县(市、区)人民政府,市直各单位" if d.level == "municipal" else "各省、自治区、直辖市人民政府,国务院各部委、各直属机构")
    cites = "、".join(f"《{t}》({n})" for t, n in d.cites)
    place = "本地区" if d.level == "central" else ("本省" if d.level == "provincial" else "本市")
    lines = [
        f"{d.issuer}关于印发《{d.title}》的通知",
        d.number,
        f"{lower}:",
        f"现将《{d.title}》印发给你们,请结合实际认真贯彻落实。",
        d.issuer,
        date,
        d.title,
        f"为深入贯彻落实{cites}精神,结合{place}实际,制定本实施方案。",
    ]
    per_section = max(1, len(items) // len(SECTIONS))
    n = 0
    for s, heading in enumerate(SECTIONS):
        chunk = items[s * per_section : (s + 1) * per_section] if s < len(SECTIONS) - 1 else items[s * per_section :]
        if not chunk:
            continue
        lines.append(f"{numeral(s + 1)}、{heading}")
        for item in chunk:
            n += 1
            lines.append(f"({numeral(n)}){vary(localise(item, d.region, province, sources), rng)}")
    return "\n".join(lines) + "\n"


def render_en(d: Doc, sentences: list[str], n_items: int, rng: random.Random) -> str:
    assert d.region is not None
    kind = TOPICS[d.topic][0].replace("-", " ")
    title = f"Implementation Plan of {d.region.en} for {kind.title()} ({d.year})"
    lines = [
        title,
        f"({d.region.en} Provincial People's Government, {d.year})",
        "In order to implement the Opinions of the CPC Central Committee and the State Council on completely, "
        "accurately and comprehensively implementing the new development concept and doing a good job in carbon "
        f"peak and carbon neutralization, and the Action Plan for Carbon Dioxide Peaking Before 2030, this plan is formulated for {d.region.en}.",
    ]
    n = 0
    per_section = max(1, n_items // len(EN_SECTIONS))
    for s, heading in enumerate(EN_SECTIONS):
        lines.append(f"{numeral(s + 1)}、{heading}")
        for _ in range(per_section):
            n += 1
            body = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 4)))
            lines.append(f"({numeral(n)}){vary(body, rng)}")
    return "\n".join(lines) + "\n"


def toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(size: int, seed: int, out: Path, items_per_doc: tuple[int, int] = (4, 8)) -> list[Path]:
    """Writes `size` documents and a manifest.toml into `out`; returns the document paths."""
    import opencc

    rng = random.Random(seed)
    provinces, cities = load_regions()
    pool, english, sources = load_pools()
    docs = plan(size, rng, provinces, cities)
    by_id = {p.id: p for p in provinces}
    converters = {"s2t": opencc.OpenCC("s2t"), "s2tw": opencc.OpenCC("s2tw")}
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents").mkdir(exist_ok=True)
    paths: list[Path] = []
    manifest = ["# A synthetic corpus made by bench/generate.py; one [[document]] per file.", ""]
    for d in docs:
        doc_rng = random.Random(f"{seed}:{d.index}")
        n_items = doc_rng.randint(*items_per_doc)
        if d.script == "en":
            text = render_en(d, english, n_items, doc_rng)
            title = text.splitlines()[0]
        else:
            items = pick_items(pool, d.topic, n_items, doc_rng)
            text = render_zh(d, items, by_id, sources, doc_rng)
            title = d.title
            if d.script == "zh-Hant":
                text = converters["s2tw" if doc_rng.random() < 0.5 else "s2t"].convert(text)
                title = text.splitlines()[6]
        region = d.region.id if d.region else "CN"
        name = f"documents/{d.index:05d}_{d.level}_{region}_{d.script}.txt"
        path = out / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
        manifest += [
            "[[document]]",
            f"id = {toml_str(d.id)}",
            f"file = {toml_str(name)}",
            f"work = {toml_str(d.id)}",
            f"title = {toml_str(title)}",
            f"language = {toml_str('en' if d.script == 'en' else 'zh')}",
            f"script = {toml_str(d.script)}",
            f"level = {toml_str(d.level)}",
            f"region = {toml_str(region)}",
            f"issuers = [{toml_str(d.issuer)}]",
            f"issued = {toml_str(str(d.year))}",
            *([f"doc_number = {toml_str(d.number)}"] if d.script != "en" else []),
            "cites = [" + ", ".join(toml_str(n) for _, n in d.cites) + "]",
            "",
        ]
    (out / "manifest.toml").write_bytes("\n".join(manifest).encode("utf-8"))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--items", type=int, nargs=2, default=(4, 8), metavar=("MIN", "MAX"),
                        help="items per simplified/traditional document")
    args = parser.parse_args(argv)
    paths = generate(args.size, args.seed, args.out, tuple(args.items))
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {total / 1e6:.2f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
