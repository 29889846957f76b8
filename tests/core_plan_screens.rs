#![cfg(not(target_arch = "wasm32"))]
//! Rules the Plan screens show: the impact/effort quadrant of an action and a goal's overall
//! percent of target.

use chrono::{NaiveDate, TimeZone, Utc};
use waymark::core::action::{Action, ActionDraft};
use waymark::core::goal::GoalDraft;
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::meta::Meta;
use waymark::core::progress::goal_progress;
use waymark::core::ranking::{quadrant, Quadrant};
use waymark::core::{Author, DocKind, Plan, PlanKind};

fn action(impact: u8, effort: u8) -> Action {
    let now = Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap();
    Action {
        meta: Meta::new(uuid::Uuid::nil(), now, Author::Client),
        fields: ActionDraft::new("x", impact, effort),
        done_at: None,
    }
}

#[test]
fn quadrants_split_impact_and_effort_at_three() {
    assert_eq!(quadrant(&action(5, 1)), Quadrant::QuickWin);
    assert_eq!(quadrant(&action(3, 2)), Quadrant::QuickWin);
    assert_eq!(quadrant(&action(3, 3)), Quadrant::BigBet);
    assert_eq!(quadrant(&action(2, 2)), Quadrant::FillIn);
    assert_eq!(quadrant(&action(1, 5)), Quadrant::TimeSink);
    assert_eq!(Quadrant::ALL.len(), 4);
    assert_eq!(Quadrant::QuickWin.label(), "Quick wins");
}

#[test]
fn goal_percent_is_the_mean_of_its_kpis_and_none_without_kpis() {
    let now = Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let mut plan = Plan::new("p", PlanKind::ClientPlan, now, Author::Client).unwrap();
    let t = plan
        .add_goal(GoalDraft::titled("Goal", start), now, Author::Client)
        .unwrap();
    let g = t.id_of(DocKind::Goal).unwrap();
    let today = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    let goal = plan.goal(g).unwrap().clone();
    assert_eq!(goal_progress(&plan, &goal, today).percent(), None);

    let mut add = |name: &str, target: f64| {
        let t = plan
            .add_kpi(
                KpiDraft {
                    goal_id: g,
                    name: name.into(),
                    unit: String::new(),
                    baseline: 0.0,
                    target,
                    direction: Direction::Up,
                },
                now,
                Author::Client,
            )
            .unwrap();
        t.id_of(DocKind::Kpi).unwrap()
    };
    let k1 = add("a", 10.0);
    let _k2 = add("b", 4.0);
    plan.log_measurement(k1, 5.0, now, now, Author::Client)
        .unwrap();
    // 50 % and 0 % (nothing logged) make 25 %.
    assert_eq!(goal_progress(&plan, &goal, today).percent(), Some(25.0));
}
