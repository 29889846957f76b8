#![cfg(not(target_arch = "wasm32"))]
//! A coach's practice: one template sent to several clients, each client's work kept in a plan
//! of its own on the coach's device, never mixed (issue #11). Devices are modelled as the
//! plans they hold; an import does what the import screen does.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use waymark::core::journal::ReflectionDraft;
use waymark::core::sample::sample_plan;
use waymark::core::{Author, Plan};
use waymark::exchange::export::{export_progress_report, export_template};
use waymark::exchange::{merge_import, parse_plan_file, FileKind};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

/// A device: the plans it holds and whose device it is.
struct Device {
    role: Author,
    plans: Vec<Plan>,
}

impl Device {
    fn new(role: Author) -> Device {
        Device {
            role,
            plans: Vec::new(),
        }
    }

    /// Opens a plan file as the import screen does and confirms the import.
    fn import(&mut self, bytes: &[u8], _now: DateTime<Utc>) {
        let mut file = parse_plan_file(bytes).unwrap();
        if file.kind == FileKind::Template && self.role == Author::Client {
            file.plan.kind = waymark::core::PlanKind::ClientPlan;
        }
        let local = self.plans.iter().find(|p| p.id() == file.plan.id()).cloned();
        let outcome = merge_import(local.as_ref(), &file);
        self.put(outcome.plan);
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
            .filter(|p| p.kind == waymark::core::PlanKind::ClientPlan)
            .collect()
    }

    fn only_plan(&mut self) -> &mut Plan {
        assert_eq!(self.plans.len(), 1, "one plan on this device");
        &mut self.plans[0]
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

fn words(plan: &Plan) -> Vec<String> {
    plan.reflections
        .iter()
        .map(|r| r.fields.text.clone())
        .collect()
}

fn day(n: i64) -> DateTime<Utc> {
    t0() + Duration::days(n)
}

/// The template the coach keeps (made from the sample plan's design).
fn coach_with_template() -> (Device, Plan) {
    let mut coach = Device::new(Author::Coach);
    let sample = sample_plan(t0()).unwrap();
    let template = sample
        .copy_structure(
            "Career change in 12 weeks",
            waymark::core::PlanKind::Template,
            t0(),
            Author::Coach,
        )
        .unwrap();
    coach.put(template.clone());
    (coach, template)
}

#[test]
fn two_clients_reports_from_one_template_land_in_two_plans() {
    let (mut coach, template) = coach_with_template();
    let sent = export_template(&template, day(1), Author::Coach);

    let mut maya = Device::new(Author::Client);
    let mut ravi = Device::new(Author::Client);
    maya.import(&sent.bytes, day(2));
    ravi.import(&sent.bytes, day(2));
    reflect(maya.only_plan(), "Maya: the portfolio review went well", false, day(3));
    reflect(ravi.only_plan(), "Ravi: I doubt the move to product", false, day(3));

    let maya_report = export_progress_report(maya.only_plan(), &[], day(4), Author::Client);
    let ravi_report = export_progress_report(ravi.only_plan(), &[], day(4), Author::Client);
    coach.import(&maya_report.bytes, day(5));
    coach.import(&ravi_report.bytes, day(5));

    let clients = coach.client_plans();
    assert_eq!(clients.len(), 2, "one plan per client on the coach's device");
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
    let the_template = coach.plans.iter().find(|p| p.id() == template.id()).unwrap();
    assert_eq!(the_template, &template, "the template is untouched");

    // A second import of the same report changes nothing.
    let before = coach.plans.clone();
    coach.import(&maya_report.bytes, day(6));
    assert_eq!(coach.plans, before);
    let _ = NaiveDate::MIN;
}
