// Builds static_build/ from GOV.UK Frontend and our Sass and JavaScript: run by `make assets`.
//
// CSS: css/site.css holds what every page needs: GOV.UK's core and the page's frame (frame.scss),
// our own styles (site.scss) and a few print rules (print.scss). frontend/stylesheets.json lists
// the rest, each linked only by the pages whose HTML uses its classes (lms/site/page_styles.py):
// "govuk", GOV.UK components (css/govuk/<name>.css); "parts", rules split off a component by the
// classes they name (a summary card's, beside the summary list's); "own", our stylesheets by
// class prefix (css/<name>.css from frontend/scss/<name>.scss). Every stylesheet keeps only the
// rules whose classes appear in our templates, Python or the script bundle (PurgeCSS), loses
// GOV.UK's print rules and the declarations it repeats for nothing, and is minified (csso).
// JavaScript: js/site.js is frontend/js/site.mjs bundled with the parts of GOV.UK Frontend it
// imports (esbuild): one request, with a hashed name once collectstatic has run.
// The sizes are printed at the end; tests/site/test_front_end.py holds the budget.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { minify as csso } from "csso";
import postcss from "postcss";
import { PurgeCSS } from "purgecss";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static_build");
const config = JSON.parse(readFileSync(join(root, "frontend", "stylesheets.json"), "utf8"));

rmSync(out, { recursive: true, force: true });
for (const folder of ["css/govuk", "js"]) mkdirSync(join(out, folder), { recursive: true });

// JavaScript first: the classes GOV.UK's scripts add to the page are among those the CSS keeps.
const bundle = await esbuild.build({
  entryPoints: [join(root, "frontend", "js", "site.mjs")],
  outfile: join(out, "js", "site.js"),
  bundle: true,
  format: "esm",
  minify: true,
  // GOV.UK Frontend's own syntax level: minifying must not bring in anything newer.
  target: "es2017",
  legalComments: "none",
  write: true,
  metafile: true,
});

// Where class names come from: templates, Python (form widgets, tag colours, blocks) and the
// bundle. The extractor keeps "!" for GOV.UK's override classes (govuk-!-margin-bottom-0).
const sources = [
  ...["templates", "lms", "content", "champions"].flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true })
      .filter((path) => /\.(html|py)$/.test(path) && !path.split("/").includes("__pycache__"))
      .map((path) => join(folder, path)),
  ),
  "static_build/js/site.js",
];

// A class written as a prefix and a template expression ("govuk-tag--{{ colour }}") keeps every
// class with that prefix; one completed by a block ("govuk-grid-column-{% block column %}") keeps
// the values that block is given in any template.
function dynamicClasses() {
  const texts = sources.filter((path) => path.endsWith(".html")).map((path) => readFileSync(join(root, path), "utf8"));
  const patterns = [];
  const exact = [];
  for (const text of texts) {
    for (const [, prefix, block] of text.matchAll(/(govuk-[\w!-]*-)\{[{%]\s*(?:block\s+(\w+))?/g)) {
      if (!block) {
        patterns.push(new RegExp(`^${prefix.replace(/[!-]/g, "\\$&")}`));
        continue;
      }
      const filled = new RegExp(`\\{%\\s*block\\s+${block}\\s*%\\}([\\w-]+)\\{%\\s*endblock`, "g");
      for (const other of texts) for (const [, value] of other.matchAll(filled)) exact.push(prefix + value);
    }
  }
  return { standard: [...new Set(exact), ...patterns] };
}

const safelist = dynamicClasses();
const content = sources.map((path) => join(root, path));

async function purge(css) {
  const [result] = await new PurgeCSS().purge({
    content,
    css: [{ raw: css }],
    defaultExtractor: (text) => text.match(/[\w!-]+/g) || [],
    safelist,
  });
  return result.css;
}

// GOV.UK repeats "font-family: inherit" (our setting) and the font smoothing in every class that
// sets text; all three are inherited from the body (site.scss), so they are dropped.
const FONT_TRIO = { "font-family": "inherit", "-webkit-font-smoothing": "antialiased", "-moz-osx-font-smoothing": "grayscale" };

function trim(css) {
  const root = postcss.parse(css);
  root.walkAtRules("media", (atRule) => {
    // Print rules (print.scss has ours), and a hack for Internet Explorer (`@media screen and
    // (min-width: 0\0)`, which Sass writes with U+FFFD for the NUL) that is not valid CSS.
    if (/^print$/i.test(atRule.params.trim()) || /\\0|\uFFFD/.test(atRule.params)) atRule.remove();
  });
  root.walkRules((rule) => {
    const trio = rule.nodes.filter((node) => node.type === "decl" && FONT_TRIO[node.prop] === node.value);
    if (trio.length === 3) for (const decl of trio) decl.remove();
  });
  return root.toString();
}

// Every custom property GOV.UK reads is set on :root by site.css, so the fallbacks it writes into
// each `var(--govuk-…, fallback)` never apply.
function withoutFallbacks(value) {
  let out = "";
  let rest = value;
  for (let at = rest.indexOf("var(--govuk-"); at !== -1; at = rest.indexOf("var(--govuk-")) {
    let depth = 0;
    let comma = -1;
    let end = at + 4;
    for (; end < rest.length; end++) {
      if (rest[end] === "(") depth++;
      else if (rest[end] === ")" && depth-- === 0) break;
      else if (rest[end] === "," && depth === 0 && comma === -1) comma = end;
    }
    out += rest.slice(0, at) + (comma === -1 ? rest.slice(at, end) : rest.slice(at, comma)) + ")";
    rest = rest.slice(end + 1);
  }
  return out + rest;
}

function minify(css) {
  const root = postcss.parse(css);
  root.walkDecls((decl) => {
    decl.value = withoutFallbacks(decl.value);
  });
  // csso keeps numbers as Sass wrote them (a rounded line height moves text by a pixel).
  return csso(root.toString(), { comments: false }).css;
}

const compileOptions = {
  loadPaths: [join(root, "frontend", "scss"), join(root, "node_modules")],
  style: "expanded",
  quietDeps: true,
};

const scss = (name) => sass.compile(join(root, "frontend", "scss", name), compileOptions).css;
const component = (name) =>
  sass.compileString(`@use "govuk";\n@use "govuk-frontend/dist/govuk/components/${name}/mixin";\n@include mixin.styles;\n`, compileOptions).css;

// Moves the selectors that name a class matching `pattern` out of `css`, with their declarations,
// into a sheet of their own (a rule shared with other selectors stays for those).
function splitOff(css, pattern) {
  const source = postcss.parse(css);
  const part = postcss.root();
  const names = (selector) => [...selector.matchAll(/\.((?:\\.|[\w-])+)/g)].map(([, name]) => name.replace(/\\/g, ""));
  source.walkRules((rule) => {
    const moving = rule.selectors.filter((selector) => names(selector).some((name) => pattern.test(name)));
    if (!moving.length) return;
    const moved = rule.clone({ selectors: moving });
    const parent = rule.parent;
    part.append(parent.type === "atrule" ? parent.clone({ nodes: [] }).append(moved) : moved);
    if (moving.length === rule.selectors.length) {
      rule.remove();
      if (parent.type === "atrule" && !parent.nodes.length) parent.remove();
    } else {
      rule.selectors = rule.selectors.filter((selector) => !moving.includes(selector));
    }
  });
  return [source.toString(), part.toString()];
}

// Each sheet: its sources (purged and trimmed) and what follows them as written (our print rules).
const stylesheets = [{ name: "css/site.css", sources: [scss("frame.scss"), scss("site.scss")], after: scss("print.scss") }];
for (const name of config.govuk) {
  let css = component(name);
  const parts = Object.entries(config.parts).filter(([, { of }]) => of === name);
  const split = [];
  for (const [partName, { classes }] of parts) {
    const [rest, part] = splitOff(css, new RegExp(classes));
    css = rest;
    split.push({ name: `css/govuk/${partName}.css`, sources: [part], after: "" });
  }
  stylesheets.push({ name: `css/govuk/${name}.css`, sources: [css], after: "" }, ...split);
}
for (const name of Object.keys(config.own)) stylesheets.push({ name: `css/${name}.css`, sources: [scss(`${name}.scss`)], after: "" });

const sizes = [];
for (const { name, sources: parts, after } of stylesheets) {
  const trimmed = await Promise.all(parts.map(async (css) => trim(await purge(css))));
  const css = minify([...trimmed, after].join("\n"));
  writeFileSync(join(out, name), css);
  sizes.push([name, css.length]);
}

// The Wagtail admin's branding (lms.site's wagtail_hooks adds it to every admin page).
const admin = sass.compile(join(root, "frontend", "scss", "admin.scss"), { style: "compressed" }).css;
writeFileSync(join(out, "css", "admin.css"), admin);

cpSync(join(root, "frontend", "images"), join(out, "images"), { recursive: true });
// No stylesheet keeps a rule that uses GOV.UK's images (the crown, its icons), so none is copied:
// collectstatic's manifest would fail on a reference to a missing file.

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const script = Object.values(bundle.metafile.outputs)[0].bytes;
console.log("Built static_build/ (uncompressed sizes):");
for (const [name, bytes] of sizes) console.log(`  ${name.padEnd(34)} ${kib(bytes).padStart(9)}`);
console.log(`  ${"js/site.js".padEnd(34)} ${kib(script).padStart(9)}`);
console.log(`  every page links css/site.css (${kib(sizes[0][1])}) and the css/govuk/ files of the components it uses`);
