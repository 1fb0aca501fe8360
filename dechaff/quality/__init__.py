"""Dataset preparation: quality signals (measure), threshold filters (decide), duplicate detection.

Measuring and deciding are kept apart (dolma's taggers vs mixer): `signals` only computes
numbers, which always land in the metadata; `filters` turns them into a drop reason from the
thresholds written in the rule files; `dedup` groups exact and near duplicates across a run.
"""
