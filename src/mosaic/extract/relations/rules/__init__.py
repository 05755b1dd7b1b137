"""One rule object per relation type (`base.RelationRule`), kept in a registry (`registry`):
Mosaic's own in `mosaic_rules`, an extension's registered in code or by entry point."""
