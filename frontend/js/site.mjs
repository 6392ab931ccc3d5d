// Progressive enhancement only: every page works without this file.
import { initAll } from "./govuk-frontend.min.js";

// GOV.UK Frontend styles enhanced components only when this class is present. It is set here,
// not in an inline script, so that the Content-Security-Policy can forbid inline scripts.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
