#!/usr/bin/env python3
"""Writes the UNHRDB paragraph set as text files, one per document, for treaty-bench.

  python3 paragraph_set_to_text.py PARAGRAPH_SET_DIR OUT_DIR

PARAGRAPH_SET_DIR is ../shared/corpus/unhrdb-treaty-body-paragraphs (general-comments/ and
jurisprudence/: JSON arrays of {"ID", "Section"?, "Text"}). Each document becomes OUT_DIR/<name>.txt
(flat, as index_fts5.py reads only the top level): its symbol when known, then each section
heading once and each paragraph as "<ID> <Text>", blank lines between, so the indexer cites
the printed numbers ("2.1", "8.3") as it does in the UN's own files.

The set is licensed CC BY-NC-SA 4.0: the output is for benchmarks only, outside the repository,
and must never be shipped or committed.
"""
import csv
import json
import os
import sys


def symbols(root):
    known = {}
    info = os.path.join(root, "general-comments", "_GC-info.json")
    if os.path.exists(info):
        with open(info, encoding="utf-8") as f:
            data = json.load(f)
        items = data.items() if isinstance(data, dict) else enumerate(data)
        for key, value in items:
            if isinstance(value, dict) and value.get("Signature"):
                name = value.get("File PATH") or value.get("File") or key
                known[os.path.splitext(os.path.basename(str(name)))[0]] = value["Signature"]
    index = os.path.join(root, "jurisprudence", "_index.tsv")
    if os.path.exists(index):
        with open(index, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row.get("symbol_guess"):
                    known[os.path.splitext(row["doc_id"])[0]] = row["symbol_guess"]
    return known


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    known = symbols(root)
    documents = paragraphs = size = 0
    for folder in ("general-comments", "jurisprudence"):
        base = os.path.join(root, folder)
        for name in sorted(os.listdir(base)):
            if not name.endswith(".json") or name.startswith("_"):
                continue
            with open(os.path.join(base, name), encoding="utf-8") as f:
                items = json.load(f)
            if not isinstance(items, list):
                continue
            stem = os.path.splitext(name)[0]
            lines = []
            if stem in known:
                lines.append(known[stem])
            section = None
            for item in items:
                if not isinstance(item, dict) or not str(item.get("Text", "")).strip():
                    continue
                if item.get("Section") and item["Section"] != section:
                    section = item["Section"]
                    lines.append(section)
                number = str(item.get("ID", "")).strip()
                if number and number.replace(".", "").isdigit() and not number.endswith("."):
                    number += "."  # "12" -> "12.", as UN documents print it
                text = " ".join(str(item["Text"]).split())
                lines.append((number + " " + text) if number else text)
                paragraphs += 1
            body = "\n\n".join(lines) + "\n"
            with open(os.path.join(out, stem + ".txt"), "w", encoding="utf-8") as f:
                f.write(body)
            documents += 1
            size += len(body.encode("utf-8"))
    print("wrote %d documents, %d paragraphs, %d bytes to %s" % (documents, paragraphs, size, out))


if __name__ == "__main__":
    main()
