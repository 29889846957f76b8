//! Plans to try the app with and to test it against: a realistic client plan for "try with a
//! sample plan", and a deterministic generator of plans of any size for tests and benchmarks.

use super::action::{ActionDraft, IfThen};
use super::assessment::{AssessmentAnswer, AssessmentArea, AssessmentDraft};
use super::checkin::{CheckInDraft, GoalEntryDraft, KpiValue};
use super::document::DocKind;
use super::errors::CoreError;
use super::goal::{GoalChange, GoalDraft, Priority, Serves};
use super::ids::id_from_bytes;
use super::journal::ReflectionDraft;
use super::kpi::{Direction, KpiDraft};
use super::meta::Author;
use super::milestone::MilestoneDraft;
use super::plan::{Plan, PlanKind};
use super::profile::ProfileDraft;
use super::review::ReviewDraft;
use super::schedule::{local_date, Cadence, ScheduleDraft};
use super::touched::Touched;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use uuid::Uuid;

fn new_id_of(t: &Touched, kind: DocKind) -> Result<Uuid, CoreError> {
    t.id_of(kind).ok_or(CoreError::NotFound {
        kind: "new record",
        id: Uuid::nil(),
    })
}

fn s(x: &str) -> String {
    x.to_owned()
}

/// Maya, a secondary-school science teacher six weeks into a move to UX research.
/// Everything is dated relative to `now`, so the sample always looks current.
pub fn sample_plan(now: DateTime<Utc>) -> Result<Plan, CoreError> {
    let coach = Author::Coach;
    let client = Author::Client;
    let offset = 60;
    let at = |days_ago: i64| now - Duration::days(days_ago);
    let today = local_date(now, offset);
    let day = |d: i64| today + Duration::days(d);
    let start = day(-42);

    let mut plan = Plan::new(
        "Maya: from teaching to UX research",
        PlanKind::ClientPlan,
        at(43),
        coach,
    )?;
    plan.set_profile(
        ProfileDraft {
            name: Some(s("Maya Okafor")),
            current_role: s("Secondary school science teacher (8 years)"),
            vision: s("In three to five years I lead user research for an education or health product, \
                       spend my days understanding how people learn and decide, and have my evenings back."),
            values: vec![s("Curiosity"), s("Helping people learn"), s("Balance"), s("Autonomy")],
            strengths: vec![
                s("Interviewing teenagers and parents"),
                s("Designing experiments"),
                s("Explaining complex ideas simply"),
                s("Patience"),
            ],
        },
        at(43),
        coach,
    )?;
    let qa = |area, q: &str, a: &str| AssessmentAnswer {
        area,
        question: q.to_owned(),
        answer: a.to_owned(),
    };
    plan.add_assessment(
        AssessmentDraft {
            taken_on: day(-43),
            answers: vec![
                qa(AssessmentArea::Motivations, "What draws you to UX research?", "Finding out why people struggle and fixing it for many at once."),
                qa(AssessmentArea::Barriers, "What could stop you?", "Time: marking eats my weekends. Fear that 'teacher' reads as junior."),
                qa(AssessmentArea::Strengths, "What are you already good at?", "Running interviews, observing classrooms, turning data into a story."),
                qa(AssessmentArea::Values, "What must your next job give you?", "Room to be curious, and evenings free."),
                qa(AssessmentArea::Resources, "Who and what can help?", "A UX meetup in town, a friend at a health-tech start-up, savings for 3 months."),
            ],
        },
        at(43),
        client,
    )?;
    plan.set_schedule(
        ScheduleDraft {
            cadence: Cadence::Weeks {
                weeks: 1,
                weekday: Weekday::Mon,
            },
            utc_offset_minutes: offset,
            starts_on: start,
            time_zone: None,
        },
        at(43),
        coach,
    )?;

    // Goal 1: portfolio.
    let g1 = new_id_of(
        &plan.add_goal(
            GoalDraft {
                title: s("Build a UX research portfolio"),
                why: s("Hiring managers want to see research I led, not just hear about it."),
                description: s("Publish three case studies (a school usability study and two volunteer projects) on a simple portfolio site."),
                confidence: Some(7),
                support: s("Two evenings a week; feedback from a UX mentor."),
                serves: vec![Serves::Value(s("Curiosity")), Serves::Vision],
                start_date: start,
                target_date: Some(day(78)),
                priority: Priority::High,
            },
            at(42),
            coach,
        )?,
        DocKind::Goal,
    )?;
    let k1 = new_id_of(
        &plan.add_kpi(
            KpiDraft {
                goal_id: g1,
                name: s("Case studies published"),
                unit: s("case studies"),
                baseline: 0.0,
                target: 3.0,
                direction: Direction::Up,
            },
            at(42),
            coach,
        )?,
        DocKind::Kpi,
    )?;
    let m1 = new_id_of(
        &plan.add_milestone(
            MilestoneDraft {
                goal_id: g1,
                title: s("Portfolio site live with an 'about me'"),
                due: day(-20),
                order: 1,
            },
            at(42),
            coach,
        )?,
        DocKind::Milestone,
    )?;
    plan.add_milestone(
        MilestoneDraft {
            goal_id: g1,
            title: s("First case study published"),
            due: day(10),
            order: 2,
        },
        at(42),
        coach,
    )?;
    plan.add_milestone(
        MilestoneDraft {
            goal_id: g1,
            title: s("Third case study published"),
            due: day(75),
            order: 3,
        },
        at(42),
        coach,
    )?;
    plan.complete_milestone(m1, at(22), client)?;

    // Goal 2: the job.
    let g2 = new_id_of(
        &plan.add_goal(
            GoalDraft {
                title: s("Land a junior UX research role"),
                why: s("It is the door to the career in my vision."),
                description: s("Get an offer for a junior or associate UX researcher role at an education or health company."),
                confidence: Some(5),
                support: s("Referrals from the meetup; a CV review with my coach."),
                serves: vec![Serves::Vision, Serves::Value(s("Helping people learn"))],
                start_date: start,
                target_date: Some(day(140)),
                priority: Priority::High,
            },
            at(42),
            coach,
        )?,
        DocKind::Goal,
    )?;
    let k2 = new_id_of(
        &plan.add_kpi(
            KpiDraft {
                goal_id: g2,
                name: s("Applications sent"),
                unit: s("applications"),
                baseline: 0.0,
                target: 20.0,
                direction: Direction::Up,
            },
            at(42),
            coach,
        )?,
        DocKind::Kpi,
    )?;
    plan.add_milestone(
        MilestoneDraft {
            goal_id: g2,
            title: s("CV rewritten for research roles"),
            due: day(-7),
            order: 1,
        },
        at(42),
        coach,
    )?;
    plan.add_milestone(
        MilestoneDraft {
            goal_id: g2,
            title: s("First interview"),
            due: day(60),
            order: 2,
        },
        at(42),
        coach,
    )?;

    // Goal 3: balance, a falling KPI.
    let g3 = new_id_of(
        &plan.add_goal(
            GoalDraft {
                title: s("Get my weekends back"),
                why: s("I need the time for the portfolio, and I am tired."),
                description: s("Cut weekend marking to at most two hours by marking in class and using rubrics."),
                confidence: Some(8),
                support: s("Agreement with my head of department on peer marking."),
                serves: vec![Serves::Value(s("Balance"))],
                start_date: start,
                target_date: Some(day(20)),
                priority: Priority::Medium,
            },
            at(42),
            client,
        )?,
        DocKind::Goal,
    )?;
    let k3 = new_id_of(
        &plan.add_kpi(
            KpiDraft {
                goal_id: g3,
                name: s("Hours marking per weekend"),
                unit: s("hours"),
                baseline: 6.0,
                target: 2.0,
                direction: Direction::Down,
            },
            at(42),
            client,
        )?,
        DocKind::Kpi,
    )?;

    // Actions, rated so the ranking has something to say.
    let act = |goal: Option<Uuid>,
               title: &str,
               due: Option<NaiveDate>,
               impact,
               effort,
               if_then: Option<(&str, &str)>| ActionDraft {
        goal_id: goal,
        title: title.to_owned(),
        due,
        impact,
        effort,
        if_then: if_then.map(|(w, t)| IfThen {
            when: w.to_owned(),
            then: t.to_owned(),
        }),
    };
    let a_done = new_id_of(
        &plan.add_action(
            act(
                Some(g2),
                "Ask Sam for a referral at his start-up",
                Some(day(-30)),
                5,
                1,
                None,
            ),
            at(42),
            coach,
        )?,
        DocKind::Action,
    )?;
    plan.complete_action(a_done, at(33), client)?;
    plan.add_action(
        act(
            Some(g1),
            "Write up the Year 9 app usability study",
            Some(day(5)),
            5,
            3,
            Some((
                "it is Tuesday after school",
                "I will write for 45 minutes in the library",
            )),
        ),
        at(42),
        coach,
    )?;
    plan.add_action(
        act(
            Some(g2),
            "Send two applications",
            Some(day(3)),
            4,
            2,
            Some((
                "it is Sunday 8pm",
                "I will send two applications before opening anything else",
            )),
        ),
        at(42),
        coach,
    )?;
    plan.add_action(
        act(
            Some(g2),
            "Take the free 'Intro to UX research' course",
            None,
            3,
            4,
            None,
        ),
        at(42),
        client,
    )?;
    plan.add_action(
        act(
            Some(g3),
            "Set up peer marking with rubrics for Year 10",
            Some(day(-2)),
            4,
            2,
            None,
        ),
        at(42),
        client,
    )?;
    plan.add_action(
        act(
            None,
            "Go to the monthly UX meetup",
            Some(day(12)),
            3,
            1,
            None,
        ),
        at(40),
        client,
    )?;

    // History of measurements and check-ins.
    for (days_ago, k, v) in [
        (41, k3, 6.0),
        (41, k1, 0.0),
        (41, k2, 0.0),
        (34, k3, 5.0),
        (27, k2, 3.0),
    ] {
        plan.log_measurement(k, v, at(days_ago), at(days_ago), client)?;
    }
    let checkin = |days_ago: i64, entries: Vec<GoalEntryDraft>, confidence, mood| {
        (
            at(days_ago),
            CheckInDraft {
                date: local_date(at(days_ago), offset),
                entries,
                confidence,
                mood,
            },
        )
    };
    let entry = |goal_id, note: &str, values: Vec<(Uuid, f64)>, blockers: &str, next: &str| {
        GoalEntryDraft {
            goal_id,
            progress_note: note.to_owned(),
            kpi_values: values
                .into_iter()
                .map(|(kpi_id, value)| KpiValue { kpi_id, value })
                .collect(),
            blockers: blockers.to_owned(),
            next_steps: next.to_owned(),
        }
    };
    for (when, draft) in [
        checkin(
            21,
            vec![
                entry(
                    g1,
                    "Portfolio site is live 🎉",
                    vec![],
                    "",
                    "Draft the first case study.",
                ),
                entry(
                    g2,
                    "Sent three more applications.",
                    vec![(k2, 6.0)],
                    "No replies yet.",
                    "Ask the meetup for CV feedback.",
                ),
            ],
            6,
            4,
        ),
        checkin(
            14,
            vec![entry(
                g3,
                "Peer marking worked for Year 10.",
                vec![(k3, 4.0)],
                "",
                "Roll it out to Year 11.",
            )],
            7,
            4,
        ),
        checkin(
            7,
            vec![
                entry(
                    g1,
                    "Case study half written.",
                    vec![],
                    "Report term ate my evenings.",
                    "Finish it over half-term.",
                ),
                entry(
                    g2,
                    "Two rejections, one screening call!",
                    vec![(k2, 8.0)],
                    "Summer hiring freezes.",
                    "Target September starts.",
                ),
            ],
            5,
            3,
        ),
    ] {
        plan.record_checkin(draft, when, client)?;
    }
    plan.adapt_goal(
        g2,
        GoalChange::TargetDate(Some(day(200))),
        "Several companies froze hiring over the summer; aiming for September starts instead.",
        at(7),
        coach,
    )?;
    plan.add_review(
        ReviewDraft {
            from: day(-42),
            to: day(-14),
            went_well: s(
                "The portfolio site went live and peer marking saved two hours a weekend.",
            ),
            to_change: s("Protect Tuesday evenings for writing; stop applying to senior roles."),
        },
        at(13),
        coach,
    )?;
    for (days_ago, text, prompt, tags, mood, private) in [
        (40, "Told my head of department about the plan. She was kinder than I feared.", None, vec!["courage", "work"], Some(4), false),
        (26, "What energised me this week? Watching a Year 8 student fight with the homework app. I wanted to interview her.", Some("What energised you this week?"), vec!["curiosity", "research"], Some(5), false),
        (12, "Tired. Wondering whether I am too old for this. Writing it down helps.", None, vec!["doubt"], Some(2), true),
        (3, "First screening call done ✅ — they liked the classroom study. مرحبا to the new team member from Cairo in the meetup!", None, vec!["wins", "interviews"], Some(5), false),
    ] {
        plan.add_reflection(
            ReflectionDraft {
                text: text.to_owned(),
                prompt: prompt.map(str::to_owned),
                tags: tags.into_iter().map(str::to_owned).collect(),
                mood,
                private,
            },
            at(days_ago),
            client,
        )?;
    }
    Ok(plan)
}

/// SplitMix64: tiny, fast and good enough to make varied test data from a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn id(&mut self) -> Uuid {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.next().to_le_bytes());
        b[8..].copy_from_slice(&self.next().to_le_bytes());
        id_from_bytes(b)
    }
}

const VERBS: &[&str] = &[
    "Interview",
    "Shadow",
    "Email",
    "Draft",
    "Publish",
    "Practise",
    "Review",
    "Call",
    "Map",
    "Sketch",
];
const THINGS: &[&str] = &[
    "a hiring manager",
    "the case study",
    "my CV",
    "a mentor",
    "the portfolio",
    "a recruiter",
    "three job ads",
    "my network",
    "the course notes",
    "an old colleague",
];
const FEELINGS: &[&str] = &[
    "hopeful",
    "tired",
    "curious",
    "nervous",
    "proud",
    "stuck",
    "energised",
    "calm",
    "frustrated",
    "grateful",
];
const TOPICS: &[&str] = &[
    "interviews",
    "networking",
    "portfolio",
    "balance",
    "learning",
    "money",
    "confidence",
    "family",
    "research",
    "feedback",
];

/// A plan of the requested size, identical for the same arguments: ids, texts and times come
/// from `seed`, and times start on 1 January 2024. Each goal gets one KPI and three milestones;
/// actions and measurements are spread over the goals (measurements need at least one goal,
/// so none are made without one).
pub fn seeded_plan(
    goals: usize,
    actions: usize,
    measurements: usize,
    reflections: usize,
    seed: u64,
) -> Result<Plan, CoreError> {
    let mut rng = Rng(seed);
    let base =
        Utc.with_ymd_and_hms(2024, 1, 1, 9, 0, 0)
            .single()
            .ok_or(CoreError::DateOutOfRange {
                field: "The sample start",
            })?;
    let mut tick = 0i64;
    let mut next_time = || {
        tick += 1;
        base + Duration::minutes(tick * 7)
    };
    let by = |r: &mut Rng| {
        if r.below(2) == 0 {
            Author::Coach
        } else {
            Author::Client
        }
    };
    let start = base.date_naive();

    let mut plan = Plan::with_id(
        rng.id(),
        &format!("Seeded plan {seed}"),
        PlanKind::ClientPlan,
        base,
        Author::Coach,
    )?;
    plan.set_profile(
        ProfileDraft {
            name: Some(format!("Client {seed}")),
            current_role: s("Teacher"),
            vision: s("Leading research that helps people learn."),
            values: vec![s("Curiosity"), s("Balance"), s("Autonomy")],
            strengths: vec![s("Listening"), s("Explaining")],
        },
        base,
        Author::Coach,
    )?;
    plan.set_schedule(
        ScheduleDraft {
            cadence: Cadence::Weeks {
                weeks: 1,
                weekday: Weekday::Mon,
            },
            utc_offset_minutes: 0,
            starts_on: start,
            time_zone: None,
        },
        base,
        Author::Coach,
    )?;

    let mut goal_ids = Vec::with_capacity(goals);
    let mut kpi_ids = Vec::with_capacity(goals);
    for i in 0..goals {
        let (gid, kid) = (rng.id(), rng.id());
        let now = next_time();
        let who = by(&mut rng);
        let down = rng.below(4) == 0;
        plan.add_goal_as(
            gid,
            GoalDraft {
                title: format!("Goal {}: {} {}", i + 1, rng.pick(VERBS), rng.pick(THINGS)),
                why: format!("Because it serves {}", rng.pick(TOPICS)),
                description: format!(
                    "{} {} every week until the target date",
                    rng.pick(VERBS),
                    rng.pick(THINGS)
                ),
                confidence: Some(1 + rng.below(10) as u8),
                support: s("Two evenings a week"),
                serves: vec![Serves::Value(s("Curiosity"))],
                start_date: start,
                target_date: Some(start + Duration::days(90 + rng.below(275) as i64)),
                priority: [Priority::High, Priority::Medium, Priority::Low][rng.below(3) as usize],
            },
            now,
            who,
        )?;
        let (baseline, target, direction) = if down {
            (40.0, 10.0, Direction::Down)
        } else {
            (0.0, 20.0, Direction::Up)
        };
        plan.add_kpi_as(
            kid,
            KpiDraft {
                goal_id: gid,
                name: format!("KPI {}", i + 1),
                unit: s("count"),
                baseline,
                target,
                direction,
            },
            now,
            who,
        )?;
        for m in 0..3u32 {
            plan.add_milestone_as(
                rng.id(),
                MilestoneDraft {
                    goal_id: gid,
                    title: format!("Step {} of goal {}", m + 1, i + 1),
                    due: start + Duration::days(30 * i64::from(m + 1)),
                    order: m,
                },
                now,
                who,
            )?;
        }
        goal_ids.push(gid);
        kpi_ids.push(kid);
    }
    for i in 0..actions {
        let goal_id = (!goal_ids.is_empty()).then(|| goal_ids[i % goal_ids.len()]);
        let due = (rng.below(3) > 0).then(|| start + Duration::days(rng.below(365) as i64));
        let draft = ActionDraft {
            goal_id,
            title: format!("{} {}", rng.pick(VERBS), rng.pick(THINGS)),
            due,
            impact: 1 + rng.below(5) as u8,
            effort: 1 + rng.below(5) as u8,
            if_then: None,
        };
        let (id, now, who) = (rng.id(), next_time(), by(&mut rng));
        plan.add_action_as(id, draft, now, who)?;
    }
    if !kpi_ids.is_empty() {
        for i in 0..measurements {
            let kpi = kpi_ids[i % kpi_ids.len()];
            let value = rng.below(4001) as f64 / 100.0;
            let (id, now) = (rng.id(), next_time());
            plan.log_measurement_as(id, kpi, value, now, now, Author::Client)?;
        }
    }
    for _ in 0..reflections {
        let text = format!(
            "Felt {} today. {} {} went {}; next time I will focus on {}.",
            rng.pick(FEELINGS),
            rng.pick(VERBS),
            rng.pick(THINGS),
            rng.pick(&["well", "badly", "better than expected", "sideways"]),
            rng.pick(TOPICS)
        );
        let draft = ReflectionDraft {
            text,
            prompt: None,
            tags: vec![rng.pick(TOPICS).to_owned()],
            mood: Some(1 + rng.below(5) as u8),
            private: rng.below(5) == 0,
        };
        let (id, now) = (rng.id(), next_time());
        plan.add_reflection_as(id, draft, now, Author::Client)?;
    }
    Ok(plan)
}
