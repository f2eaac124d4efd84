/* Starts Swagger UI (from the swagger-ui-bundle package, served locally) on the desk's OpenAPI document. */
(function () {
  "use strict";
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null });
})();
