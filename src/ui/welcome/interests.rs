//! The interest profile (docs/METHOD.md), part of getting to know the client: Holland's six
//! interest types as the six groups of Bolles' party, one per screen, each rated 0–4 or
//! skipped; then the code and what it means. The ratings are kept as a draft with the device's
//! preferences until saved, so leaving midway, a reload or going offline loses nothing. Each
//! save is a new take; the profile shows the newest and the earlier ones.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::core::ids::profile_id;
use crate::core::interests::{InterestDraft, InterestType, ABOUT, MAX_INTEREST, RATING_WORDS};
use crate::core::Plan;
use crate::ui::format::{show_date, today};
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, WithPlan};
use crate::ui::widgets::{DiscardDraft, FlowCard, GuidedFlow, InfoNotice};

const FLOW: &str = "interests";
/// The party, six groups, and the code.
const STEPS: usize = 8;
const CODE_STEP: usize = STEPS - 1;

/// What the device keeps between screens, reloads and closed browsers: the step and the six
/// ratings in R-I-A-S-E-C order (`None`: not rated).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct KeptInterests {
    step: usize,
    ratings: [Option<u8>; 6],
}

#[component]
pub fn InterestsScreen() -> impl IntoView {
    view! {
        <Page title="Your interests">
            <WithPlan>
                <Flow/>
            </WithPlan>
        </Page>
    }
}

fn draft_of(ratings: &[Option<u8>; 6]) -> InterestDraft {
    let mut d = InterestDraft::new(today());
    for (t, v) in InterestType::ALL.into_iter().zip(ratings) {
        d.set_rating(t, *v);
    }
    d
}

#[component]
fn Flow() -> impl IntoView {
    let ws = use_workspace();
    // The draft is kept per plan, about the client (the profile's id).
    let about = profile_id(
        ws.plan
            .with_untracked(|p| p.as_ref().map(Plan::id))
            .unwrap_or_default(),
    );
    let (flow, kept) = GuidedFlow::start(ws, FLOW, about, STEPS, |k: &KeptInterests| k.step);
    let resumed = kept.is_some();
    // A retake starts from the newest take's ratings, as the assessment does.
    let ratings = RwSignal::new(kept.map_or_else(
        || {
            ws.plan.with_untracked(|p| {
                let latest = p.as_ref().and_then(|p| p.latest_interests());
                InterestType::ALL.map(|t| latest.and_then(|l| l.fields.rating(t)))
            })
        },
        |k| k.ratings,
    ));
    flow.keep(move || KeptInterests {
        step: flow.step.get(),
        ratings: ratings.get(),
    });

    let go = move |to: usize| flow.go(to);
    let save = Callback::new(move |_| {
        let draft = draft_of(&ratings.get_untracked());
        flow.save("Your interest profile was not saved:", move |p, now, by| {
            p.add_interest_profile(draft, now, by)
        });
    });
    let discard = Callback::new(move |_| flow.discard("/plan/profile"));

    let step_view = move || {
        match flow.step.get() {
        0 => view! {
            <h2 id="step-heading" tabindex="-1">"The party"</h2>
            <p>
                "Picture a party where the guests have gathered in six groups, each around the kind of "
                "work they enjoy. On the next six screens you meet each group. Rate how much you would "
                "enjoy spending your working days doing what they do, from 0 (not at all) to 4 (very much)."
            </p>
            <p>"There are no right answers, and you can skip any group. At the end you get a three-letter code and what it means."</p>
            <AboutInterests testid="interests-about"/>
        }
        .into_any(),
        CODE_STEP => view! {
            <h2 id="step-heading" tabindex="-1">"Your interest code"</h2>
            <CodeView ratings=Signal::derive(move || ratings.get()) change=go/>
            <AboutInterests/>
        }
        .into_any(),
        n => {
            let t = InterestType::ALL[n - 1];
            view! { <TypeStep t=t ratings=ratings/> }.into_any()
        }
    }
    };

    view! {
        <p class="back-link"><a href="/plan/profile">"← Vision and values"</a></p>
        <Show when=move || flow.saved.with(Option::is_none) fallback=move || view! {
            <div class="card" data-testid="interests-done">
                <h2 id="step-heading" tabindex="-1">"Interest profile saved"</h2>
                <p>"It is on your profile, with the code and what it means. Rate again any time: each take is kept."</p>
                <div class="form-actions">
                    <a class="button primary" href="/plan/profile#interests">"See it on your profile"</a>
                    <a class="button" href="/plan">"Back to your plan"</a>
                </div>
            </div>
        }>
            {resumed.then(|| view! { <InfoNotice><p>"Welcome back: your unsaved ratings are just as you left them."</p></InfoNotice> })}
            <FlowCard flow=flow save_label="Save" on_save=save
                can_save=Signal::derive(move || ratings.with(|r| r.iter().any(Option::is_some)))>
                {step_view}
            </FlowCard>
            <div class="flow-leave">
                <p class="muted">"Every rating is optional. Your ratings are kept on this device until you save, even if you leave this screen or close the app."</p>
                <a class="button link-button" href="/plan">"Skip for now"</a>
                <DiscardDraft label="Discard these ratings" confirm=flow.confirm_discard on_discard=discard
                    warning="Tap again to discard your ratings. Interest profiles you saved before stay as they were."/>
            </div>
        </Show>
    }
}

/// One group of the party: who they are, what they do, and the client's rating.
#[component]
fn TypeStep(t: InterestType, ratings: RwSignal<[Option<u8>; 6]>) -> impl IntoView {
    let i = InterestType::ALL
        .iter()
        .position(|x| *x == t)
        .unwrap_or_default();
    let name = format!("interest-{}", t.letter());
    view! {
        <h2 id="step-heading" tabindex="-1">{t.people()}</h2>
        <p class="muted interest-type">{format!("Holland's {} type ({})", t.name(), t.letter())}</p>
        <p>{t.description()}</p>
        <p class="activities-heading">"For example:"</p>
        <ul class="interest-activities">
            {t.activities().iter().map(|a| view! { <li>{*a}</li> }).collect_view()}
        </ul>
        <fieldset class="choices interest-rating">
            <legend>"How much would you enjoy work like this?"</legend>
            {(0..=MAX_INTEREST).map(|v| {
                let name = name.clone();
                view! {
                    <label class="choice">
                        <input type="radio" name=name value=v.to_string()
                            prop:checked=move || ratings.with(|r| r[i] == Some(v))
                            on:change=move |_| ratings.update(|r| r[i] = Some(v))/>
                        <span>{format!("{v} · {}", RATING_WORDS[usize::from(v)])}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
        {move || match ratings.with(|r| r[i]) {
            Some(_) => view! {
                <button type="button" class="button small" on:click=move |_| ratings.update(|r| r[i] = None)>
                    "Clear my rating (skip this group)"
                </button>
            }.into_any(),
            None => view! {
                <p class="muted">"Not sure? Leave it unrated and go on: a skipped group stays out of the code."</p>
            }.into_any(),
        }}
    }
}

/// The code of these ratings, the reading, and each rating with a way back to change it.
#[component]
fn CodeView(
    #[prop(into)] ratings: Signal<[Option<u8>; 6]>,
    change: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let d = draft_of(&ratings.get());
        if d.is_empty() {
            return view! {
                <p data-testid="interest-code-none">
                    "You skipped every group, so there is nothing to save. Go back and rate one, or leave this for now."
                </p>
            }
            .into_any();
        }
        view! {
            <CodeAndReading draft=d.clone()/>
            <ul class="interest-changes">
                {InterestType::ALL.into_iter().enumerate().map(|(i, t)| view! {
                    <li>
                        <span>
                            <strong>{format!("{} ({})", t.name(), t.letter())}</strong>
                            <br/>
                            {rating_words(d.rating(t))}
                        </span>
                        <button type="button" class="button small" aria-label=format!("Change {}", t.name())
                            on:click=move |_| change(i + 1)>"Change"</button>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

/// The one line on what this is (`ABOUT`). The address may break after "www." and after each
/// "/" (`<wbr>`, so nothing is added to what is copied): at 200 % text on a phone it is wider
/// than the line, and would otherwise break inside a word.
#[component]
pub fn AboutInterests(#[prop(optional)] testid: &'static str) -> impl IntoView {
    let (before, after) = ABOUT.split_once("www.").unwrap_or((ABOUT, ""));
    let parts = (!after.is_empty()).then(|| {
        std::iter::once("www.")
            .chain(after.split_inclusive('/'))
            .map(|part| view! { {part}<wbr/> })
            .collect_view()
    });
    view! {
        <p class="method-why muted" data-testid=(!testid.is_empty()).then_some(testid)>
            {before}{parts}
        </p>
    }
}

/// "3 of 4 · Quite a lot", or "Skipped".
fn rating_words(v: Option<u8>) -> String {
    match v {
        Some(v) => format!("{v} of {MAX_INTEREST} · {}", RATING_WORDS[usize::from(v)]),
        None => "Skipped".to_owned(),
    }
}

/// The code and what it means.
#[component]
fn CodeAndReading(draft: InterestDraft) -> impl IntoView {
    let code = draft.code_letters();
    view! {
        <p class="interest-code" data-testid="interest-code">
            {if code.is_empty() { "No code".to_owned() } else { code }}
        </p>
        <div class="interest-reading" data-testid="interest-reading">
            {draft.reading().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
        </div>
    }
}

/// A take as the profile and the printed plan show it: the code, the reading, and the six
/// ratings.
#[component]
pub fn InterestFacts(draft: InterestDraft) -> impl IntoView {
    let ratings = InterestType::ALL
        .into_iter()
        .map(|t| view! { <dt>{format!("{} ({})", t.name(), t.letter())}</dt><dd>{rating_words(draft.rating(t))}</dd> })
        .collect_view();
    view! {
        <CodeAndReading draft=draft/>
        <dl class="goal-facts interest-ratings">{ratings}</dl>
    }
}

/// The newest take on the profile, the earlier ones, and a way to rate again (each take kept).
#[component]
pub fn InterestCard() -> impl IntoView {
    let ws = use_workspace();
    let takes = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.interest_takes()
                        .into_iter()
                        .map(|t| t.fields.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" id="interests" aria-labelledby="interests-heading" data-testid="interest-profile">
            <h2 id="interests-heading">"Interest profile"</h2>
            <AboutInterests/>
            {move || {
                let takes = takes.get();
                match takes.split_first() {
                    None => view! {
                        <p class="muted">"Not taken yet. Rate six kinds of work, one per screen, and get a three-letter code of what you enjoy."</p>
                    }.into_any(),
                    Some((latest, earlier)) => {
                        let earlier = earlier.to_vec();
                        view! {
                            <p class="muted">{format!("Taken on {}.", show_date(latest.taken_on))}</p>
                            <InterestFacts draft=latest.clone()/>
                            {(!earlier.is_empty()).then(|| view! {
                                <details class="earlier-takes">
                                    <summary>{format!("Earlier takes ({})", earlier.len())}</summary>
                                    <ul>
                                        {earlier.iter().map(|t| {
                                            let c = t.code_letters();
                                            view! { <li>{format!("{}: {}", show_date(t.taken_on), if c.is_empty() { "no code".to_owned() } else { c })}</li> }
                                        }).collect_view()}
                                    </ul>
                                </details>
                            })}
                        }.into_any()
                    }
                }
            }}
            <a class="button" href="/welcome/interests">
                {move || if takes.with(|t| t.is_empty()) { "Rate your interests" } else { "Rate your interests again" }}
            </a>
        </section>
    }
}
