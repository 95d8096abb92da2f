//! The interface language: every menu, panel, dialog and status text, looked up by key in the
//! Fluent resources `assets/i18n/{en-US,zh-CN}/atlas.ftl` (embedded, so the binary works anywhere).
//!
//! A bottom-layer module (it imports nothing from the crate) so that `commands` can label its
//! actions. Node and kind names are not here: they come bilingual from the data.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

/// The language of the interface (not of node labels, which `LabelLang` chooses).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UiLang {
    #[default]
    English,
    Chinese,
}

impl UiLang {
    pub const ALL: [UiLang; 2] = [UiLang::English, UiLang::Chinese];

    /// The language of a locale name such as `zh-CN`, `zh_TW.UTF-8` or `en-GB`.
    pub fn from_locale(locale: &str) -> UiLang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            UiLang::Chinese
        } else {
            UiLang::English
        }
    }

    /// The system's language, English when it cannot be told.
    pub fn from_system() -> UiLang {
        sys_locale::get_locale().map_or(UiLang::English, |l| UiLang::from_locale(&l))
    }

    /// `en` / `zh`, as the `--ui-lang` flag takes them.
    pub fn parse(s: &str) -> Option<UiLang> {
        match s.to_ascii_lowercase().as_str() {
            "en" | "english" | "en-us" => Some(UiLang::English),
            "zh" | "chinese" | "zh-cn" | "中文" => Some(UiLang::Chinese),
            _ => None,
        }
    }

    /// The language the app draws in on this thread (set once per frame by the app).
    pub fn current() -> UiLang {
        CURRENT.with(Cell::get)
    }

    /// Make `lang` the language of `t`/`t_args` on this thread. The app calls it at the start
    /// of every frame, so panels need no language parameter; one thread per window (and per
    /// test harness) keeps parallel tests in different languages apart.
    pub fn set_current(lang: UiLang) {
        CURRENT.with(|c| c.set(lang));
    }

    /// The Fluent resource text of the language.
    pub fn resource(self) -> &'static str {
        match self {
            UiLang::English => EN_FTL,
            UiLang::Chinese => ZH_FTL,
        }
    }
}

thread_local! {
    static CURRENT: Cell<UiLang> = const { Cell::new(UiLang::English) };
}

pub const EN_FTL: &str = include_str!("../assets/i18n/en-US/atlas.ftl");
pub const ZH_FTL: &str = include_str!("../assets/i18n/zh-CN/atlas.ftl");

/// A value for a message's variable: counts are formatted per language, text as given.
pub enum Arg<'a> {
    Num(f64),
    Text(Cow<'a, str>),
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        }
    )*};
}
num_arg!(usize, u32, u64, i32, i64, f32, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

struct Bundles {
    en: FluentBundle<FluentResource>,
    zh: FluentBundle<FluentResource>,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    en: bundle("en-US", EN_FTL),
    zh: bundle("zh-CN", ZH_FTL),
});

fn bundle(locale: &str, text: &'static str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = locale.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as boxes in egui's fonts.
    b.set_use_isolating(false);
    b.set_formatter(Some(format_number));
    // The resources are checked by tests; a broken entry is skipped, not fatal.
    let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(res, _)| res);
    let _ = b.add_resource(res);
    b
}

/// Whole numbers with thousands separators, as both languages write them (12,345; 1.5).
fn format_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    Some(group_digits(n.value))
}

/// `12345.0` → `12,345`; fractions keep at most two decimals.
pub fn group_digits(v: f64) -> String {
    let neg = v < 0.0;
    let a = v.abs();
    let whole = a.trunc() as u64;
    let frac = a - a.trunc();
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if frac > 0.005 {
        let f = format!("{frac:.2}");
        out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    if neg { format!("-{out}") } else { out }
}

/// The text of `key` in `lang`; the key itself when it is missing (a test forbids that).
pub fn tr(lang: UiLang, key: &str) -> String {
    tr_args(lang, key, &[])
}

/// The text of `key` in `lang` with its variables, e.g. `&[("count", n.into())]`.
pub fn tr_args(lang: UiLang, key: &str, args: &[(&str, Arg)]) -> String {
    let b = match lang {
        UiLang::English => &BUNDLES.en,
        UiLang::Chinese => &BUNDLES.zh,
    };
    let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, v) in args {
        match v {
            Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            Arg::Text(s) => fargs.set(*name, FluentValue::from(s.as_ref())),
        }
    }
    let mut errors = Vec::new();
    let fargs = (!args.is_empty()).then_some(&fargs);
    b.format_pattern(pattern, fargs, &mut errors).into_owned()
}

/// `tr` in the current language of this thread.
pub fn t(key: &str) -> String {
    tr(UiLang::current(), key)
}

/// `tr_args` in the current language of this thread.
pub fn t_args(key: &str, args: &[(&str, Arg)]) -> String {
    tr_args(UiLang::current(), key, args)
}

/// The message ids a Fluent resource defines, in order.
pub fn resource_keys(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_numbers_follow_the_language() {
        let en = tr_args(
            UiLang::English,
            "status-opened",
            &[
                ("file", "a.ron".into()),
                ("nodes", 1.into()),
                ("edges", 12345.into()),
            ],
        );
        assert_eq!(en, "opened a.ron — 1 node, 12,345 edges");
        let zh = tr_args(
            UiLang::Chinese,
            "status-opened",
            &[
                ("file", "a.ron".into()),
                ("nodes", 1.into()),
                ("edges", 12345.into()),
            ],
        );
        assert_eq!(zh, "已打开 a.ron — 1 个节点，12,345 条边");
    }

    #[test]
    fn locale_names_choose_the_language() {
        assert_eq!(UiLang::from_locale("zh-CN"), UiLang::Chinese);
        assert_eq!(UiLang::from_locale("zh_TW.UTF-8"), UiLang::Chinese);
        assert_eq!(UiLang::from_locale("en-GB"), UiLang::English);
        assert_eq!(UiLang::parse("zh"), Some(UiLang::Chinese));
        assert_eq!(UiLang::parse("fr"), None);
        assert_eq!(group_digits(1234567.0), "1,234,567");
        assert_eq!(group_digits(0.5), "0.5");
    }
}
