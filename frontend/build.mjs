// Builds static_build/ from GOV.UK Frontend and our Sass: run by `make assets`.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static_build");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });

const css = sass.compile(join(root, "frontend", "scss", "site.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "css", "site.css"), css.css);
// The Wagtail admin's branding (lms.site's wagtail_hooks adds it to every admin page).
const adminCss = sass.compile(join(root, "frontend", "scss", "admin.scss"), { style: "compressed" });
writeFileSync(join(out, "css", "admin.css"), adminCss.css);

cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "js", "govuk-frontend.min.js"));
cpSync(join(root, "frontend", "js", "site.mjs"), join(out, "js", "site.mjs"));
cpSync(join(root, "frontend", "images"), join(out, "images"), { recursive: true });
// GOV.UK Frontend's CSS refers to its images; they must exist for collectstatic's manifest even
// though our templates show none of them (no crown, no GOV.UK icons).
cpSync(join(govuk, "assets", "images"), join(out, "govuk", "assets", "images"), { recursive: true });
console.log("Built static_build/ (css/site.css, css/admin.css, js/site.mjs, js/govuk-frontend.min.js)");
