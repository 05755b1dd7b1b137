"""The HTTP entrypoint: a JSON API over the knowledge base, and the web app beside it."""
