// What a wasm module's code is made of, from its name section, without installing twiggy.
// Meant for the split build's main module before wasm-bindgen and wasm-opt, which keeps its
// function names: target/wasm-split/default/split/waymark.wasm (scripts/build-release.mjs).
// Usage: node scripts/bench/wasm-sizes.mjs <file.wasm> [crates | modules | top N | match REGEX]
//   crates   code bytes by crate (a function naming one of our modules counts as ours)
//   modules  our code by module (waymark::core::saving, …)
//   top N    the N largest functions
//   match R  how many functions, and bytes, have a name matching R (e.g. "slice::sort")
import { readFileSync } from "node:fs";

const [file, mode = "crates", arg] = process.argv.slice(2);
if (!file) throw new Error("usage: wasm-sizes.mjs <file.wasm> [crates | modules | top N | match REGEX]");
const bytes = readFileSync(file);
let at = 8; // after the magic number and version
const leb = () => {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
};
const text = (length) => bytes.toString("utf8", at, (at += length));

let importedFunctions = 0;
const codeSizes = [];
const names = new Map();
let dataBytes = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const end = leb() + at;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      text(leb());
      text(leb());
      const kind = bytes[at++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { at++; if (leb() & 1) { leb(); } leb(); }
      else if (kind === 2) { if (leb() & 1) { leb(); } leb(); }
      else at += 2; // a global: value type and mutability
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const size = leb();
      codeSizes.push(size);
      at += size;
    }
  } else if (id === 11) {
    dataBytes = end - at;
  } else if (id === 0 && text(leb()) === "name") {
    while (at < end) {
      const sub = bytes[at++];
      const subEnd = leb() + at;
      if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), text(leb()));
      at = subEnd;
    }
  }
  at = end;
}
if (names.size === 0) throw new Error(`${file} has no function names (wasm-opt and wasm-bindgen drop them)`);

// Rust's legacy mangling (_ZN 3foo 3bar 17h…E) in readable form; v0 names (_R…) keep their
// crate names readable enough for matching.
const escapes = { LT: "<", GT: ">", u20: " ", u7b: "{", u7d: "}", C: ",", RF: "&", LP: "(", RP: ")", BP: "*" };
const demangle = (name) => {
  const start = name.indexOf("_ZN");
  if (start < 0) return name;
  const parts = [];
  let i = start + 3;
  for (let m; name[i] !== "E" && (m = /^\d+/.exec(name.slice(i))); ) {
    i += m[0].length;
    parts.push(name.slice(i, (i += Number(m[0]))));
  }
  return parts
    .join("::")
    .replace(/\$(\w+?)\$/g, (all, e) => escapes[e] ?? all)
    .replace(/\.\./g, "::")
    .replace(/::h[0-9a-f]{16}$/, "");
};
const functions = codeSizes.map((size, i) => ({
  size,
  name: demangle(names.get(i + importedFunctions) ?? `function ${i + importedFunctions}`),
}));
const total = functions.reduce((sum, f) => sum + f.size, 0);
// A function counts for the first crate its name mentions other than the standard library's
// (so `<Vec<tachys::…> as Drop>::drop` is tachys's), else for core, alloc or std.
const v0Crate = (name) => {
  const m = /C[sx]?[A-Za-z0-9]*_(\d+)/.exec(name);
  return m && name.substr(m.index + m[0].length, Number(m[1]));
};
const crateOf = (name) => {
  const ours = /waymark::\w+/.exec(name)?.[0];
  if (ours) return ours;
  const crates = [...name.matchAll(/(?:^|[<\s(&*,[])_?([a-z_][a-z_0-9]*)::/g)].map((m) => m[1]);
  return crates.find((c) => !["core", "alloc", "std"].includes(c)) ?? crates[0] ?? v0Crate(name) ?? "(unnamed)";
};
const moduleOf = (name) => /waymark::\w+(::\w+)?/.exec(name)?.[0];

const pad = (n, width = 8) => String(n).padStart(width);
const percent = (n) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${total} bytes of code in ${functions.length} functions, ${dataBytes} bytes of data`);
if (mode === "top") {
  for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, Number(arg ?? 40))) {
    console.log(pad(f.size), f.name.slice(0, 200));
  }
} else if (mode === "match") {
  const re = new RegExp(arg);
  const hits = functions.filter((f) => re.test(f.name));
  const bytesOf = hits.reduce((sum, f) => sum + f.size, 0);
  console.log(`${hits.length} functions match /${arg}/: ${bytesOf} bytes (${percent(bytesOf).trim()})`);
} else {
  const group = mode === "modules" ? moduleOf : crateOf;
  const sums = new Map();
  for (const f of functions) {
    const key = group(f.name);
    if (key) sums.set(key, (sums.get(key) ?? 0) + f.size);
  }
  for (const [key, size] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(pad(size), percent(size), key);
  }
}
