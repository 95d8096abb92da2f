//! Saved views through the UI: saving and restoring the camera, presenting, exporting.

use super::*;

/// The shipped graph and its views, copied to `dir` so that saving views cannot touch the repo.
fn harness_on_shipped_copy(dir: &Path) -> Harness<'static, AtlasApp> {
    for f in ["shenzhen.ron", "shenzhen.views.ron"] {
        std::fs::copy(common::repo("graph-data").join(f), dir.join(f)).unwrap();
    }
    harness_on(&dir.join("shenzhen.ron"))
}

#[test]
fn a_saved_view_restores_the_camera() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_on_shipped_copy(dir.path());
    h.run_steps(3);
    h.get_by_label("Views").click();
    h.run_steps(2);
    let before = h.state().briefing().views.views.len();
    h.get_by_label("Save current view").click();
    h.run_steps(2);
    assert_eq!(h.state().briefing().views.views.len(), before + 1);
    let saved = h.state().canvas().camera.clone();
    // The sidecar on disk has it too.
    let on_disk = innovation_atlas::io::views::load_views(&dir.path().join("shenzhen.views.ron"))
        .unwrap()
        .unwrap();
    assert_eq!(on_disk.views.len(), before + 1);
    // Move the camera away, then activate the view.
    h.state_mut().camera_mut().center = [saved.center[0] + 500.0, saved.center[1] - 300.0];
    h.state_mut().camera_mut().zoom = saved.zoom * 3.0;
    h.run_steps(1);
    let name = format!("{}. View {}", before + 1, before + 1);
    h.get_by_label(&name).click();
    for _ in 0..60 {
        h.run_steps(1);
    }
    let cam = &h.state().canvas().camera;
    assert!(
        (cam.center[0] - saved.center[0]).abs() < 1.0
            && (cam.center[1] - saved.center[1]).abs() < 1.0,
        "{cam:?} vs {saved:?}"
    );
    assert!((cam.zoom / saved.zoom - 1.0).abs() < 0.01);
}

#[test]
fn presenter_keys_step_through_the_views() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_on_shipped_copy(dir.path());
    h.run_steps(2);
    assert!(h.state().briefing().views.views.len() >= 8);
    h.key_press(egui::Key::F5);
    h.run_steps(2);
    assert!(h.state().briefing().presenting);
    assert_eq!(h.state().briefing().active, Some(0));
    for (key, want) in [
        (egui::Key::ArrowRight, 1),
        (egui::Key::PageDown, 2),
        (egui::Key::Space, 3),
        (egui::Key::ArrowLeft, 2),
        (egui::Key::PageUp, 1),
    ] {
        h.key_press(key);
        h.run_steps(2);
        assert_eq!(h.state().briefing().active, Some(want), "after {key:?}");
    }
    // The caption of the active view is on screen (panels are hidden).
    assert!(h.query_by_label("Inspector").is_none());
    h.key_press(egui::Key::B);
    h.run_steps(1);
    assert!(h.state().briefing().blank);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().briefing().presenting);
    assert!(h.query_all_by_label("Inspector").count() >= 1);
}

#[test]
fn export_writes_svg_with_chinese_text_and_a_png_of_the_size_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_on_shipped_copy(dir.path());
    h.run_steps(2);
    let svg = dir.path().join("v.svg");
    let png = dir.path().join("v.png");
    h.state_mut().set_export_size([800, 500]);
    h.state_mut().export_to(&svg);
    h.state_mut().export_to(&png);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("深圳"), "Chinese labels are text in the SVG");
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let hgt = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((w, hgt), (800, 500));
}
