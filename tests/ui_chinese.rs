//! The main flows with the Chinese interface, finding widgets by their Chinese labels; and the
//! switch of interface language from the View menu.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innovation_atlas::app::{AtlasApp, Prefs, install_fonts};
use innovation_atlas::commands::Action;
use innovation_atlas::i18n::UiLang;
use innovation_atlas::model::Kind;
use innovation_atlas::ui::palette_matches;
use std::path::Path;

fn harness(ui_lang: UiLang) -> Harness<'static, AtlasApp> {
    let mut app = AtlasApp::new(Prefs {
        ui_lang,
        ..Prefs::default()
    });
    app.open_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/shenzhen.ron"));
    assert!(app.error().is_none(), "{:?}", app.error());
    app.pause_layout();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run_steps(2);
    h
}

#[test]
fn chinese_menus_search_select_and_inspector() {
    let mut h = harness(UiLang::Chinese);
    assert!(h.query_by_label("File").is_none());
    // A menu by its Chinese name lists Chinese actions.
    h.get_by_label("布局").click();
    h.run_steps(2);
    h.get_by_label("布局：按类型分层");
    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    // Search, select, read the inspector's Chinese headings.
    h.get_by_label("搜索");
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text("光明");
    h.run_steps(2);
    h.get_by_label("光明科学城 · Guangming Science City")
        .click();
    h.run_steps(3);
    let app = h.state();
    let selected: Vec<_> = app
        .selection()
        .nodes
        .iter()
        .map(|n| app.doc().kg.node(*n).id.clone())
        .collect();
    assert_eq!(selected, ["guangming-science-city"]);
    assert!(h.query_all_by_label("检查器").count() >= 1);
    h.get_by_label_contains("来源（");
    h.get_by_label_contains("邻居（");
    h.get_by_label("已固定");
    // The status bar counts in Chinese.
    h.get_by_label_contains("个节点 ·");
}

#[test]
fn chinese_filters_hide_a_kind() {
    let mut h = harness(UiLang::Chinese);
    h.get_by_label("类型");
    h.get_by_label_contains("产业 Industry (").click();
    h.run_steps(3);
    assert!(h.state().filter().hidden_kinds.contains(&Kind::INDUSTRY));
    h.get_by_label("更多筛选");
    h.get_by_label("时间轴");
}

#[test]
fn chinese_views_tab_saves_a_view() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data");
    for f in ["shenzhen.ron", "shenzhen.views.ron"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    let mut app = AtlasApp::new(Prefs {
        ui_lang: UiLang::Chinese,
        ..Prefs::default()
    });
    app.open_path(&dir.path().join("shenzhen.ron"));
    app.pause_layout();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run_steps(2);
    h.get_by_label("视图集").click();
    h.run_steps(2);
    let before = h.state().briefing().views.views.len();
    h.get_by_label("保存当前视图").click();
    h.run_steps(2);
    assert_eq!(h.state().briefing().views.views.len(), before + 1);
    // A view saved without a name is named in the interface language.
    h.get_by_label(&format!("{}. 视图 {}", before + 1, before + 1));
    h.get_by_label("演示（F5）");
}

#[test]
fn the_view_menu_switches_the_interface_language() {
    let mut h = harness(UiLang::English);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Interface: 中文").click();
    h.run_steps(3);
    h.get_by_label("文件");
    h.get_by_label("视图");
    assert!(h.query_by_label("File").is_none());
    // And back.
    h.get_by_label("视图").click();
    h.run_steps(2);
    h.get_by_label("界面：English").click();
    h.run_steps(3);
    h.get_by_label("File");
    assert!(h.query_by_label("文件").is_none());
}

#[test]
fn the_palette_finds_actions_in_both_languages_and_pinyin() {
    for query in ["open…", "打开", "dakai", "dk"] {
        assert!(palette_matches(query).contains(&Action::Open), "{query}");
    }
    assert!(palette_matches("baocun buju").contains(&Action::SaveLayout));
    assert!(!palette_matches("baocun").contains(&Action::Quit));
}
