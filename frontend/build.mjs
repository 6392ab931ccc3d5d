// Builds static_build/ from GOV.UK Frontend and our Sass and JavaScript: run by `make assets`.
//
// CSS: css/site.css holds what every page needs: GOV.UK's core and the page's frame (frame.scss),
// our own styles (site.scss) and a few print rules (print.scss). frontend/stylesheets.json lists
// the rest, each linked only by the pages whose HTML uses its classes (lms/site/page_styles.py):
// "govuk", GOV.UK components (css/govuk/<name>.css); "parts", rules split off a component by the
// classes they name (a summary card's, beside the summary list's); "own", our stylesheets by
// class prefix (css/<name>.css from frontend/scss/<name>.scss). Every stylesheet keeps only the
// rules whose classes appear in our templates, Python or the script bundle (PurgeCSS), loses
// GOV.UK's print rules, the declarations it repeats for nothing and the prefixes no browser since
// 2022 needs, has GOV.UK's colours written in where they are read (withConstants), has each run
// of one media query (or @supports) packed into one where the cascade allows (packAtRules), and
// is minified (csso).
// JavaScript: js/site.js is frontend/js/site.mjs bundled with the parts of GOV.UK Frontend it
// imports (esbuild): one request, with a hashed name once collectstatic has run.
// The sizes are printed at the end; tests/site/test_front_end.py holds the budget.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { minify as csso } from "csso";
import postcss from "postcss";
import selectorParser from "postcss-selector-parser";
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
  // Every browser but the old Edge passes this test, which GOV.UK wraps round the details' styles.
  root.walkAtRules("supports", (atRule) => {
    if (atRule.params.replace(/\s/g, "") === "not(-ms-ime-align:auto)") atRule.replaceWith(atRule.nodes);
  });
  root.walkRules((rule) => {
    const trio = rule.nodes.filter((node) => node.type === "decl" && FONT_TRIO[node.prop] === node.value);
    if (trio.length === 3) for (const decl of trio) decl.remove();
    const has = (prop) => rule.nodes.some((node) => node.type === "decl" && node.prop === prop);
    for (const decl of rule.nodes.filter((node) => node.type === "decl")) {
      // Older names of what `text-decoration-skip-ink` says (every browser since 2022 reads it),
      // and prefixes beside the property every browser since then reads unprefixed.
      if (LEGACY.has(decl.prop)) decl.remove();
      else if (decl.prop === "-webkit-clip-path" && has("clip-path")) decl.remove();
      else if (decl.prop === "width" && decl.value === "-webkit-fit-content" && rule.nodes.some((node) => node.prop === "width" && node.value === "fit-content")) decl.remove();
    }
  });
  return root.toString();
}

const LEGACY = new Set(["-webkit-text-decoration-skip", "text-decoration-skip", "-webkit-text-decoration-skip-ink"]);

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

// Which classes appear together in one class attribute in our templates or Python: two rules
// whose selectors end in classes that never do cannot style the same element (see packAtRules).
const classesTogether = (() => {
  const together = new Map();
  for (const path of content) {
    for (const [, attribute] of readFileSync(path, "utf8").matchAll(/class="([^"]*)"/g)) {
      const names = attribute.split(/\s+/).filter((name) => /^[\w!-]+$/.test(name));
      for (const name of names) {
        if (!together.has(name)) together.set(name, new Set());
        for (const other of names) together.get(name).add(other);
      }
    }
  }
  return together;
})();

// A class without its modifier (govuk-button--secondary → govuk-button): a modifier goes on the
// element its base class is on, while a block's element (govuk-footer__link) is another element.
const baseOf = (name) => name.replace(/--.*$/, "");

// A selector's specificity as one number, and the classes of its last compound (the element it styles).
// The same selectors are compared again and again while packing: each is parsed once.
const described = new Map();
function describe(selector) {
  if (!described.has(selector)) described.set(selector, describeOnce(selector));
  return described.get(selector);
}

function describeOnce(selector) {
  let ids = 0;
  let classes = 0;
  let types = 0;
  const count = (nodes) => {
    for (const node of nodes) {
      if (node.type === "id") ids++;
      else if (node.type === "class" || node.type === "attribute") classes++;
      else if (node.type === "tag") types++;
      else if (node.type === "pseudo") {
        if (node.value.startsWith("::") || /^:(before|after|first-line|first-letter)$/.test(node.value)) types++;
        else if (/^:(not|is|has)$/.test(node.value)) {
          const inner = node.nodes.map((one) => describe(String(one)).specificity);
          const most = Math.max(0, ...inner);
          ids += Math.floor(most / 10000);
          classes += Math.floor(most / 100) % 100;
          types += most % 100;
        } else if (node.value !== ":where") classes++;
      }
    }
  };
  let last = [];
  selectorParser((selectors) => {
    const nodes = selectors.first.nodes;
    count(nodes);
    const combinator = nodes.findLastIndex((node) => node.type === "combinator");
    last = nodes.slice(combinator + 1).filter((node) => node.type === "class").map((node) => node.value);
  }).processSync(selector);
  return { specificity: ids * 10000 + classes * 100 + types, last };
}

// Properties that can set the same thing: the same first word for shorthands' families
// (border-top and border-color both set border-top-color), the whole name otherwise.
const FAMILIES = /^(border|margin|padding|font|background|text|outline|list|flex|grid|inset|overflow|transition|animation)(-|$)/;
// Margins and paddings by side (margin-top and margin-bottom never meet, margin meets both).
const SIDES = ["top", "right", "bottom", "left"];
const settingsOf = (property) => {
  const name = property.replace(/^-\w+-/, "");
  const box = /^(margin|padding)(?:-(top|right|bottom|left))?$/.exec(name);
  if (box) return box[2] ? [name] : SIDES.map((side) => `${box[1]}-${side}`);
  return [FAMILIES.exec(name)?.[1] ?? name];
};

function mayShareElement(one, other) {
  if (!one.last.length || !other.last.length) return true;
  return one.last.some((name) =>
    other.last.some((theirs) => baseOf(name) === baseOf(theirs) || classesTogether.get(name)?.has(theirs)),
  );
}

// Whether moving `rule` after `other` could change which declaration an element gets: both can
// style one element, set the same property with the same importance (an !important one wins
// wherever it is) and are equally specific (so the later one wins).
function wouldChangeTheCascade(rule, other) {
  const settings = (node) =>
    node.type === "decl" ? settingsOf(node.prop).map((name) => `${name}${node.important ? "!" : ""}`) : [];
  const ours = new Set(rule.nodes.flatMap(settings));
  if (!other.nodes.some((node) => settings(node).some((name) => ours.has(name)))) return false;
  const selectors = rule.selectors.map(describe);
  return other.selectors.map(describe).some((theirs) =>
    selectors.some((one) => one.specificity === theirs.specificity && mayShareElement(one, theirs)),
  );
}

// GOV.UK writes a breakpoint beside every rule it changes: `@media (min-width: 40.0625em)` comes
// sixty times in site.css, and `@supports` blocks repeat too. Each run of the same at-rule
// becomes one, in the place of the last, wherever moving a rule that far down cannot change what
// wins in the cascade (wouldChangeTheCascade against every rule it moves past); the others stay
// where they are. 2.5 KiB less on every page, and pages look the same to the pixel (checked on
// 36 screenshots of 18 pages at 412 and 1280 px).
function packAtRules(root) {
  const key = (node) => (node.type === "atrule" && /^(media|supports)$/.test(node.name) ? `${node.name} ${node.params}` : null);
  const rulesIn = (node) => {
    const rules = [];
    if (node.type === "rule") rules.push(node);
    else node.walkRules((rule) => rules.push(rule));
    return rules;
  };
  const groups = new Map();
  for (const node of root.nodes) {
    const name = key(node);
    if (name) groups.set(name, [...(groups.get(name) ?? []), node]);
  }
  for (const members of groups.values()) {
    const target = members.at(-1);
    for (const member of members.slice(0, -1).reverse()) {
      const between = [];
      for (let node = member.next(); node && node !== target; node = node.next()) between.push(...rulesIn(node));
      const moving = rulesIn(member);
      const clash = moving.flatMap((rule) => between.filter((other) => wouldChangeTheCascade(rule, other)).map((other) => [rule, other]));
      if (clash.length) {
        // PACK_DEBUG=1 node frontend/build.mjs: which rules kept an at-rule where it was.
        if (process.env.PACK_DEBUG) console.log(`kept @${member.name} ${member.params}: ${clash[0][0].selector} | ${clash[0][1].selector}`);
        continue;
      }
      target.prepend(member.nodes.map((node) => node.clone()));
      member.remove();
    }
  }
}

// GOV.UK sets its colours as custom properties on :root and reads each with `var(--govuk-…)`,
// 25 to 30 characters where the colour is 4 to 7. A property set once, on :root, and nowhere else
// (not in a component, not in our print rules) has that one value everywhere, so the build writes
// the value in its place; the computed styles are the same. Filled in once every source is
// compiled (below); the :root of css/site.css then loses each property nothing reads any more,
// unless the script reads it (`--govuk-breakpoint-${name}`).
const constants = new Map();

function customProperties(css) {
  const set = [];
  postcss.parse(css).walkDecls(/^--/, (decl) => {
    const onRoot = decl.parent.type === "rule" && decl.parent.selector === ":root" && decl.parent.parent.type === "root";
    set.push({ name: decl.prop, value: decl.value, onRoot });
  });
  return set;
}

function findConstants(allCss) {
  const settings = allCss.flatMap(customProperties);
  for (const { name, value, onRoot } of settings) {
    const times = settings.filter((setting) => setting.name === name).length;
    if (onRoot && times === 1 && !value.includes("var(")) constants.set(name, value);
  }
}

function withConstants(value) {
  return value.replace(/var\((--[\w-]+)\)/g, (whole, name) => constants.get(name) ?? whole);
}

function dropUnread(root, stillRead) {
  root.walkDecls(/^--/, (decl) => {
    if (constants.has(decl.prop) && !stillRead(decl.prop)) decl.remove();
  });
  root.walkRules((rule) => {
    if (!rule.nodes.length) rule.remove();
  });
}

function minify(css) {
  const root = postcss.parse(css);
  root.walkDecls((decl) => {
    decl.value = withConstants(withoutFallbacks(decl.value));
  });
  packAtRules(root);
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

findConstants(stylesheets.flatMap(({ sources: parts, after }) => [...parts, after]));
const built = [];
for (const { name, sources: parts, after } of stylesheets) {
  const trimmed = await Promise.all(parts.map(async (css) => trim(await purge(css))));
  built.push([name, minify([...trimmed, after].join("\n"))]);
}
// What still reads a custom property once the constants are written in: a var() left in any
// sheet, or the script (which builds the breakpoints' names from a prefix).
const script = readFileSync(join(out, "js", "site.js"), "utf8");
const scriptPrefixes = [...script.matchAll(/(--[\w-]+)\$\{/g)].map(([, prefix]) => prefix);
const stillRead = (name) =>
  built.some(([, css]) => css.includes(`var(${name})`)) || script.includes(name) || scriptPrefixes.some((prefix) => name.startsWith(prefix));
const sizes = [];
for (const [name, css] of built) {
  const root = postcss.parse(css);
  dropUnread(root, stillRead);
  const final = root.toString();
  writeFileSync(join(out, name), final);
  sizes.push([name, final.length]);
}

// The Wagtail admin's branding (lms.site's wagtail_hooks adds it to every admin page).
const admin = sass.compile(join(root, "frontend", "scss", "admin.scss"), { style: "compressed" }).css;
writeFileSync(join(out, "css", "admin.css"), admin);

cpSync(join(root, "frontend", "images"), join(out, "images"), { recursive: true });
// No stylesheet keeps a rule that uses GOV.UK's images (the crown, its icons), so none is copied:
// collectstatic's manifest would fail on a reference to a missing file.

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const scriptBytes = Object.values(bundle.metafile.outputs)[0].bytes;
console.log("Built static_build/ (uncompressed sizes):");
for (const [name, bytes] of sizes) console.log(`  ${name.padEnd(34)} ${kib(bytes).padStart(9)}`);
console.log(`  ${"js/site.js".padEnd(34)} ${kib(scriptBytes).padStart(9)}`);
console.log(`  every page links css/site.css (${kib(sizes[0][1])}) and the css/govuk/ files of the components it uses`);
