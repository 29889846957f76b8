#![cfg(not(target_arch = "wasm32"))]
//! A coach's practice: one template sent to several clients, each client's work kept in a plan
//! of its own on the coach's device, never mixed (issue #11). Devices are modelled as the
//! plans they hold; an import does what the import screen does (`identity::related`, `route`,
//! then each target's merge).

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use uuid::Uuid;
use waymark::core::checkin::{CheckInDraft, GoalEntryDraft, KpiValue};
use waymark::core::journal::ReflectionDraft;
use waymark::core::milestone::MilestoneDraft;
use waymark::core::prompts::prompts_for;
use waymark::core::sample::sample_plan;
use waymark::core::{Author, Plan, PlanKind};
use waymark::exchange::export::{
    export_plan_for_client, export_progress_report, export_template, plan_file,
    progress_report_file,
};
use waymark::exchange::identity::{related, separate_id};
use waymark::exchange::{
    parse_plan_file, preview_route, route, FileKind, Mismatch, Placement, StartSetup,
};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn day(n: i64) -> DateTime<Utc> {
    t0() + Duration::days(n)
}

/// A device: the plans it holds and whose device it is.
struct Device {
    role: Author,
    plans: Vec<Plan>,
    /// The name a client gives when a template starts their plan.
    name: Option<String>,
}

impl Device {
    fn new(role: Author) -> Device {
        Device {
            role,
            plans: Vec::new(),
            name: None,
        }
    }

    fn client(name: &str) -> Device {
        Device {
            name: Some(name.to_owned()),
            ..Device::new(Author::Client)
        }
    }

    fn setup(&self, now: DateTime<Utc>) -> StartSetup {
        StartSetup {
            plan_id: Uuid::new_v4(),
            client: self.name.clone(),
            starts_on: now.date_naive(),
            now,
        }
    }

    /// Opens a plan file as the import screen does and confirms it. A file whose id is held
    /// by evidently someone else's plan is not merged: the mismatch comes back instead.
    fn import(&mut self, bytes: &[u8], now: DateTime<Utc>) -> Result<Placement, Mismatch> {
        self.import_as(bytes, now, false)
    }

    /// "Keep as a separate plan".
    fn import_separately(&mut self, bytes: &[u8], now: DateTime<Utc>) -> Placement {
        self.import_as(bytes, now, true).unwrap()
    }

    fn import_as(
        &mut self,
        bytes: &[u8],
        now: DateTime<Utc>,
        separate: bool,
    ) -> Result<Placement, Mismatch> {
        let file = parse_plan_file(bytes).unwrap();
        let listed: Vec<(Uuid, Option<Uuid>)> = self
            .plans
            .iter()
            .map(|p| (p.id(), p.from_template))
            .collect();
        let ids = related(&file, &listed);
        let local: Vec<Plan> = self
            .plans
            .iter()
            .filter(|p| ids.contains(&p.id()))
            .cloned()
            .collect();
        let r = route(&file, &local, self.role, separate, &self.setup(now)).unwrap();
        // The preview and the import agree.
        let preview = preview_route(&file, &r);
        assert_eq!(preview.placement, r.placement);
        if let Some(m) = r.mismatch {
            return Err(m);
        }
        for t in &r.targets {
            self.put(t.merge(&file).plan);
        }
        Ok(r.placement)
    }

    fn put(&mut self, plan: Plan) {
        match self.plans.iter_mut().find(|p| p.id() == plan.id()) {
            Some(p) => *p = plan,
            None => self.plans.push(plan),
        }
    }

    fn client_plans(&self) -> Vec<&Plan> {
        self.plans
            .iter()
            .filter(|p| p.kind == PlanKind::ClientPlan)
            .collect()
    }

    fn only_plan(&mut self) -> &mut Plan {
        assert_eq!(self.plans.len(), 1, "one plan on this device");
        &mut self.plans[0]
    }

    fn plan_of(&self, client: &str) -> &Plan {
        let found: Vec<&Plan> = self
            .plans
            .iter()
            .filter(|p| p.client_name() == Some(client))
            .collect();
        assert_eq!(found.len(), 1, "exactly one plan for {client}");
        found[0]
    }
}

fn reflect(plan: &mut Plan, text: &str, private: bool, now: DateTime<Utc>) {
    plan.add_reflection(
        ReflectionDraft {
            text: text.into(),
            prompt: None,
            tags: Vec::new(),
            mood: Some(3),
            private,
        },
        now,
        Author::Client,
    )
    .unwrap();
}

/// A client's week: a check-in with a KPI value, a shared reflection and a private one.
fn work(plan: &mut Plan, who: &str, now: DateTime<Utc>) {
    let goal = plan.live_goals()[0].meta.id;
    let kpi = plan.kpis_of(goal).next().map(|k| k.meta.id);
    plan.record_checkin(
        CheckInDraft {
            date: now.date_naive(),
            entries: vec![GoalEntryDraft {
                goal_id: goal,
                progress_note: format!("{who}: steady week"),
                kpi_values: kpi
                    .map(|k| {
                        vec![KpiValue {
                            kpi_id: k,
                            value: 3.0,
                        }]
                    })
                    .unwrap_or_default(),
                blockers: String::new(),
                next_steps: String::new(),
            }],
            confidence: 7,
            mood: 4,
        },
        now,
        Author::Client,
    )
    .unwrap();
    reflect(
        plan,
        &format!("{who}: the portfolio review went well"),
        false,
        now,
    );
    reflect(plan, &format!("{who}: only for me"), true, now);
}

fn words(plan: &Plan) -> Vec<String> {
    plan.reflections
        .iter()
        .map(|r| r.fields.text.clone())
        .chain(
            plan.checkins
                .iter()
                .flat_map(|c| c.entries.iter().map(|e| e.progress_note.clone())),
        )
        .collect()
}

/// The template the coach keeps (the sample plan's design) with a prompt of the coach's own.
fn coach_with_template() -> (Device, Plan) {
    let mut coach = Device::new(Author::Coach);
    let sample = sample_plan(t0()).unwrap();
    let mut template = sample
        .copy_structure(
            "Career change in 12 weeks",
            PlanKind::Template,
            t0(),
            Author::Coach,
        )
        .unwrap();
    template.prompts = vec!["What did you learn about the job you want?".to_owned()];
    coach.put(template.clone());
    (coach, template)
}

fn add_milestone(template: &mut Plan, title: &str, now: DateTime<Utc>) -> Uuid {
    let goal = template.live_goals()[0].meta.id;
    let due = template.day_one().unwrap() + Duration::days(20);
    let t = template
        .add_milestone(
            MilestoneDraft {
                goal_id: goal,
                title: title.into(),
                due,
                order: 9,
            },
            now,
            Author::Coach,
        )
        .unwrap();
    t.id_of(waymark::core::DocKind::Milestone).unwrap()
}

#[test]
fn two_clients_reports_from_one_template_land_in_two_plans() {
    let (mut coach, template) = coach_with_template();
    let sent = export_template(&template, day(1), Author::Coach);

    let mut maya = Device::client("Maya");
    let mut ravi = Device::client("Ravi");
    maya.import(&sent.bytes, day(2)).unwrap();
    ravi.import(&sent.bytes, day(2)).unwrap();
    reflect(
        maya.only_plan(),
        "Maya: the portfolio review went well",
        false,
        day(3),
    );
    reflect(
        ravi.only_plan(),
        "Ravi: I doubt the move to product",
        false,
        day(3),
    );

    let maya_report = export_progress_report(maya.only_plan(), &[], day(4), Author::Client);
    let ravi_report = export_progress_report(ravi.only_plan(), &[], day(4), Author::Client);
    coach.import(&maya_report.bytes, day(5)).unwrap();
    coach.import(&ravi_report.bytes, day(5)).unwrap();

    let clients = coach.client_plans();
    assert_eq!(
        clients.len(),
        2,
        "one plan per client on the coach's device"
    );
    let maya_plan = clients
        .iter()
        .find(|p| words(p).iter().any(|w| w.starts_with("Maya")))
        .expect("Maya's plan");
    let ravi_plan = clients
        .iter()
        .find(|p| words(p).iter().any(|w| w.starts_with("Ravi")))
        .expect("Ravi's plan");
    assert_ne!(maya_plan.id(), ravi_plan.id());
    assert!(words(maya_plan).iter().all(|w| w.starts_with("Maya")));
    assert!(words(ravi_plan).iter().all(|w| w.starts_with("Ravi")));
    let the_template = coach
        .plans
        .iter()
        .find(|p| p.id() == template.id())
        .unwrap();
    assert_eq!(the_template, &template, "the template is untouched");

    // A second import of the same report changes nothing.
    let before = coach.plans.clone();
    coach.import(&maya_report.bytes, day(6)).unwrap();
    assert_eq!(coach.plans, before);
}

#[test]
fn a_template_opened_by_a_client_is_a_new_plan_that_remembers_it() {
    let (_coach, template) = coach_with_template();
    let sent = export_template(&template, day(1), Author::Coach);
    let mut maya = Device::client("Maya");
    assert_eq!(
        maya.import(&sent.bytes, day(2)).unwrap(),
        Placement::StartFromTemplate
    );
    let plan = maya.only_plan().clone();
    assert_ne!(plan.id(), template.id());
    assert_eq!(plan.kind, PlanKind::ClientPlan);
    assert_eq!(plan.from_template, Some(template.id()));
    assert_eq!(plan.client_name(), Some("Maya"));
    // No record id of the template is reused.
    let template_ids: Vec<Uuid> = template.goals.iter().map(|g| g.meta.id).collect();
    assert!(plan
        .goals
        .iter()
        .all(|g| !template_ids.contains(&g.meta.id)));
    assert_eq!(plan.goals.len(), template.goals.len());

    // The same template again adds nothing.
    let before = maya.plans.clone();
    assert_eq!(
        maya.import(&sent.bytes, day(3)).unwrap(),
        Placement::UpdateFromTemplate
    );
    assert_eq!(maya.plans, before);
}

#[test]
fn dates_count_from_the_day_the_client_starts_and_nothing_is_overdue_on_day_one() {
    let (_coach, template) = coach_with_template();
    let t_start = template.day_one().unwrap();
    let start = NaiveDate::from_ymd_opt(2027, 9, 6).unwrap();
    let plan = template
        .start_client_plan(
            Uuid::new_v4(),
            "Maya's plan",
            Some("Maya"),
            start,
            day(0),
            Author::Coach,
        )
        .unwrap();
    assert_eq!(plan.starts_on, Some(start));
    assert_eq!(plan.day_one(), Some(start));
    for (m, tm) in plan.milestones.iter().zip(sorted_like(&plan, &template)) {
        assert_eq!(
            m.fields.due - start,
            tm.fields.due - t_start,
            "{}",
            m.fields.title
        );
    }
    assert!(plan.milestones.iter().all(|m| m.fields.due >= start));
    assert!(plan.goals.iter().all(|g| g.fields.start_date >= start));
    assert!(plan.schedule.as_ref().unwrap().fields.starts_on >= start);
}

/// The template's milestones in the order of the plan's (matched by title).
fn sorted_like<'a>(
    plan: &Plan,
    template: &'a Plan,
) -> Vec<&'a waymark::core::milestone::Milestone> {
    plan.milestones
        .iter()
        .map(|m| {
            template
                .milestones
                .iter()
                .find(|t| t.fields.title == m.fields.title)
                .unwrap()
        })
        .collect()
}

#[test]
fn a_revised_template_merges_into_every_clients_plan_keeping_their_work() {
    let (mut coach, mut template) = coach_with_template();
    let first = export_template(&template, day(1), Author::Coach);
    let mut clients: Vec<Device> = ["Maya", "Ravi", "Ines"].map(Device::client).into();
    for (i, c) in clients.iter_mut().enumerate() {
        c.import(&first.bytes, day(2 + i as i64)).unwrap();
        let name = c.name.clone().unwrap();
        let at = day(5 + i as i64);
        work(c.only_plan(), &name, at);
        let m = c.only_plan().milestones[0].meta.id;
        c.only_plan()
            .complete_milestone(m, at, Author::Client)
            .unwrap();
    }
    for c in &mut clients {
        let report = export_progress_report(c.only_plan(), &[], day(9), Author::Client);
        coach.import(&report.bytes, day(10)).unwrap();
    }
    assert_eq!(coach.client_plans().len(), 3);
    for name in ["Maya", "Ravi", "Ines"] {
        let p = coach.plan_of(name);
        assert!(
            words(p).iter().all(|w| w.starts_with(name)),
            "{name}: {:?}",
            words(p)
        );
        assert!(words(p).iter().all(|w| !w.contains("only for me")));
        assert_eq!(p.measurements.len(), 1);
    }

    // The coach adds a milestone for everyone and sends the template again.
    add_milestone(&mut template, "Two informational interviews", day(11));
    coach.put(template.clone());
    let second = export_template(&template, day(11), Author::Coach);
    for c in &mut clients {
        let before = c.only_plan().clone();
        assert_eq!(
            c.import(&second.bytes, day(12)).unwrap(),
            Placement::UpdateFromTemplate
        );
        let after = c.only_plan().clone();
        assert_eq!(after.id(), before.id());
        assert_eq!(after.milestones.len(), before.milestones.len() + 1);
        assert!(after
            .milestones
            .iter()
            .any(|m| m.fields.title == "Two informational interviews"));
        assert_eq!(after.reflections, before.reflections);
        assert_eq!(after.checkins, before.checkins);
        assert_eq!(after.measurements, before.measurements);
        assert!(
            after.milestones.iter().any(|m| m.done_at.is_some()),
            "the ticked milestone stays ticked"
        );
        // Again: nothing.
        c.import(&second.bytes, day(13)).unwrap();
        assert_eq!(c.only_plan(), &after);
    }
    // Their next reports bring the new milestone into each client's own plan on the coach's
    // device, and a report imported twice changes nothing.
    for c in &mut clients {
        let report = export_progress_report(c.only_plan(), &[], day(14), Author::Client);
        coach.import(&report.bytes, day(15)).unwrap();
        let before = coach.plans.clone();
        coach.import(&report.bytes, day(16)).unwrap();
        assert_eq!(coach.plans, before);
    }
    assert_eq!(coach.client_plans().len(), 3);
    for name in ["Maya", "Ravi", "Ines"] {
        let p = coach.plan_of(name);
        assert!(p
            .milestones
            .iter()
            .any(|m| m.fields.title == "Two informational interviews"));
        assert!(words(p).iter().all(|w| w.starts_with(name)));
    }
    assert_eq!(
        coach
            .plans
            .iter()
            .find(|p| p.id() == template.id())
            .unwrap(),
        &template
    );
}

#[test]
fn the_coachs_route_a_named_plan_sent_to_its_client_and_reports_coming_back_into_it() {
    let (mut coach, mut template) = coach_with_template();
    let start = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
    let prepared = template
        .start_client_plan(
            Uuid::new_v4(),
            &template.title,
            Some("Maya Chen"),
            start,
            day(1),
            Author::Coach,
        )
        .unwrap();
    coach.put(prepared.clone());
    let sent = export_plan_for_client(&prepared, day(1), Author::Coach);
    assert!(
        sent.file_name.starts_with("maya-chen-career-change"),
        "{}",
        sent.file_name
    );
    let file = parse_plan_file(&sent.bytes).unwrap();
    assert_eq!(file.kind, FileKind::PlanForClient);
    assert_eq!(file.plan.client.as_deref(), Some("Maya Chen"));
    assert_eq!(file.plan.from_template, Some(template.id()));

    let mut maya = Device::client("Maya Chen");
    assert_eq!(
        maya.import(&sent.bytes, day(2)).unwrap(),
        Placement::NewPlan
    );
    assert_eq!(maya.only_plan().id(), prepared.id());
    work(maya.only_plan(), "Maya", day(4));
    let report = export_progress_report(maya.only_plan(), &[], day(5), Author::Client);
    assert_eq!(
        coach.import(&report.bytes, day(5)).unwrap(),
        Placement::Merge
    );
    assert_eq!(coach.client_plans().len(), 1, "no second, unnamed plan");
    assert_eq!(coach.plan_of("Maya Chen").reflections.len(), 1);

    // A revised template reaches the plan the coach prepared, with the same record ids the
    // coach's device would give it.
    let new = add_milestone(&mut template, "Update the CV", day(6));
    let revision = export_template(&template, day(6), Author::Coach);
    assert_eq!(
        maya.import(&revision.bytes, day(7)).unwrap(),
        Placement::UpdateFromTemplate
    );
    let expected_id = waymark::core::copying::id_in_plan(prepared.id(), new);
    assert!(maya.only_plan().milestone(expected_id).is_some());
    assert!(maya
        .only_plan()
        .milestones
        .iter()
        .all(|m| m.fields.due >= start));
}

#[test]
fn prompts_the_coach_wrote_come_with_the_template_and_are_offered_first() {
    let (_coach, template) = coach_with_template();
    let sent = export_template(&template, day(1), Author::Coach);
    let mut maya = Device::client("Maya");
    maya.import(&sent.bytes, day(2)).unwrap();
    let offered = prompts_for(maya.only_plan());
    assert_eq!(offered[0], "What did you learn about the job you want?");
    assert!(offered.len() > 1, "the built-in prompts follow");
    // They travel on: the client's backup keeps them.
    let backup = plan_file(maya.only_plan(), day(3), Author::Client);
    let back = parse_plan_file(&backup.to_json()).unwrap();
    assert_eq!(back.plan.prompts, maya.only_plan().prompts);
}

/// Before plans had ids of their own, a client opening a template kept the template's id, so
/// two clients' reports carried one plan id.
fn legacy_report(template: &Plan, who: &str, now: DateTime<Utc>) -> Vec<u8> {
    let mut plan = template.clone();
    plan.kind = PlanKind::ClientPlan;
    plan.set_profile(
        waymark::core::profile::ProfileDraft {
            name: Some(who.to_owned()),
            current_role: "Teacher".into(),
            vision: String::new(),
            values: Vec::new(),
            strengths: Vec::new(),
        },
        now,
        Author::Client,
    )
    .unwrap();
    work(&mut plan, who, now);
    progress_report_file(&plan, &[], now, Author::Client).to_json()
}

#[test]
fn an_old_report_never_lands_in_the_template() {
    let (mut coach, template) = coach_with_template();
    let maya = legacy_report(&template, "Maya", day(3));
    let ravi = legacy_report(&template, "Ravi", day(3));
    assert!(matches!(
        coach.import(&maya, day(4)),
        Err(Mismatch::IntoTemplate { .. })
    ));
    assert_eq!(coach.import_separately(&maya, day(4)), Placement::Separate);
    assert!(matches!(
        coach.import(&ravi, day(4)),
        Err(Mismatch::IntoTemplate { .. })
    ));
    coach.import_separately(&ravi, day(4));
    assert_eq!(coach.client_plans().len(), 2);
    assert!(words(coach.plan_of("Maya"))
        .iter()
        .all(|w| w.starts_with("Maya")));
    assert!(words(coach.plan_of("Ravi"))
        .iter()
        .all(|w| w.starts_with("Ravi")));
    assert_eq!(
        coach
            .plans
            .iter()
            .find(|p| p.id() == template.id())
            .unwrap(),
        &template
    );
    // The same file again finds the separate plan kept for it: nothing changes, no question.
    let before = coach.plans.clone();
    assert_eq!(coach.import(&maya, day(5)), Ok(Placement::Merge));
    assert_eq!(coach.plans, before);
}

#[test]
fn an_old_report_from_another_client_with_the_same_id_is_kept_apart() {
    let (_, template) = coach_with_template();
    // This coach's device does not hold the template (it was cut from another plan).
    let mut coach = Device::new(Author::Coach);
    let maya = legacy_report(&template, "Maya", day(3));
    let ravi = legacy_report(&template, "Ravi", day(3));
    assert_eq!(coach.import(&maya, day(4)), Ok(Placement::NewPlan));
    match coach.import(&ravi, day(4)) {
        Err(Mismatch::OtherClient { local, incoming }) => {
            assert_eq!((local.as_str(), incoming.as_str()), ("Maya", "Ravi"));
        }
        other => panic!("expected a mismatch, got {other:?}"),
    }
    coach.import_separately(&ravi, day(4));
    assert_eq!(coach.client_plans().len(), 2);
    // Ravi's next report goes to his separate plan; Maya's to hers.
    let mut ravi_plan = coach.plan_of("Ravi").clone();
    reflect(&mut ravi_plan, "Ravi: week two", false, day(8));
    let ravi_next = progress_report_file(&ravi_plan, &[], day(8), Author::Client);
    // (A legacy file carries the old id; the separate plan is found from its history.)
    let mut legacy_next = ravi_next.clone();
    legacy_next.plan.meta.id = template.id();
    legacy_next.plan.profile.as_mut().unwrap().meta.id =
        waymark::core::ids::profile_id(template.id());
    legacy_next.plan.schedule.as_mut().unwrap().meta.id =
        waymark::core::ids::schedule_id(template.id());
    assert_eq!(separate_id(&legacy_next.plan), ravi_plan.id());
    assert_eq!(
        coach.import(&legacy_next.to_json(), day(9)),
        Ok(Placement::Merge)
    );
    assert!(words(coach.plan_of("Ravi")).contains(&"Ravi: week two".to_owned()));
    assert!(words(coach.plan_of("Maya"))
        .iter()
        .all(|w| w.starts_with("Maya")));
}

#[test]
fn reports_that_share_no_history_are_not_merged_even_without_names() {
    let (_, template) = coach_with_template();
    let mut coach = Device::new(Author::Coach);
    let unnamed = |who: &str| {
        let mut plan = template.clone();
        plan.kind = PlanKind::ClientPlan;
        work(&mut plan, who, day(3));
        progress_report_file(&plan, &[], day(3), Author::Client).to_json()
    };
    coach.import(&unnamed("Maya"), day(4)).unwrap();
    assert!(matches!(
        coach.import(&unnamed("Ravi"), day(4)),
        Err(Mismatch::NoSharedHistory { .. })
    ));
}

#[test]
fn whom_a_plan_is_for_and_where_it_came_from_travel_in_its_files() {
    let (_, mut template) = coach_with_template();
    template.title = "Career change in 12 weeks (template)".into();
    let start = NaiveDate::from_ymd_opt(2026, 4, 6).unwrap();
    let mut plan = template
        .start_client_plan(
            Uuid::new_v4(),
            template.title_for_client_plan(),
            Some("Maya Chen"),
            start,
            day(1),
            Author::Coach,
        )
        .unwrap();
    assert_eq!(plan.title, "Career change in 12 weeks");
    plan.set_client("Maya Chen-Okafor", day(2), Author::Coach)
        .unwrap();
    for file in [
        plan_file(&plan, day(3), Author::Coach),
        waymark::exchange::export::plan_for_client_file(&plan, day(3), Author::Coach),
        progress_report_file(&plan, &[], day(3), Author::Client),
    ] {
        let back = parse_plan_file(&file.to_json()).unwrap();
        assert_eq!(back.plan, plan, "{:?}", file.kind);
    }
    // A name that says nothing clears it; one with a line break is refused.
    plan.set_client("  ", day(4), Author::Coach).unwrap();
    assert_eq!(plan.client, None);
    assert!(plan
        .set_client("Maya\nChen", day(4), Author::Coach)
        .is_err());
    // A file that does not know these keys still reads (format version 1 as first published).
    let old = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/plan-files/v1-sample.waymark.json"),
    )
    .unwrap();
    let old = parse_plan_file(&old).unwrap();
    assert_eq!(
        (old.plan.client, old.plan.from_template, old.plan.starts_on),
        (None, None, None)
    );
}

/// "Send the latest version": on the coach's device the revised template updates every client
/// plan made from it (each client's work stays), and the plan file sent to each client merges
/// into their own plan, keeping what they wrote since; a second import changes nothing.
#[test]
fn send_the_latest_version_updates_each_clients_plan_on_both_devices() {
    use waymark::exchange::identity::update_from_template;
    let (mut coach, mut template) = coach_with_template();
    let first = export_template(&template, day(1), Author::Coach);
    let mut clients: Vec<Device> = ["Maya", "Ravi", "Ines"].map(Device::client).into();
    for (i, c) in clients.iter_mut().enumerate() {
        c.import(&first.bytes, day(2 + i as i64)).unwrap();
        let name = c.name.clone().unwrap();
        work(c.only_plan(), &name, day(5 + i as i64));
        let report = export_progress_report(c.only_plan(), &[], day(8), Author::Client);
        coach.import(&report.bytes, day(9)).unwrap();
        // Work the coach has not seen yet.
        reflect(
            c.only_plan(),
            &format!("{name}: after the report"),
            false,
            day(10),
        );
    }

    let title = "Two informational interviews";
    add_milestone(&mut template, title, day(11));
    coach.put(template.clone());
    let mut sent = Vec::new();
    for name in ["Maya", "Ravi", "Ines"] {
        let local = coach.plan_of(name).clone();
        let outcome = update_from_template(&template, &local, day(12), Author::Coach);
        let updated = outcome.plan;
        assert_eq!(updated.id(), local.id());
        assert_eq!(updated.milestones.len(), local.milestones.len() + 1);
        assert_eq!(
            updated.reflections, local.reflections,
            "{name}'s words stay"
        );
        assert_eq!(updated.checkins, local.checkins);
        assert_eq!(updated.measurements, local.measurements);
        // Done again: nothing more changes.
        assert!(
            update_from_template(&template, &updated, day(13), Author::Coach)
                .touched
                .is_empty()
        );
        coach.put(updated.clone());
        let file = export_plan_for_client(&updated, day(12), Author::Coach);
        assert!(
            file.file_name.starts_with(&name.to_lowercase()),
            "{}",
            file.file_name
        );
        sent.push(file);
    }
    assert!(words(coach.plan_of("Maya"))
        .iter()
        .all(|w| w.starts_with("Maya")));

    for (c, file) in clients.iter_mut().zip(&sent) {
        let name = c.name.clone().unwrap();
        let before = c.only_plan().clone();
        assert_eq!(c.import(&file.bytes, day(14)).unwrap(), Placement::Merge);
        let after = c.only_plan().clone();
        assert_eq!(after.id(), before.id());
        assert!(after.milestones.iter().any(|m| m.fields.title == title));
        assert_eq!(after.reflections.len(), before.reflections.len(), "{name}");
        assert!(words(&after).iter().any(|w| w.contains("only for me")));
        assert!(words(&after).iter().any(|w| w.contains("after the report")));
        assert!(words(&after).iter().all(|w| w.starts_with(&name)));
        c.import(&file.bytes, day(15)).unwrap();
        assert_eq!(c.only_plan(), &after, "a second import changes nothing");
        // The template file sent instead would have brought the same milestone: no duplicate.
        let revised = export_template(&template, day(12), Author::Coach);
        c.import(&revised.bytes, day(16)).unwrap();
        assert_eq!(c.only_plan().milestones.len(), after.milestones.len());
    }
}
