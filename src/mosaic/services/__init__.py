"""Use cases: ingest, query, review. Each takes its ports (repository, extractor) as arguments."""
