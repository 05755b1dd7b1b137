// The API's reference page: Swagger UI (vendored) over the app's OpenAPI schema.
"use strict";

const holder = document.getElementById("swagger-ui");
window.ui = SwaggerUIBundle({
  url: holder.dataset.openapi,
  dom_id: "#swagger-ui",
  deepLinking: true,
  layout: "BaseLayout",
  presets: [SwaggerUIBundle.presets.apis],
  // "Try it out" rides on the session cookie: send the page's CSRF token with it.
  requestInterceptor: (request) => {
    request.headers["X-CSRF-Token"] = holder.dataset.csrf;
    return request;
  },
});
