//! Links to other sites, from any file (a model, the toolkit, a results file). The core decides
//! whether a string may become a link (`safe_web_link`: http or https with a host, nothing else);
//! anything else is shown as plain text, so a file can never plant a clickable `javascript:`.

use leptos::prelude::*;
use megaip_core::base::validate::safe_web_link;

/// A link that opens in a new tab, or the text itself when it is not a web address.
#[component]
pub fn WebLink(url: String, #[prop(optional, into)] label: Option<String>) -> impl IntoView {
    let text = label.unwrap_or_else(|| url.clone());
    match safe_web_link(&url) {
        Some(href) => view! { <a href=href.to_owned() target="_blank" rel="noopener noreferrer">{text}</a> }.into_any(),
        None => view! { <span class="not-a-link">{text}</span> }.into_any(),
    }
}
