"""Put the web app on the API's FastAPI app: static files, pages and HTML error pages."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from mosaic.web import login_pages, pages, record_pages, review_pages, visual_pages
from mosaic.web.render import HERE, error_page


def install_web(app: FastAPI) -> FastAPI:
    """Pages at /, assets at /static (everything served from the package, nothing remote).

    Returns `app`: `install_web(create_app(...))` is the workbench `mosaic serve` runs.
    """
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.state.render_error = error_page
    app.state.render_login = login_pages.login_page
    for module in (login_pages, pages, record_pages, visual_pages, review_pages):
        app.include_router(module.router)
    return app
