"""Put the web app on the API's FastAPI app: static files, pages, HTML error pages, API docs."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from mosaic.web import (
    audit_pages,
    login_pages,
    marking_pages,
    pages,
    record_pages,
    review_pages,
    sharing_pages,
    visual_pages,
)
from mosaic.web.render import HERE, error_page, page


def install_web(app: FastAPI) -> FastAPI:
    """Pages at /, assets at /static (everything served from the package, nothing remote).

    Returns `app`: `install_web(create_app(...))` is the workbench `mosaic serve` runs.
    """
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.state.render_error = error_page
    app.state.render_login = login_pages.login_page
    routers = (login_pages, pages, record_pages, visual_pages, review_pages)
    for module in (*routers, marking_pages, sharing_pages, audit_pages):
        app.include_router(module.router)

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> HTMLResponse:
        """Swagger UI from the vendored copy (FastAPI's own page loads it from a CDN)."""
        return page(request, "api_docs.html", title="API", openapi_url=app.openapi_url)

    return app
