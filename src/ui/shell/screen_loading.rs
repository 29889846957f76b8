//! "Opening …" while a screen's code is on its way. The release build fetches each group of
//! screens on its first visit (ui/lazy_screens.rs), and meanwhile the router keeps the old
//! screen under the newly highlighted tab. From the service worker's cache a group comes in
//! tens of milliseconds and nothing shows; if it takes longer than a moment (a first visit on a
//! slow network, a slow phone compiling it), words and a moving bar above the bottom bar say
//! the tap was heard. The words are put into a status region only then, so a screen reader
//! hears them only when there is something to wait for.

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;

/// How long a screen may take before the sign shows: below this a person does not notice.
const NOTICEABLE: Duration = Duration::from_millis(250);

/// How many openings have begun (so one tells itself from a later one; it never goes back) and
/// the screen being opened now, which is what the sign says.
#[derive(Clone, Copy)]
struct Opening(RwSignal<(u64, Option<&'static str>)>);

pub fn provide_screen_loading() {
    provide_context(Opening(RwSignal::new((0, None))));
}

/// Awaits `load` (a screen's code) and says, if it takes a while, that `what` is being opened.
/// A newer opening takes over the sign; one the router gives up on (a tap elsewhere) clears it
/// when its future is dropped.
// Only the split build has screens whose code comes later.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub async fn while_opening<T>(what: &'static str, load: impl Future<Output = T>) -> T {
    let Some(Opening(opening)) = use_context::<Opening>() else {
        return load.await;
    };
    let id = opening.get_untracked().0 + 1;
    opening.set((id, Some(what)));
    let _clear = Clear { opening, id };
    load.await
}

struct Clear {
    opening: RwSignal<(u64, Option<&'static str>)>,
    id: u64,
}

impl Drop for Clear {
    fn drop(&mut self) {
        // When the page goes, the signal may be disposed first: try_ then does nothing.
        if self
            .opening
            .try_get_untracked()
            .is_some_and(|(latest, _)| latest == self.id)
        {
            self.opening.try_set((self.id, None));
        }
    }
}

#[component]
pub fn ScreenLoading() -> impl IntoView {
    let opening = use_context::<Opening>().map(|Opening(o)| o);
    let shown = RwSignal::new(None::<&'static str>);
    Effect::new(move |pending: Option<Option<TimeoutHandle>>| {
        if let Some(Some(timer)) = pending {
            timer.clear();
        }
        match opening.and_then(|o| o.get().1) {
            Some(what) => set_timeout_with_handle(move || shown.set(Some(what)), NOTICEABLE).ok(),
            None => {
                shown.set(None);
                None
            }
        }
    });
    view! {
        <div role="status" data-testid="screen-loading">
            {move || shown.get().map(|what| view! {
                <div class="screen-loading">
                    <span>{format!("Opening {what}…")}</span>
                    <span class="screen-loading-bar" aria-hidden="true"></span>
                </div>
            })}
        </div>
    }
}
