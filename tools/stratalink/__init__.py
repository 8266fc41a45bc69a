"""The host side of the Strata host link (docs/protocol.md), used by tools/strata."""
