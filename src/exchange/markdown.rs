//! The whole plan as Markdown, to read, print or paste. Every piece of user text is escaped so
//! that whatever markup it holds (`# `, `*`, `[link](…)`, `<script>`) shows as the characters
//! typed and never becomes structure, links or HTML.

use super::audience::{cut_for, Audience};
use super::format::{slug, ExportedFile};
use crate::core::checkin::CheckIn;
use crate::core::goal::{Goal, GoalStatus, Priority, Serves};
use crate::core::history::history;
use crate::core::progress::latest_measurement;
use crate::core::schedule::Cadence;
use crate::core::Plan;
use chrono::{DateTime, Utc};
use std::fmt::Write;

pub const MEDIA_TYPE: &str = "text/markdown; charset=utf-8";

/// Escapes one line of user text so that it shows as typed, wherever it lands (inline, or at
/// the start of a line of a paragraph): a backslash goes only where CommonMark (or GitHub's
/// tables and strikethrough) could read markup, so "Maya: from teaching", "2026-11-29" and
/// "(8 years)" stay as they are. Line breaks become spaces; other control characters go.
///
/// Always escaped: `\` `` ` `` `*` `[` `]` `<` `>` `&` `~` `|` (code, emphasis, links, images,
/// HTML, entities, strikethrough, tables). `_` unless inside a word (where it cannot emphasise).
/// `#` at the start or after a space (a heading, or a heading's closing `#`s). `(` after `]`.
/// `:` after a URL-scheme-like word and before a non-space (`javascript:`, `https://`: no
/// autolink). At the start of the text: `-` `+` `=` before a space, the end or itself (list item, thematic break,
/// heading underline), and the `.` or `)` of a leading number (ordered list).
pub fn escape_inline(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter_map(|c| match c {
            '\r' => None,
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let chars: Vec<char> = clean.trim().chars().collect();
    let mut out = String::with_capacity(chars.len() + 8);
    let at = |i: usize| chars.get(i).copied();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // A leading number followed by `.` or `)`: the position of that `.` or `)`.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let list_number = (1..=9).contains(&digits)
        && matches!(at(digits), Some('.' | ')'))
        && at(digits + 1).is_none_or(char::is_whitespace);
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '&' | '~' | '|' => true,
            '_' => !(i > 0 && word(at(i - 1)) && word(at(i + 1))),
            '#' => i == 0 || at(i - 1).is_some_and(char::is_whitespace),
            ':' => scheme_before(&chars[..i]) && at(i + 1).is_some_and(|n| !n.is_whitespace()),
            '-' | '+' | '=' => i == 0 && at(1).is_none_or(|n| n.is_whitespace() || n == c),
            '.' | ')' => list_number && i == digits,
            // Never `](` in the text, even escaped: nothing that reads as a link's target.
            '(' => i > 0 && at(i - 1) == Some(']'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// True when `before` ends in something shaped like a URL scheme: a letter, then letters,
/// digits, `+`, `-` or `.`.
fn scheme_before(before: &[char]) -> bool {
    let run = before
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        .count();
    run > 0 && before[before.len() - run].is_ascii_alphabetic()
}

/// Escapes multi-line user text as paragraphs: each line escaped, line breaks kept as hard
/// breaks, blank lines as paragraph breaks, leading spaces dropped (they would make code).
pub fn escape_block(s: &str) -> String {
    let paragraphs: Vec<String> = s
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| {
            p.lines()
                .map(escape_inline)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\\\n")
        })
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

fn status(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Active => "active",
        GoalStatus::Paused => "paused",
        GoalStatus::Achieved => "achieved",
        GoalStatus::Dropped => "dropped",
    }
}

fn priority(p: Priority) -> &'static str {
    match p {
        Priority::High => "high",
        Priority::Medium => "medium",
        Priority::Low => "low",
    }
}

/// Renders the plan as given. Deleted records are left out; private journal entries in it are
/// marked. `export_markdown` cuts the plan for its audience first (no private entries but the
/// person's own copy's).
pub fn plan_markdown(plan: &Plan, now: DateTime<Utc>) -> String {
    let mut md = String::new();
    let e = escape_inline;
    let _ = writeln!(md, "# {}\n", e(&plan.title));
    let _ = writeln!(md, "Exported from Waymark on {}.\n", now.format("%Y-%m-%d"));

    if let Some(p) = plan.live_profile() {
        md.push_str("## Profile\n\n");
        if let Some(n) = p.name.as_deref().filter(|n| !n.trim().is_empty()) {
            let _ = writeln!(md, "- **Name:** {}", e(n));
        }
        if !p.current_role.trim().is_empty() {
            let _ = writeln!(md, "- **Current role:** {}", e(&p.current_role));
        }
        if !p.values.is_empty() {
            let v: Vec<String> = p.values.iter().map(|x| e(x)).collect();
            let _ = writeln!(md, "- **Values:** {}", v.join(", "));
        }
        if !p.strengths.is_empty() {
            let v: Vec<String> = p.strengths.iter().map(|x| e(x)).collect();
            let _ = writeln!(md, "- **Strengths:** {}", v.join(", "));
        }
        md.push('\n');
        if !p.vision.trim().is_empty() {
            let _ = writeln!(md, "### Vision\n\n{}\n", escape_block(&p.vision));
        }
    }

    let goals = plan.live_goals();
    assessment(&mut md, plan);
    interests(&mut md, plan);
    if !goals.is_empty() {
        md.push_str("## Goals\n\n");
        for (i, g) in goals.iter().enumerate() {
            goal(&mut md, plan, g, i + 1);
        }
    }
    let loose: Vec<_> = plan
        .actions
        .iter()
        .filter(|a| a.meta.is_live() && a.fields.goal_id.is_none())
        .collect();
    if !loose.is_empty() {
        md.push_str("## Actions for the whole plan\n\n");
        for a in loose {
            action_line(&mut md, a);
        }
        md.push('\n');
    }

    if let Some(s) = plan.live_schedule() {
        md.push_str("## Check-in schedule\n\n");
        let when = match s.cadence {
            Cadence::Weeks { weeks: 1, weekday } => format!("Every week on {weekday}"),
            Cadence::Weeks { weeks, weekday } => format!("Every {weeks} weeks on {weekday}"),
            Cadence::Monthly { day } => {
                format!("Every month on day {day} (or the month's last day)")
            }
        };
        let _ = writeln!(md, "{when}, starting {}\\.\n", s.starts_on);
    }

    let checkins: Vec<&CheckIn> = plan.checkins.iter().filter(|c| c.meta.is_live()).collect();
    if !checkins.is_empty() {
        md.push_str("## Check-ins\n\n");
        for c in checkins {
            let _ = writeln!(
                md,
                "### {} — confidence {}/10, mood {}/5\n",
                c.date, c.confidence, c.mood
            );
            for entry in &c.entries {
                let title = plan
                    .goal(entry.goal_id)
                    .map(|g| e(&g.fields.title))
                    .unwrap_or_else(|| "A goal".to_owned());
                let _ = writeln!(md, "- **{title}**");
                for (label, text) in [
                    ("Progress", &entry.progress_note),
                    ("Blockers", &entry.blockers),
                    ("Next steps", &entry.next_steps),
                ] {
                    if !text.trim().is_empty() {
                        let _ = writeln!(md, "  - {label}: {}", e(text));
                    }
                }
            }
            md.push('\n');
        }
    }

    grow_notes(&mut md, plan);

    let reviews: Vec<_> = plan.reviews.iter().filter(|r| r.meta.is_live()).collect();
    if !reviews.is_empty() {
        md.push_str("## Progress reviews\n\n");
        for r in reviews {
            let f = &r.fields;
            let _ = writeln!(md, "### {} to {}\n", f.from, f.to);
            if !f.went_well.trim().is_empty() {
                let _ = writeln!(md, "**What went well**\n\n{}\n", escape_block(&f.went_well));
            }
            if !f.to_change.trim().is_empty() {
                let _ = writeln!(md, "**What to change**\n\n{}\n", escape_block(&f.to_change));
            }
        }
    }

    let journal: Vec<_> = plan
        .reflections
        .iter()
        .filter(|r| r.meta.is_live())
        .collect();
    if !journal.is_empty() {
        md.push_str("## Journal\n\n");
        for r in journal {
            let f = &r.fields;
            let private = if f.private { " (private)" } else { "" };
            let _ = writeln!(
                md,
                "### {}{private}\n",
                r.meta.created_at.format("%Y-%m-%d")
            );
            if let Some(p) = f.prompt.as_deref().filter(|p| !p.trim().is_empty()) {
                let _ = writeln!(md, "*{}*\n", e(p));
            }
            let _ = writeln!(md, "{}\n", escape_block(&f.text));
            if !f.tags.is_empty() {
                let tags: Vec<String> = f.tags.iter().map(|t| e(t)).collect();
                let _ = writeln!(md, "Tags: {}\n", tags.join(", "));
            }
        }
    }

    let changes = history(&plan.adaptations);
    if !changes.is_empty() {
        md.push_str("## History\n\n");
        for a in changes {
            let _ = writeln!(
                md,
                "- {}: {} → {} — {}",
                a.meta.created_at.format("%Y-%m-%d"),
                e(&a.before),
                e(&a.after),
                e(&a.reason)
            );
        }
        md.push('\n');
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

fn goal(md: &mut String, plan: &Plan, g: &Goal, n: usize) {
    let e = escape_inline;
    let f = &g.fields;
    let _ = writeln!(
        md,
        "### {n}. {} ({}, {} priority)\n",
        e(&f.title),
        status(g.status),
        priority(f.priority)
    );
    let mut facts = Vec::new();
    if !f.why.trim().is_empty() {
        facts.push(format!("**Why:** {}", e(&f.why)));
    }
    if !f.description.trim().is_empty() {
        facts.push(format!("**Specific:** {}", e(&f.description)));
    }
    if let Some(c) = f.confidence {
        facts.push(format!("**Confidence:** {c}/10"));
    }
    if !f.support.trim().is_empty() {
        facts.push(format!("**Support needed:** {}", e(&f.support)));
    }
    if !f.serves.is_empty() {
        let serves: Vec<String> = f
            .serves
            .iter()
            .map(|s| match s {
                Serves::Vision => "the vision".to_owned(),
                Serves::Value(v) => e(v),
            })
            .collect();
        facts.push(format!("**Serves:** {}", serves.join(", ")));
    }
    let target = f
        .target_date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "no target date".to_owned());
    facts.push(format!("**Dates:** {} to {target}", f.start_date));
    for fact in facts {
        let _ = writeln!(md, "- {fact}");
    }
    md.push('\n');
    woop(md, plan, g);

    let kpis: Vec<_> = plan.kpis_of(g.meta.id).collect();
    if !kpis.is_empty() {
        md.push_str("#### KPIs\n\n");
        for k in kpis {
            let kf = &k.fields;
            let latest = latest_measurement(plan, k.meta.id)
                .map(|m| format!("; latest {} on {}", m.value, m.at.format("%Y-%m-%d")))
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "- {}: from {} to {} {}{latest}",
                e(&kf.name),
                kf.baseline,
                kf.target,
                e(&kf.unit)
            );
        }
        md.push('\n');
    }
    let milestones = plan.milestones_of(g.meta.id);
    if !milestones.is_empty() {
        md.push_str("#### Milestones\n\n");
        for m in milestones {
            let mark = if m.is_done() { "x" } else { " " };
            let _ = writeln!(
                md,
                "- \\[{mark}\\] {} (due {})",
                e(&m.fields.title),
                m.fields.due
            );
        }
        md.push('\n');
    }
    let actions: Vec<_> = plan.actions_of(g.meta.id).collect();
    if !actions.is_empty() {
        md.push_str("#### Actions\n\n");
        for a in actions {
            action_line(md, a);
        }
        md.push('\n');
    }
}

/// The goal's WOOP, its empty answers left out.
fn woop(md: &mut String, plan: &Plan, g: &Goal) {
    let e = escape_inline;
    let Some(w) = plan.woop_of(g.meta.id) else {
        return;
    };
    let f = &w.fields;
    md.push_str("#### WOOP\n\n");
    for (label, text) in [
        ("Wish", &f.wish),
        ("Best outcome", &f.outcome),
        ("Obstacle", &f.obstacle),
    ] {
        if !text.trim().is_empty() {
            let _ = writeln!(md, "- **{label}:** {}", e(text));
        }
    }
    match f.if_then() {
        Some(it) => {
            let _ = writeln!(
                md,
                "- **Plan:** If {}, then I will {}\\.",
                e(&it.when),
                e(&it.then)
            );
        }
        None if !f.plan.trim().is_empty() => {
            let _ = writeln!(md, "- **Plan:** {}", e(&f.plan));
        }
        None => {}
    }
    md.push('\n');
}

/// The GROW session notes, newest first: goal, reality, options (the chosen one marked) and
/// the way forward with its dates.
fn grow_notes(md: &mut String, plan: &Plan) {
    let e = escape_inline;
    let notes = plan.grow_notes_newest_first();
    if notes.is_empty() {
        return;
    }
    md.push_str("## Session notes (GROW)\n\n");
    for n in notes {
        let f = &n.fields;
        let by = match n.author {
            crate::core::Author::Coach => "coach",
            crate::core::Author::Client => "client",
        };
        let _ = writeln!(md, "### {} (written by the {by})\n", f.held_on);
        if let Some(g) = f.goal_id.and_then(|g| plan.goal(g)) {
            let _ = writeln!(md, "About the goal: {}\n", e(&g.fields.title));
        }
        if !f.session_goal.trim().is_empty() {
            let _ = writeln!(md, "**Goal of the session:** {}\n", e(&f.session_goal));
        }
        if !f.reality.trim().is_empty() {
            let _ = writeln!(md, "**Reality**\n\n{}\n", escape_block(&f.reality));
        }
        if !f.options.is_empty() {
            md.push_str("**Options**\n\n");
            for (i, o) in f.options.iter().enumerate() {
                let chosen = if f.chosen == Some(i as u32) {
                    " (chosen)"
                } else {
                    ""
                };
                let _ = writeln!(md, "- {}{chosen}", e(o));
            }
            md.push('\n');
        }
        if !f.way_forward.is_empty() {
            md.push_str("**Way forward**\n\n");
            for s in &f.way_forward {
                let due = s.due.map(|d| format!(" (by {d})")).unwrap_or_default();
                let _ = writeln!(md, "- {}{due}", e(&s.what));
            }
            md.push('\n');
        }
    }
}

fn action_line(md: &mut String, a: &crate::core::action::Action) {
    let e = escape_inline;
    let f = &a.fields;
    let mark = if a.done_at.is_some() { "x" } else { " " };
    let due = f.due.map(|d| format!(", due {d}")).unwrap_or_default();
    let _ = write!(
        md,
        "- \\[{mark}\\] {} (impact {}/5, effort {}/5{due})",
        e(&f.title),
        f.impact,
        f.effort
    );
    if let Some(p) = &f.if_then {
        let _ = write!(md, " — if {}, then I will {}", e(&p.when), e(&p.then));
    }
    md.push('\n');
}

/// The plan as a Markdown download for `audience` (`audience::cut_for`): `<title>.md`.
pub fn export_markdown(plan: &Plan, audience: Audience, now: DateTime<Utc>) -> ExportedFile {
    ExportedFile {
        bytes: plan_markdown(&cut_for(plan, audience, &[]), now).into_bytes(),
        file_name: format!("{}.md", slug(&plan.title)),
        media_type: MEDIA_TYPE,
    }
}

/// The newest take of the needs assessment, by area, and the days of the earlier takes.
fn assessment(md: &mut String, plan: &Plan) {
    use crate::core::assessment::AssessmentArea;
    let takes = plan.assessment_takes();
    let Some(latest) = takes.first() else {
        return;
    };
    let _ = writeln!(
        md,
        "## Needs assessment\n\nTaken on {}.\n",
        latest.fields.taken_on.format("%-d %b %Y")
    );
    for area in AssessmentArea::ALL {
        for a in latest.fields.answers_in(area) {
            let _ = writeln!(
                md,
                "- **{}** {}",
                escape_inline(&a.question),
                escape_inline(&a.answer)
            );
        }
    }
    md.push('\n');
    if takes.len() > 1 {
        let days: Vec<String> = takes[1..]
            .iter()
            .map(|t| t.fields.taken_on.format("%-d %b %Y").to_string())
            .collect();
        let _ = writeln!(md, "Earlier takes: {}.\n", days.join(", "));
    }
}

/// The newest take of the interest profile: its code, the ratings, the reading, the one line
/// on what it is, and the days and codes of the earlier takes.
fn interests(md: &mut String, plan: &Plan) {
    use crate::core::interests::{InterestType, ABOUT, MAX_INTEREST};
    let takes = plan.interest_takes();
    let Some(latest) = takes.first() else {
        return;
    };
    let f = &latest.fields;
    let code = f.code_letters();
    let _ = writeln!(
        md,
        "## Interest profile\n\nTaken on {}. Code: **{}**.\n",
        f.taken_on.format("%-d %b %Y"),
        if code.is_empty() { "none" } else { &code }
    );
    for t in InterestType::ALL {
        let rating = match f.rating(t) {
            Some(v) => format!("{v} of {MAX_INTEREST}"),
            None => "skipped".to_owned(),
        };
        let _ = writeln!(md, "- {} ({}): {rating}", t.name(), t.letter());
    }
    md.push('\n');
    for line in f.reading() {
        let _ = writeln!(md, "{}\n", escape_inline(&line));
    }
    let _ = writeln!(md, "*{}*\n", escape_inline(ABOUT));
    if takes.len() > 1 {
        let days: Vec<String> = takes[1..]
            .iter()
            .map(|t| {
                let c = t.fields.code_letters();
                format!(
                    "{} ({})",
                    t.fields.taken_on.format("%-d %b %Y"),
                    if c.is_empty() { "no code" } else { &c }
                )
            })
            .collect();
        let _ = writeln!(md, "Earlier takes: {}.\n", days.join(", "));
    }
}
