#!/usr/bin/env python3
"""Resolve a git merge conflict in the resource files by taking the union of both sides' keys.
When both sides define a key differently, "ours" wins and the key is printed so a person can check it.
  tools/merge-resx.py            (during a conflicted merge)
"""
import os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import strings  # noqa: E402
import xml.etree.ElementTree as ET

def side(stage, path):
    text = subprocess.run(["git", "show", f":{stage}:{path}"], capture_output=True, text=True).stdout
    if not text:
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.fromstring(text).findall("data")}

root = strings.ROOT
for lang, full in strings.FILES.items():
    rel = os.path.relpath(full, root)
    ours, theirs = side(2, rel), side(3, rel)
    if not ours and not theirs:
        continue
    merged = dict(theirs)
    for k, v in ours.items():
        if k in theirs and theirs[k] != v:
            print(f"{lang}: {k}: kept ours {v!r} over {theirs[k]!r}")
        merged[k] = v
    strings.write(full, merged)
    subprocess.run(["git", "add", rel], check=True)
