"""Read-only views over the knowledge base: profiles, timelines, networks, statistics."""
