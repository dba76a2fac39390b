"""A learned typer: from a candidate name and its context, Method, Data (dataset or benchmark),
Task, Metric or not a name at all.

The rules find candidates and say what they think of each (their sources, the type the words
around a name gave it, whether the paper proposes it); the typer reads those judgements together
with the name's shape and the words around each mention, and makes the decision. It is a
multinomial logistic regression over sparse binary features: one dictionary lookup per feature
and a sum of weight rows, cheap enough for the default pipeline.

Training data has partial labels: a corpus that annotates only datasets says of an unannotated
candidate only that it is not a dataset. Each example therefore carries the set of labels it
allows, and training minimises ``-log sum(p(y) for y in allowed)`` (see :func:`train`).

The model is trained by ``scripts/train_models.py`` (fixed seed, settings in
``extractors/typer.cfg``); its card is ``extractors/models/typer/README.md``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

__all__ = ["LABELS", "TyperModel", "train", "name_features", "DEFAULT_MODEL"]

LABELS = ("None", "Method", "Data", "Task", "Metric")
DEFAULT_MODEL = Path(__file__).parent / "models" / "typer"

_NON_WORD = re.compile(r"^[\W_]+|[\W_]+$")
_DIGITS = re.compile(r"\d+")


def _shape(word: str) -> str:
    """ "GPT-3.5" -> "X-d.d", "MiniWoB++" -> "XxXx++", "Omniglot" -> "Xx": runs collapsed."""
    out = []
    for c in word:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:12]


@lru_cache(maxsize=100_000)
def name_features(name: str) -> tuple[str, ...]:
    """What a name's own letters say: its shape, length, last word and suffix, the name itself."""
    words = name.split()
    lowered = name.lower()
    last = _NON_WORD.sub("", words[-1].lower()) if words else ""
    first = _NON_WORD.sub("", words[0].lower()) if words else ""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        case = "upper"
    elif letters and all(c.islower() for c in letters):
        case = "lower"
    elif all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        case = "title"
    else:
        case = "mixed"
    feats = [
        f"nw={min(len(words), 5)}",
        f"case={case}",
        f"shape={'_'.join(_shape(w) for w in words[:3])}",
        f"last={last}",
        f"first={first}",
        f"suf={last[-3:]}",
        f"pre={first[:3]}",
        f"name={_DIGITS.sub('0', lowered)}",
    ]
    if any(c.isdigit() for c in name):
        feats.append("digit")
    if "-" in name:
        feats.append("hyphen")
    if len(name) <= 3:
        feats.append("short")
    if len(words) == 1 and case == "title" and name.isalpha():
        feats.append("one_title_word")
    if words and words[-1].endswith("s") and len(words[-1]) > 3 and case != "upper":
        feats.append("plural_last")
    return tuple(feats)


@dataclass
class TyperModel:
    """Weights of a linear model over named binary features."""

    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (features, labels), float32
    bias: np.ndarray  # (labels,)
    settings: dict

    def probabilities(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """One row of label probabilities per example (a list of feature strings)."""
        scores = np.tile(self.bias, (len(rows), 1))
        index, weights = self.index, self.weights
        for i, feats in enumerate(rows):
            ids = [index[f] for f in feats if f in index]
            if ids:
                scores[i] += weights[ids].sum(axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def save(self, path: Path) -> None:
        """Writes ``model.json`` (labels, settings, features) and ``weights.npy`` (float16)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        features = sorted(self.index, key=self.index.__getitem__)
        meta = {"labels": list(self.labels), "settings": self.settings, "bias": [round(float(b), 5) for b in self.bias],
                "features": features}
        (path / "model.json").write_text(json.dumps(meta, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        with open(path / "weights.npy", "wb") as fh:
            np.save(fh, self.weights.astype(np.float16), allow_pickle=False)

    @classmethod
    def load(cls, path: Path) -> "TyperModel":
        path = Path(path)
        meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
        weights = np.load(path / "weights.npy", allow_pickle=False).astype(np.float32)
        features = meta["features"]
        if weights.shape != (len(features), len(meta["labels"])):
            raise ValueError(f"{path}: weights of shape {weights.shape} do not fit {len(features)} features")
        return cls(tuple(meta["labels"]), {f: i for i, f in enumerate(features)}, weights,
                   np.asarray(meta["bias"], dtype=np.float32), meta.get("settings", {}))


def train(
    rows: Sequence[Sequence[str]],
    allowed: Sequence[Iterable[str]],
    *,
    weights: Optional[Sequence[float]] = None,
    labels: tuple[str, ...] = LABELS,
    epochs: int = 40,
    learning_rate: float = 0.2,
    l2: float = 1e-4,
    min_count: int = 2,
    batch_size: int = 64,
    seed: int = 0,
) -> TyperModel:
    """Fit a linear model with partial labels by AdaGrad on minibatches.

    Parameters
    ----------
    rows : feature strings of each example.
    allowed : the labels each example may have (one label when it is known).
    weights : how much each example counts (default 1).
    min_count : features seen in fewer examples are dropped.
    seed : the only source of randomness (the order of examples in each epoch).

    >>> model = train([["a"], ["a"], ["b"], ["b"]], [["Method"], ["Method"], ["None"], ["None", "Task"]], epochs=30)
    >>> [model.labels[i] for i in model.probabilities([["a"], ["b"]]).argmax(axis=1)]
    ['Method', 'None']
    """
    counts: dict[str, int] = {}
    for feats in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    features = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(features)}
    label_index = {label: i for i, label in enumerate(labels)}
    n, k = len(rows), len(labels)
    ids = [np.asarray(sorted({index[f] for f in feats if f in index}), dtype=np.int64) for feats in rows]
    mask = np.zeros((n, k), dtype=np.float32)
    for i, options in enumerate(allowed):
        for label in options:
            mask[i, label_index[label]] = 1.0
    if (mask.sum(axis=1) == 0).any():
        raise ValueError("every example must allow at least one label")
    example_weight = np.ones(n, dtype=np.float32) if weights is None else np.asarray(weights, dtype=np.float32)
    rng = np.random.default_rng(seed)
    W = np.zeros((len(features), k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    gW = np.full_like(W, 1e-6)
    gb = np.full_like(b, 1e-6)
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            batch = order[start : start + batch_size]
            lengths = np.asarray([len(ids[i]) for i in batch])
            flat = np.concatenate([ids[i] for i in batch]) if lengths.sum() else np.zeros(0, dtype=np.int64)
            owner = np.repeat(np.arange(len(batch)), lengths)
            scores = np.tile(b, (len(batch), 1))
            np.add.at(scores, owner, W[flat])
            scores -= scores.max(axis=1, keepdims=True)
            p = np.exp(scores)
            p /= p.sum(axis=1, keepdims=True)
            q = p * mask[batch]
            q /= q.sum(axis=1, keepdims=True)
            delta = (p - q) * example_weight[batch, None] / len(batch)  # d loss / d scores
            grad = np.zeros_like(W)
            np.add.at(grad, flat, delta[owner])
            touched = np.unique(flat)
            grad[touched] += l2 * W[touched]
            gW[touched] += grad[touched] ** 2
            W[touched] -= learning_rate * grad[touched] / np.sqrt(gW[touched])
            grad_b = delta.sum(axis=0)
            gb += grad_b ** 2
            b -= learning_rate * grad_b / np.sqrt(gb)
    settings = dict(epochs=epochs, learning_rate=learning_rate, l2=l2, min_count=min_count, batch_size=batch_size,
                    seed=seed, examples=n)
    return TyperModel(labels, index, W, b, settings)


class EntityTyper:
    """Types names with a :class:`TyperModel`: the most probable kind other than "None" (the
    typer only types names the rules found; it does not drop or add any, which did not pay in
    cross-validation: see the model card)."""

    def __init__(self, model: TyperModel):
        self.model = model
        self._kinds = [i for i, label in enumerate(model.labels) if label != "None"]
        self._labels = [model.labels[i] for i in self._kinds]
        # Each feature's weights for the kinds (the "None" column is never chosen here), as plain
        # tuples: summing a few dozen in Python costs less than one numpy call on a handful of rows.
        table = model.weights[:, self._kinds].tolist()
        self._table = {f: tuple(table[i]) for f, i in model.index.items()}
        self._bias = tuple(float(b) for b in model.bias[self._kinds])

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> "EntityTyper":
        return cls(TyperModel.load(path))

    def decide(self, rows: Sequence[Sequence[str]], rule_verdicts: Sequence[str], entities: Sequence = ()) -> list[str]:
        """The most probable kind of each row: the argmax of the scores (no softmax needed)."""
        table, labels, width = self._table, self._labels, len(self._labels)
        kinds = []
        for feats in rows:
            scores = list(self._bias)
            for f in feats:
                w = table.get(f)
                if w is not None:
                    for k in range(width):
                        scores[k] += w[k]
            kinds.append(labels[scores.index(max(scores))])
        return kinds


class RecordingTyper:
    """Passes decisions to ``inner`` (or keeps the rules' when there is none) and records every
    entity's features, rule verdict, surfaces and mention offsets: what training reads. The
    pipeline asks once per Doc, so :meth:`take` returns one list of entity records per Doc, in
    the order the Docs went through."""

    def __init__(self, inner: Optional[EntityTyper] = None):
        self.inner = inner
        self.docs: list[list[dict]] = []

    def decide(self, rows, rule_verdicts, entities=()) -> list[str]:
        verdicts = self.inner.decide(rows, rule_verdicts, entities) if self.inner else list(rule_verdicts)
        self.docs.append([
            {"features": list(row), "rule": rule, "verdict": verdict, "surfaces": list(surfaces),
             "mentions": [list(m) for m in mentions]}
            for row, rule, verdict, (surfaces, mentions) in zip(rows, rule_verdicts, verdicts, entities)
        ])
        return verdicts

    def take(self) -> list[list[dict]]:
        docs, self.docs = self.docs, []
        return docs
