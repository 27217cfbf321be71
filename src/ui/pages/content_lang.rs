//! The notice shown over a model's pages when the model has no texts in the interface language
//! (MEGA IP 1.0.0 has Spanish and English only): its content then appears in a language it
//! has, and the page says which, plainly, instead of mixing languages without a word.

use crate::ui::i18n::*;
use crate::ui::state::use_lang;
use leptos::prelude::*;
use megaip_core::base::locale::Lang;
use megaip_core::content::model::Model;
use std::sync::Arc;

#[component]
pub fn ContentLangNotice(model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_lang();
    move || {
        let shown = model.content_lang(ui.get());
        (shown != ui.get()).then(|| {
            let name = match shown {
                Lang::Es => t_string!(i18n, lang.es),
                Lang::En => t_string!(i18n, lang.en),
                Lang::Pt => t_string!(i18n, lang.pt),
            }
            .to_string();
            view! {
                <p class="notice content-lang" lang=ui.get().html_tag()>
                    {t_string!(i18n, lang.content_other, lang = name).to_string()}
                </p>
            }
        })
    }
}
