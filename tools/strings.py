#!/usr/bin/env python3
"""Edit the portal's resources: src/TongkuangAlliance.Web/Resources/SharedResource.{zh-CN,en}.resx.

  tools/strings.py add KEY "中文" "English"     add or replace one key in both files
  tools/strings.py add-tsv FILE                 add or replace many: lines of KEY<TAB>中文<TAB>English
  tools/strings.py missing                      keys used in src/ (L["…"], l["…"], ErrorMessage/Name = "…") absent from a file

Writes are serialised with a lock file so that several people (or helpers) can add keys at once.
"""
import fcntl, os, re, sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "src", "TongkuangAlliance.Web", "Resources")
FILES = {"zh": os.path.join(RES, "SharedResource.zh-CN.resx"), "en": os.path.join(RES, "SharedResource.en.resx")}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def read(path):
    if not os.path.exists(path):
        return {}
    tree = ET.parse(path)
    return {d.get("name"): (d.findtext("value") or "") for d in tree.getroot().findall("data")}

def write(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write("</root>\n")

def add(pairs):
    os.makedirs(RES, exist_ok=True)
    with open(os.path.join(RES, ".strings.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        zh, en = read(FILES["zh"]), read(FILES["en"])
        for key, z, e in pairs:
            zh[key], en[key] = z, e
        write(FILES["zh"], zh)
        write(FILES["en"], en)

USE = re.compile(r'''(?:\bL|\bl|Localizer)\[\s*"([A-Za-z0-9_.\-]+)"|(?:ErrorMessage|Name)\s*=\s*"([A-Z][A-Za-z0-9_]*\.[A-Za-z0-9_.\-]+)"|DomainException\(\s*"([A-Za-z0-9_.\-]+)"''')

def missing():
    zh, en = read(FILES["zh"]), read(FILES["en"])
    found = {}
    for base, _, names in os.walk(os.path.join(ROOT, "src")):
        if "/bin" in base or "/obj" in base:
            continue
        for n in names:
            if n.endswith((".cs", ".cshtml")):
                p = os.path.join(base, n)
                for m in USE.finditer(open(p, encoding="utf-8").read()):
                    key = next(g for g in m.groups() if g)
                    if key.endswith("."):
                        continue  # a prefix completed at run time, e.g. "Role." + role
                    found.setdefault(key, p)
    bad = 0
    for key, where in sorted(found.items()):
        lacks = [lang for lang, d in (("zh-CN", zh), ("en", en)) if key not in d]
        if lacks:
            bad += 1
            print(f"{key}\t{'/'.join(lacks)}\t{os.path.relpath(where, ROOT)}")
    for key in sorted(set(zh) ^ set(en)):
        bad += 1
        print(f"{key}\tonly in one file")
    return bad

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "add" and len(sys.argv) == 5:
        add([tuple(sys.argv[2:5])])
    elif cmd == "add-tsv" and len(sys.argv) == 3:
        rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8") if l.strip() and not l.startswith("#")]
        for r in rows:
            if len(r) != 3:
                sys.exit(f"not KEY<TAB>zh<TAB>en: {r}")
        add(rows)
    elif cmd == "missing":
        sys.exit(1 if missing() else 0)
    else:
        sys.exit(__doc__)
