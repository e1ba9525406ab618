"""Structure of a scraped news page: rubric, title, lead, captions, body, related, boilerplate."""

from chronik.structure.cues import StructureCues
from chronik.structure.fingerprints import Fingerprints, learn_fingerprints
from chronik.structure.segment import Segmentation, segment

__all__ = ["Fingerprints", "Segmentation", "StructureCues", "learn_fingerprints", "segment"]
