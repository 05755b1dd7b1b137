"""The analyst's workbench: server-rendered pages with a little JavaScript, fully offline."""
