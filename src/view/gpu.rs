//! A custom paint path for the two big batched meshes (thin edges, far nodes): an egui_glow
//! paint callback that uploads our pooled vertex buffers and draws them itself.
//!
//! Through epaint, every frame copies those meshes into a fresh output mesh (several MB at
//! 100k nodes), computes their bounds, and the allocator hands back fresh pages each time. The
//! callback keeps the vertices where the canvas built them. The shader reproduces egui_glow's
//! for untextured vertices (premultiplied colours in gamma space, dithering, egui's blend
//! state, which egui_glow sets before calling us and restores after), so the picture is the
//! same pixel for pixel. Without
//! glow (tests, other renderers) or if the shaders fail, the canvas falls back to epaint.

use eframe::egui_glow;
use eframe::glow::{self, HasContext};
use egui::epaint::Vertex;
use egui::{Mesh, Rect};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// GL objects shared by the callbacks of all frames; created on the paint thread at first use.
#[derive(Clone, Default)]
pub struct GpuMeshes {
    program: Arc<Mutex<Option<Program>>>,
    /// Set when the program could not be built: draw through epaint from then on.
    failed: Arc<AtomicBool>,
}

impl std::fmt::Debug for GpuMeshes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GpuMeshes")
            .field("failed", &self.failed.load(Ordering::Relaxed))
            .finish()
    }
}

impl GpuMeshes {
    pub fn usable(&self) -> bool {
        !self.failed.load(Ordering::Relaxed)
    }

    /// A shape drawing `mesh` (screen coordinates in points) through our program, clipped by
    /// the painter's clip rectangle like any other shape.
    pub fn shape(&self, rect: Rect, mesh: Arc<Mesh>) -> egui::Shape {
        let program = self.program.clone();
        let failed = self.failed.clone();
        let callback = egui_glow::CallbackFn::new(move |info, painter| {
            let gl = painter.gl();
            let mut guard = program.lock().unwrap_or_else(|e| e.into_inner());
            if guard.is_none() && !failed.load(Ordering::Relaxed) {
                match Program::new(gl) {
                    Ok(p) => *guard = Some(p),
                    Err(e) => {
                        eprintln!("canvas: custom paint path unavailable, using epaint: {e}");
                        failed.store(true, Ordering::Relaxed);
                    }
                }
            }
            if let Some(p) = guard.as_ref() {
                // SAFETY: called by egui_glow on its GL context with its state prepared; we
                // bind only our own objects and unbind our vertex array before returning.
                unsafe { p.draw(gl, &info, &mesh) };
            }
        });
        egui::Shape::Callback(egui::PaintCallback {
            rect,
            callback: Arc::new(callback),
        })
    }
}

struct Program {
    program: glow::Program,
    vao: glow::VertexArray,
    vbo: glow::Buffer,
    ebo: glow::Buffer,
    u_screen_size: Option<glow::UniformLocation>,
}

const VERTEX: &str = r#"
#if NEW_SHADER_INTERFACE
    #define I in
    #define O out
#else
    #define I attribute
    #define O varying
#endif
#ifdef GL_ES
    #if defined(GL_FRAGMENT_PRECISION_HIGH) && GL_FRAGMENT_PRECISION_HIGH == 1
        precision highp float;
    #else
        precision mediump float;
    #endif
#endif
uniform vec2 u_screen_size;
I vec2 a_pos;
I vec4 a_srgba;
O vec4 v_rgba_in_gamma;
void main() {
    gl_Position = vec4(
        2.0 * a_pos.x / u_screen_size.x - 1.0,
        1.0 - 2.0 * a_pos.y / u_screen_size.y,
        0.0,
        1.0);
    v_rgba_in_gamma = a_srgba / 255.0;
}
"#;

// egui_glow's fragment shader for untextured vertices (it multiplies by the font texture's
// white texel, 1.0), including its dithering: eframe turns dithering on by default and the app
// keeps the default, and it changes the rounding of translucent edges.
const FRAGMENT: &str = r#"
#ifdef GL_ES
    #if defined(GL_FRAGMENT_PRECISION_HIGH) && GL_FRAGMENT_PRECISION_HIGH == 1
        precision highp float;
    #else
        precision mediump float;
    #endif
#endif
#if NEW_SHADER_INTERFACE
    in vec4 v_rgba_in_gamma;
    out vec4 f_color;
    #define gl_FragColor f_color
#else
    varying vec4 v_rgba_in_gamma;
#endif
float interleaved_gradient_noise(vec2 n) {
    float f = 0.06711056 * n.x + 0.00583715 * n.y;
    return fract(52.9829189 * fract(f));
}
vec3 dither_interleaved(vec3 rgb, float levels) {
    float noise = interleaved_gradient_noise(gl_FragCoord.xy);
    noise = (noise - 0.5) * 0.95;
    return rgb + noise / (levels - 1.0);
}
void main() {
    vec4 frag_color_gamma = v_rgba_in_gamma;
    frag_color_gamma.rgb = dither_interleaved(frag_color_gamma.rgb, 256.);
    gl_FragColor = frag_color_gamma;
}
"#;

/// Compile a vertex and a fragment shader and link them into a program (the shaders are
/// deleted once linked); the error is the driver's log. Shared by both GPU paths.
///
/// # Safety
/// `gl` must be the current context of the calling thread.
pub(super) unsafe fn link_program(
    gl: &glow::Context,
    vertex: &str,
    fragment: &str,
) -> Result<glow::Program, String> {
    // SAFETY: plain GL object creation on the current context; every object is checked.
    unsafe {
        let program = gl.create_program()?;
        let mut shaders = Vec::new();
        for (kind, src) in [
            (glow::VERTEX_SHADER, vertex),
            (glow::FRAGMENT_SHADER, fragment),
        ] {
            let shader = gl.create_shader(kind)?;
            gl.shader_source(shader, src);
            gl.compile_shader(shader);
            if !gl.get_shader_compile_status(shader) {
                return Err(gl.get_shader_info_log(shader));
            }
            gl.attach_shader(program, shader);
            shaders.push(shader);
        }
        gl.link_program(program);
        if !gl.get_program_link_status(program) {
            return Err(gl.get_program_info_log(program));
        }
        for s in shaders {
            gl.detach_shader(program, s);
            gl.delete_shader(s);
        }
        Ok(program)
    }
}

impl Program {
    fn new(gl: &glow::Context) -> Result<Self, String> {
        if gl.version().major < 3 {
            return Err("needs OpenGL 3 or OpenGL ES 3 (vertex array objects)".into());
        }
        let version = egui_glow::ShaderVersion::get(gl);
        let header = format!(
            "{}\n#define NEW_SHADER_INTERFACE {}\n",
            version.version_declaration(),
            version.is_new_shader_interface() as i32
        );
        // SAFETY: plain GL object creation on the current context; every object is checked.
        unsafe {
            let program = link_program(
                gl,
                &format!("{header}{VERTEX}"),
                &format!("{header}{FRAGMENT}"),
            )?;
            let u_screen_size = gl.get_uniform_location(program, "u_screen_size");
            let a_pos = gl
                .get_attrib_location(program, "a_pos")
                .ok_or("no a_pos attribute")?;
            let a_srgba = gl
                .get_attrib_location(program, "a_srgba")
                .ok_or("no a_srgba attribute")?;
            let vao = gl.create_vertex_array()?;
            let vbo = gl.create_buffer()?;
            let ebo = gl.create_buffer()?;
            gl.bind_vertex_array(Some(vao));
            gl.bind_buffer(glow::ARRAY_BUFFER, Some(vbo));
            let stride = std::mem::size_of::<Vertex>() as i32;
            gl.vertex_attrib_pointer_f32(
                a_pos,
                2,
                glow::FLOAT,
                false,
                stride,
                std::mem::offset_of!(Vertex, pos) as i32,
            );
            gl.enable_vertex_attrib_array(a_pos);
            gl.vertex_attrib_pointer_f32(
                a_srgba,
                4,
                glow::UNSIGNED_BYTE,
                false,
                stride,
                std::mem::offset_of!(Vertex, color) as i32,
            );
            gl.enable_vertex_attrib_array(a_srgba);
            gl.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, Some(ebo));
            gl.bind_vertex_array(None);
            Ok(Program {
                program,
                vao,
                vbo,
                ebo,
                u_screen_size,
            })
        }
    }

    /// Upload and draw `mesh`. egui_glow has set the scissor (clip rectangle) and blending.
    unsafe fn draw(&self, gl: &glow::Context, info: &egui::PaintCallbackInfo, mesh: &Mesh) {
        if mesh.indices.is_empty() {
            return;
        }
        let [w, h] = info.screen_size_px;
        let ppp = info.pixels_per_point;
        // SAFETY: `Vertex` is `repr(C)` plain data (two `Pos2` and a `Color32`, no padding),
        // `u32` indices likewise; the slices live for the duration of the upload.
        let (vertices, indices) = unsafe {
            (
                std::slice::from_raw_parts(
                    mesh.vertices.as_ptr().cast::<u8>(),
                    std::mem::size_of_val(mesh.vertices.as_slice()),
                ),
                std::slice::from_raw_parts(
                    mesh.indices.as_ptr().cast::<u8>(),
                    std::mem::size_of_val(mesh.indices.as_slice()),
                ),
            )
        };
        // SAFETY: raw GL calls on the context egui_glow hands to paint callbacks, on objects
        // this painter created on that context; the byte slices are the ones checked above.
        unsafe {
            // egui_glow set the viewport to the callback's rectangle; ours maps screen points
            // like egui's own shader, so it covers the whole framebuffer.
            gl.viewport(0, 0, w as i32, h as i32);
            gl.use_program(Some(self.program));
            gl.uniform_2_f32(self.u_screen_size.as_ref(), w as f32 / ppp, h as f32 / ppp);
            gl.bind_vertex_array(Some(self.vao));
            gl.bind_buffer(glow::ARRAY_BUFFER, Some(self.vbo));
            gl.buffer_data_u8_slice(glow::ARRAY_BUFFER, vertices, glow::STREAM_DRAW);
            gl.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, Some(self.ebo));
            gl.buffer_data_u8_slice(glow::ELEMENT_ARRAY_BUFFER, indices, glow::STREAM_DRAW);
            gl.draw_elements(
                glow::TRIANGLES,
                mesh.indices.len() as i32,
                glow::UNSIGNED_INT,
                0,
            );
            gl.bind_vertex_array(None);
            gl.bind_buffer(glow::ARRAY_BUFFER, None);
        }
    }
}
