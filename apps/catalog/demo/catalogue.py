"""The data generate.py expands, read from the files beside this module: the Demo Outfitters
product families as a small text table (families.md), the pools of shopper-facing sentences the
descriptions are assembled from (copy.json) and the fictional customer names of the demo orders
(customer_names.json).

families.md holds one block per family, blocks separated by blank lines; "## <Type>" starts a
product type:

    Name | audience | price | colours | flags
    Pitch: one or more lines of shopper-facing copy.
    + feature; feature; feature
    = Attribute: value; Attribute: value

audience: M, W, MW (one men's and one women's product), U (unisex or gear), K (kids).
colours: keys of generate.COLOURS separated by spaces, or "-" for none.
flags, separated by spaces:
  flagship   named in the help pages (apps/knowledge/demo/*.md); prices and facts match them
  new, soldout, draft, spec (links a PDF spec sheet), shell (Cascade-type waterproof shell)
  sale:<pct>, outlet:<pct> (Outlet price ending in .97, final sale)
  tall, wide, half   extra footwear/apparel sizes (men's Tall, wide width, half sizes)
  hazmat     fuel and bear spray: UPS Ground within the contiguous US only, final sale
  vendor:<Brand_Name>   a partner brand (underscores become spaces)
  opt:<Name>=<v>,<v>+<delta>,<v>=<price>   own variant axis instead of the default sizes
  rain, winter, running, climbing, travel   extra collections; #tag   an extra tag
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def _json(name: str) -> Any:
    return json.loads((_HERE / name).read_text(encoding="utf-8"))


FAMILIES = (_HERE / "families.md").read_text(encoding="utf-8")

_COPY = _json("copy.json")
USES: dict[str, tuple[str, ...]] = {kind: tuple(lines) for kind, lines in _COPY["uses"].items()}
MATERIAL_LINES: tuple[str, ...] = tuple(_COPY["material_lines"])
WEIGHT_LINES: tuple[str, ...] = tuple(_COPY["weight_lines"])
FEATURE_LEADS: tuple[str, ...] = tuple(_COPY["feature_leads"])
FIT_NOTES: dict[str, tuple[str, ...]] = {
    audience: tuple(notes) for audience, notes in _COPY["fit_notes"].items()
}
WARRANTY: dict[str, str] = _COPY["warranty"]
CARE: dict[str, str] = _COPY["care"]

_NAMES = _json("customer_names.json")
FIRST_NAMES: tuple[str, ...] = tuple(_NAMES["first"])
LAST_NAMES: tuple[str, ...] = tuple(_NAMES["last"])
