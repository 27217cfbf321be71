//! A counter on two routes: the smallest Leptos app with a router, for the size benchmark.

#[cfg(feature = "web")]
fn main() {
    use leptos::prelude::*;
    use leptos_router::components::{Route, Router, Routes, A};
    use leptos_router::path;

    #[component]
    fn Counter() -> impl IntoView {
        let count = RwSignal::new(0);
        view! {
            <h1>"Counter"</h1>
            <button on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button>
            <A href="/about">"About"</A>
        }
    }

    #[component]
    fn About() -> impl IntoView {
        view! { <h1>"About"</h1><A href="/">"Back"</A> }
    }

    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Counter />
                        <Route path=path!("/about") view=About />
                    </Routes>
                </main>
            </Router>
        }
    })
}

#[cfg(not(feature = "web"))]
fn main() {}
