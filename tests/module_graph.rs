//! No file circles in `core`, `store` or `exchange`: within each folder, the files' `use`s
//! (and inline `super::…` / `crate::<folder>::…` paths) form a graph without cycles, so each
//! file can be read after the ones it depends on. A circle means two files are one module in
//! two pieces; break it by moving what both need into a file of its own (as `store/error.rs`
//! and `exchange/error.rs` did).
//!
//! Read as text, not compiled: `mod.rs`'s `pub use` lines are the folder's front door, not
//! code of its own, so they are followed to the file that defines the name; test modules
//! (`#[cfg(test)]` onwards) are left out.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const FOLDERS: [&str; 3] = ["core", "store", "exchange"];

/// The file's text without comments and without its test module.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        // A trailing comment starts at `//` after a space (a URL's `://` does not).
        let line = match line.find(" //") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every path a `use` tree names, braces expanded: `a::{b, c::D}` gives `a::b`, `a::c::D`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(&format!("{prefix}{p}")))
        .collect()
}

/// The `use` statements of some code, as (is `pub use`, tree).
fn uses(code: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = find_word(rest, "use") {
        let before = rest[..i].trim_end();
        let public = before.ends_with("pub") || before.ends_with(')');
        let after = &rest[i + 3..];
        let end = after.find(';').unwrap_or(after.len());
        out.push((public, after[..end].to_owned()));
        rest = &after[end..];
    }
    out
}

/// Where `word` stands as a whole word.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(j) = s[from..].find(word) {
        let i = from + j;
        let before = s[..i].chars().next_back();
        let after = s[i + word.len()..].chars().next();
        if !before.is_some_and(ident) && !after.is_some_and(ident) {
            return Some(i);
        }
        from = i + word.len();
    }
    None
}

/// The first segment after `super::` or `crate::<folder>::` in every path of `s`.
fn segments(s: &str, folder: &str) -> Vec<String> {
    let mut out = Vec::new();
    for prefix in ["super::".to_owned(), format!("crate::{folder}::")] {
        let mut from = 0;
        while let Some(j) = s[from..].find(&prefix) {
            let i = from + j + prefix.len();
            let seg: String = s[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '*')
                .collect();
            // `crate::core::` inside `$crate::core::` (a macro) is the same path.
            out.push(seg);
            from = i;
        }
    }
    out
}

/// The file-level graph of one folder: file stem → the stems it uses.
fn graph(folder: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(folder);
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("the folder exists") {
        let path = entry.expect("a readable entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("a readable file");
            files.insert(stem, code(&text));
        }
    }
    // Names `mod.rs` re-exports, and the file that defines each.
    let mut front_door = BTreeMap::new();
    if let Some(m) = files.get("mod") {
        for (public, tree) in uses(m) {
            for path in expand(&tree).into_iter().filter(|_| public) {
                let mut parts = path.split("::");
                if let (Some(file), Some(name)) = (parts.next(), parts.last()) {
                    let name = name.rsplit(" as ").next().unwrap_or(name);
                    front_door.insert(name.to_owned(), file.to_owned());
                }
            }
        }
    }
    let mut edges = BTreeMap::new();
    for (stem, code) in &files {
        let mut to = BTreeSet::new();
        let mut texts: Vec<String> = Vec::new();
        if stem == "mod" {
            // The front door's `pub use`s are not edges; its own code's paths are.
            let mut own = code.clone();
            for (public, tree) in uses(code) {
                if public {
                    own = own.replace(&tree, "");
                }
            }
            texts.push(own);
        } else {
            texts.push(code.clone());
            texts.extend(
                uses(code)
                    .into_iter()
                    .flat_map(|(_, t)| expand(&t))
                    .map(|p| format!(" {p}")),
            );
        }
        for text in &texts {
            for seg in segments(text, folder) {
                let target = if files.contains_key(&seg) {
                    seg
                } else if let Some(file) = front_door.get(&seg) {
                    file.clone()
                } else if seg.is_empty() || seg == "*" || seg == "super" || seg == "self" {
                    continue;
                } else {
                    "mod".to_owned()
                };
                if &target != stem {
                    to.insert(target);
                }
            }
        }
        edges.insert(stem.clone(), to);
    }
    edges
}

/// The circles of a graph: every strongly connected set of two or more files, each with one
/// path around it.
fn circles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(n) = stack.pop() {
            for m in g.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        seen
    };
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in g.keys() {
        if done.contains(n) || !reach(n).contains(n) {
            continue;
        }
        let set: Vec<String> = g
            .keys()
            .filter(|m| *m == n || (reach(n).contains(*m) && reach(m).contains(n)))
            .cloned()
            .collect();
        done.extend(set.iter().cloned());
        out.push(set);
    }
    out
}

#[test]
fn no_file_circles_in_core_store_or_exchange() {
    let mut found = Vec::new();
    for folder in FOLDERS {
        let g = graph(folder);
        for circle in circles(&g) {
            let why: Vec<String> = circle
                .iter()
                .map(|f| {
                    let inside: Vec<&String> = g[f].iter().filter(|t| circle.contains(t)).collect();
                    format!("{f} → {inside:?}")
                })
                .collect();
            found.push(format!("src/{folder}: {}", why.join("; ")));
        }
    }
    assert!(found.is_empty(), "file circles:\n{}", found.join("\n"));
}

#[test]
fn the_reader_sees_a_circle_and_follows_the_front_door() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(circles(&g), vec![vec!["a", "b", "c"]]);
    assert_eq!(
        expand("super::{a::{B, C}, d}"),
        vec!["super::a::B", "super::a::C", "super::d"]
    );
    assert_eq!(
        segments(
            "let x = crate::core::plan::Plan::new(); use super::goal;",
            "core"
        ),
        vec!["goal", "plan"]
    );
    // The real graphs are read: core's plan file uses its goal file.
    assert!(graph("core")["plan"].contains("goal"));
}
