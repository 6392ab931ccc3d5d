// Progressive enhancement only: every page works without this file. frontend/build.mjs bundles it
// with the parts of GOV.UK Frontend it imports into one file (static_build/js/site.js), so a page
// makes one request for its script, by a name that changes with its content.
import {
  Button,
  Checkboxes,
  createAll,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink,
} from "govuk-frontend";

// The components our templates use (each `data-module="govuk-…"`; tests/site/test_front_end.py
// checks that none is missing). GOV.UK styles enhanced components only when this class is present.
// It is set here, not in an inline script, so that the Content-Security-Policy can forbid inline
// scripts; the menu's first layout does not wait for it (site.scss).
const COMPONENTS = [
  Button,
  Checkboxes,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink,
];

document.body.classList.add("js-enabled", "govuk-frontend-supported");
for (const Component of COMPONENTS) {
  createAll(Component);
}
