"""One rule object per event type (`base.EventRule`), kept in a registry (`registry`):
Mosaic's own in `mosaic_rules`, an extension's registered in code or by entry point."""
