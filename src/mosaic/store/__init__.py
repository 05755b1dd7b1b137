"""The knowledge base: a repository interface, an in-memory fake and the SQL store."""
